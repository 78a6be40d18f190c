import type { Knex } from 'knex';
import type { ReplyMatch, ReplyMatchNote } from '../../../../shared/contracts/replies';
import type { InboundClassification, InboundKind } from '../inbound/classifier/classification';
import type { AfterMail, AppliedMail } from '../inbound/mail-intake';
import type { MatchMethod } from '../inbound/notice';
import type { Announce } from '../../site-events/catalogue';
import type { ReplyReading } from './reading';
import { insertReply, replyContextOf, type ReplyRow } from './reply-store';

export interface ReplyRecorderDeps {
  knex: Knex;
  /** The reading of a reply (replies/reading): class, writer, texts, return date. */
  read(raw: Buffer | string, classification: InboundClassification): Promise<ReplyReading>;
  announce: Announce;
  /** Queues the owner's notification of a person's reply, when the site wants one (`replies.notifyOwner`). */
  notifyOwner(replyId: number): Promise<void>;
}

/** What a person or their mailbox writes back: a reply wherever it arrives. */
const REPLY_KINDS = new Set<InboundKind>(['reply', 'auto-reply', 'unsubscribe-request']);
/** What else reached a replies mailbox about one of our messages: kept there as a reply of its class. */
const REPLIES_MAILBOX_KINDS = new Set<InboundKind>(['bounce', 'unknown']);

/** How the pipeline found the delivery, as the inbox names it; a VERP address is a signed address of the delivery too. */
const MATCHED_BY: Partial<Record<MatchMethod, ReplyMatch>> = {
  'message-id': 'message-id',
  'reply-address': 'reply-address',
  verp: 'reply-address',
  recipient: 'sender',
};

const isReply = (mail: AppliedMail) =>
  REPLY_KINDS.has(mail.classification.kind) || (mail.from.purpose === 'replies' && REPLIES_MAILBOX_KINDS.has(mail.classification.kind));

/**
 * A forwarded copy says so; a reply found by a Message-ID or a signed address that comes from
 * another address than the one we mailed is another address of the person (or someone they passed
 * it to). A match by the sender's address has the same address by definition.
 */
const matchNoteOf = (reading: ReplyReading, matchedBy: ReplyMatch, deliveryEmail: string): ReplyMatchNote | null => {
  if (reading.forwarded) return 'forwarded';
  if (matchedBy !== 'sender' && reading.from.email.toLowerCase() !== deliveryEmail.toLowerCase()) return 'other-address';
  return null;
};

/**
 * Stores each matched reply the pipeline applied as one campaigns_replies row, keyed by its notice.
 * It runs after the pipeline stored the notice, so a run that died in between is redone by the
 * retry (the pipeline answers the stored notice as a repeat; its reply is written now), and a
 * repeat writes nothing. Only the call that inserts the row announces `campaigns.reply` and queues
 * the owner's notification, as only the pipeline's inserting call announces a notice.
 */
export const createReplyRecorder = (deps: ReplyRecorderDeps): AfterMail => {
  const { knex } = deps;
  return async (mail) => {
    if (!isReply(mail)) return;
    let reading: ReplyReading | undefined;
    for (const outcome of mail.outcomes) {
      const matchedBy = outcome.matchedBy ? MATCHED_BY[outcome.matchedBy] : undefined;
      if (outcome.deliveryId === null || !matchedBy) continue;
      const context = await replyContextOf(knex, outcome.id, outcome.deliveryId);
      if (!context) continue;
      reading ??= await deps.read(mail.raw, mail.classification);
      const row: ReplyRow = {
        notice_id: outcome.id,
        delivery_id: context.delivery.id,
        campaign_id: context.delivery.campaignId,
        contact_id: context.delivery.contactId,
        class: reading.class,
        auto_reply_kind: reading.autoReplyKind,
        // Cut to their columns: a header can be longer than any person's name or address.
        from_address: reading.from.email.slice(0, 320),
        from_name: reading.from.name?.slice(0, 255) ?? null,
        subject: reading.subject,
        snippet: reading.snippet.slice(0, 255),
        body_text: reading.text,
        quoted_text: reading.quoted,
        signature_text: reading.signature,
        return_date: reading.returnDate,
        matched_by: matchedBy,
        match_note: matchNoteOf(reading, matchedBy, context.delivery.email),
        raw_id: context.rawId,
        received_at: context.receivedAt,
        created_at: Date.now(),
      };
      const id = await insertReply(knex, row);
      if (id === null) continue;
      deps.announce('campaigns.reply', {
        replyId: id,
        noticeId: outcome.id,
        contactId: context.delivery.contactId,
        email: context.delivery.email,
        origin: 'inbound',
        campaignId: context.delivery.campaignId,
        deliveryId: context.delivery.id,
        class: reading.class,
        autoReplyKind: reading.autoReplyKind,
        matchedBy,
      });
      if (reading.class === 'human') await deps.notifyOwner(id);
    }
  };
};
