import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ReplyClass, ReplyMatch, ReplyMatchNote } from '../../shared/contracts/replies';

/** What a reply row says beyond its delivery: the write side's shape of it (server/src/features/replies/reply-store.ts). */
export interface ReplyFixture {
  class: ReplyClass;
  from?: string;
  fromName?: string | null;
  subject?: string;
  text: string;
  quoted?: string;
  signature?: string;
  returnDate?: string | null;
  autoReplyKind?: string | null;
  matchedBy?: ReplyMatch;
  matchNote?: ReplyMatchNote | null;
  /** The whole mail as received; none kept when absent. */
  raw?: string;
  receivedAt: number;
}

/**
 * A reply to the delivery of `email` as the recorder would have stored it: the inbound notice it
 * came as, its raw mail, and the replies row. For the pages and API that read replies, not the
 * matching that makes them.
 */
export const insertReply = async (strapi: Core.Strapi, email: string, reply: ReplyFixture) => {
  const knex = strapi.db.connection;
  const delivery = await knex('campaigns_deliveries').where({ email }).orderBy('id', 'desc').first();
  if (!delivery) throw new Error(`no delivery to ${email}: insert its campaign first`);
  const from = reply.from ?? email;
  let rawId: number | null = null;
  if (reply.raw !== undefined) {
    const sha256 = createHash('sha256').update(reply.raw).digest('hex');
    await knex('campaigns_inbound_raw')
      .insert({
        sha256,
        body: reply.raw,
        size: Buffer.byteLength(reply.raw),
        truncated: false,
        created_at: reply.receivedAt,
      })
      // One row per distinct mail, as the notice store keeps them.
      .onConflict(['sha256'])
      .ignore();
    rawId = Number((await knex('campaigns_inbound_raw').where({ sha256 }).first()).id);
  }
  const key = `fixture:${email}:${reply.receivedAt}:${reply.class}`;
  await knex('campaigns_inbound_notices').insert({
    idempotency_key: key,
    source: 'mailbox',
    origin: 'imap:replies',
    kind: reply.class === 'human' ? 'reply' : reply.class === 'bounce' ? 'bounce' : reply.class === 'unknown' ? 'unknown' : reply.class,
    email: from,
    delivery_id: delivery.id,
    campaign_id: delivery.campaign_id,
    contact_id: delivery.contact_id,
    matched_by: reply.matchedBy ?? 'message-id',
    action: 'recorded',
    raw_id: rawId,
    occurred_at: reply.receivedAt,
    created_at: reply.receivedAt,
  });
  const notice = await knex('campaigns_inbound_notices').where({ idempotency_key: key }).first();
  await knex('campaigns_replies').insert({
    notice_id: notice.id,
    delivery_id: delivery.id,
    campaign_id: delivery.campaign_id,
    contact_id: delivery.contact_id,
    class: reply.class,
    auto_reply_kind: reply.autoReplyKind ?? null,
    from_address: from,
    from_name: reply.fromName ?? null,
    subject: reply.subject ?? 'Re: the letter',
    snippet: reply.text.split('\n')[0].slice(0, 255),
    body_text: reply.text,
    quoted_text: reply.quoted ?? '',
    signature_text: reply.signature ?? '',
    return_date: reply.returnDate ?? null,
    matched_by: reply.matchedBy ?? 'message-id',
    match_note: reply.matchNote ?? null,
    raw_id: rawId,
    received_at: reply.receivedAt,
    created_at: reply.receivedAt,
  });
  const row = await knex('campaigns_replies').where({ notice_id: notice.id }).first();
  return {
    id: Number(row.id),
    deliveryId: Number(delivery.id),
    contactId: Number(delivery.contact_id),
    campaignId: Number(delivery.campaign_id),
  };
};
