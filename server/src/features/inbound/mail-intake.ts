import type { ClassifyLimits, InboundClassification } from './classifier/classification';
import { classifyInboundMessage } from './classifier';
import type { InboundNotice, InboundPipeline, NoticeOutcome, NoticeRecipient } from './notice';
import { sha256Hex } from './notice-key';
import type { PluginConfig } from '../../config/schema';

/** Where a mail came from: an IMAP mailbox (`imap:<name>`) or the raw-mail endpoint (`raw`). */
export interface MailOrigin {
  source: 'mailbox' | 'raw';
  origin: string;
}

export interface MailIntake {
  /** Classifies one raw mail and applies what it says through the pipeline. */
  take(raw: Buffer | string, from: MailOrigin): Promise<{ classification: InboundClassification; outcomes: NoticeOutcome[] }>;
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

export const createMailIntake = (pipeline: InboundPipeline, limits: PluginConfig['inbound']['limits']): MailIntake => {
  const classifyLimits = classifyLimitsOf(limits);
  return {
    async take(raw, from) {
      const classification = await classifyInboundMessage(raw, classifyLimits);
      const outcomes = await pipeline.apply([noticeOfMail(raw, classification, from, Date.now())]);
      return { classification, outcomes };
    },
  };
};
