import type { Knex } from 'knex';
import type { AutoReplyKind, ReplyClass, ReplyMatch, ReplyMatchNote } from '../../../../shared/contracts/replies';
import { TABLES } from '../../constants';
import { isMysql } from '../../db/dialect';

/** One row of campaigns_replies as the recorder writes it (migration 014). */
export interface ReplyRow {
  notice_id: number;
  delivery_id: number;
  campaign_id: number;
  contact_id: number | null;
  class: ReplyClass;
  auto_reply_kind: AutoReplyKind | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  snippet: string;
  body_text: string;
  quoted_text: string;
  signature_text: string;
  return_date: string | null;
  matched_by: ReplyMatch;
  match_note: ReplyMatchNote | null;
  raw_id: number | null;
  received_at: number;
  created_at: number;
}

/** What the recorder reads of the notice a reply came in as, and of the delivery it answers. */
export interface ReplyContext {
  rawId: number | null;
  receivedAt: number;
  delivery: { id: number; campaignId: number; contactId: number | null; email: string };
}

export const replyContextOf = async (knex: Knex, noticeId: number, deliveryId: number): Promise<ReplyContext | null> => {
  const [notice, delivery] = await Promise.all([
    knex(TABLES.inboundNotices).where({ id: noticeId }).first('raw_id', 'occurred_at'),
    knex(TABLES.deliveries).where({ id: deliveryId }).first('id', 'campaign_id', 'contact_id', 'email'),
  ]);
  if (!notice || !delivery) return null;
  return {
    rawId: notice.raw_id === null ? null : Number(notice.raw_id),
    receivedAt: Number(notice.occurred_at),
    delivery: {
      id: Number(delivery.id),
      campaignId: Number(delivery.campaign_id),
      contactId: delivery.contact_id === null ? null : Number(delivery.contact_id),
      email: delivery.email,
    },
  };
};

/**
 * Inserts the reply of a notice unless one is stored (notice_id is UNIQUE) and answers its id when
 * this call inserted it, null when it was there: only the inserting call announces it. MySQL has
 * no RETURNING; INSERT IGNORE's insert id is 0 for an ignored row.
 */
export const insertReply = async (knex: Knex, row: ReplyRow): Promise<number | null> => {
  if (isMysql(knex)) {
    const [id] = await knex(TABLES.replies).insert(row).onConflict(['notice_id']).ignore();
    return Number(id) > 0 ? Number(id) : null;
  }
  const [inserted]: Array<{ id: number }> = await knex(TABLES.replies).insert(row).onConflict(['notice_id']).ignore().returning(['id']);
  return inserted ? Number(inserted.id) : null;
};

/** Today in UTC as `YYYY-MM-DD`: return dates are stated without a time zone. */
export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The return date of the contact's latest out-of-office reply, when it states one that is today or
 * later (the person may be back today); null otherwise: the latest note replaces the earlier ones,
 * also when it names no date (away, back some day) or one already past.
 */
export const returnDateOfContact = async (knex: Knex, contactId: number, now: number): Promise<string | null> => {
  const row = await knex(TABLES.replies)
    .where({ contact_id: contactId, class: 'auto-reply', auto_reply_kind: 'out-of-office' })
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .first('return_date');
  const date = (row?.return_date as string | null | undefined) ?? null;
  return date !== null && date >= utcDay(now) ? date : null;
};

/** What the owner's notification says of a reply. */
export interface NotifiedReply {
  id: number;
  campaignId: number;
  class: ReplyClass;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
}

export const notifiedReplyOf = async (knex: Knex, id: number): Promise<NotifiedReply | null> => {
  const row = await knex(TABLES.replies)
    .where({ id })
    .first('id', 'campaign_id', 'class', 'from_address', 'from_name', 'subject', 'body_text');
  return row
    ? {
        id: Number(row.id),
        campaignId: Number(row.campaign_id),
        class: row.class,
        fromAddress: row.from_address,
        fromName: row.from_name,
        subject: row.subject,
        text: row.body_text,
      }
    : null;
};
