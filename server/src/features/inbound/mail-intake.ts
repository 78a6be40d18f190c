import type { ClassifyLimits, InboundClassification } from './classifier/classification';
import { classifyInboundMessage } from './classifier';
import type { InboundNotice, InboundPipeline, NoticeOutcome, NoticeRecipient } from './notice';
import { sha256Hex } from './notice-key';
import type { PluginConfig } from '../../config/schema';

/** Where a mail came from: an IMAP mailbox (`imap:<name>`) or the raw-mail endpoint (`raw`). */
export interface MailOrigin {
  source: 'mailbox' | 'raw';
  origin: string;
  /** The mailbox's purpose (`inbound.mailboxes[].purpose`); none for raw mail. */
  purpose?: PluginConfig['inbound']['mailboxes'][number]['purpose'];
}

/** A mail the pipeline has applied, as what comes after it (the replies feature's recorder) reads it. */
export interface AppliedMail {
  raw: Buffer | string;
  classification: InboundClassification;
  from: MailOrigin;
  outcomes: NoticeOutcome[];
}

/** What happens to each mail once the pipeline applied it; it must be idempotent (a repeat comes back with `repeat` outcomes). */
export type AfterMail = (mail: AppliedMail) => Promise<void>;

export interface MailIntake {
  /**
   * Classifies one raw mail and applies what it says through the pipeline. `untouched`: a mail of a
   * replies mailbox about none of our messages, which nothing stored or changed.
   */
  take(
    raw: Buffer | string,
    from: MailOrigin
  ): Promise<{ classification: InboundClassification; outcomes: NoticeOutcome[]; untouched: boolean }>;
}

export const classifyLimitsOf = (limits: PluginConfig['inbound']['limits']): ClassifyLimits => ({
  maxBytes: limits.maxMessageBytes,
  maxDepth: limits.maxDepth,
  maxParts: limits.maxParts,
  maxHeaderBytes: limits.maxHeaderBytes,
  timeLimitMs: limits.timeLimitMs,
});

/**
 * Each recipient that failed or complained, with its own status when the notice gives one (the
 * details may also list recipients a DSN reports as delivered: those are not acted on).
 */
const recipientsOf = (c: InboundClassification): NoticeRecipient[] => {
  const details = new Map(c.details.map((d) => [d.address, d]));
  return [...new Set(c.recipients)].map((email) => {
    const detail = details.get(email);
    return {
      email,
      bounceType: detail?.bounceType ?? c.bounceType,
      reason: detail?.reason ?? c.reason,
      status: detail?.status ?? c.status,
      diagnostic: detail?.diagnostic ?? c.diagnostic,
    };
  });
};

/**
 * The one notice a mail makes. Its reference is its own Message-ID (the same mail fetched twice
 * is one notice), else the SHA-256 of its bytes.
 */
export const noticeOfMail = (raw: Buffer | string, c: InboundClassification, from: MailOrigin, at: number): InboundNotice => ({
  source: from.source,
  origin: from.origin,
  reference: c.messageId ?? `sha256:${sha256Hex(raw)}`,
  kind: c.kind,
  at,
  recipients: recipientsOf(c),
  feedbackType: c.feedbackType,
  match: { envelopeRecipients: c.envelopeRecipients, messageIds: c.referencedMessageIds },
  raw: typeof raw === 'string' ? raw : raw.toString('utf8'),
});

/**
 * A replies mailbox may be a shared inbox people read: mail about none of our messages is someone
 * else's, and nothing of it is stored (not even a notice or its body). Such a mail changes nothing
 * whenever it is read, so leaving it out keeps the pipeline's exactly-once and crash safety: a
 * retry or a rescan asks again and leaves it out again.
 */
export const createMailIntake = (pipeline: InboundPipeline, limits: PluginConfig['inbound']['limits'], after?: AfterMail): MailIntake => {
  const classifyLimits = classifyLimitsOf(limits);
  return {
    async take(raw, from) {
      const classification = await classifyInboundMessage(raw, classifyLimits);
      const notice = noticeOfMail(raw, classification, from, Date.now());
      if (from.purpose === 'replies' && !(await pipeline.concerns(notice))) return { classification, outcomes: [], untouched: true };
      const outcomes = await pipeline.apply([notice]);
      await after?.({ raw, classification, from, outcomes });
      return { classification, outcomes, untouched: false };
    },
  };
};
