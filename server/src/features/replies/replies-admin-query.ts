import type { Knex } from 'knex';
import { z } from 'zod';
import { REPLY_CLASSES } from '../../../../shared/contracts/replies';
import { TABLES } from '../../constants';
import { like, likeEscape } from '../../db/like';
import { documentIdField } from '../../validation/fields';

/** GET /replies' query: a page, newest first, and the inbox's filters. */
export const replyListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  class: z.enum(REPLY_CLASSES).optional(),
  campaign: documentIdField.optional(),
  contact: documentIdField.optional(),
  handled: z.enum(['yes', 'no']).optional(),
  search: z.string().trim().max(200).optional(),
});
export type ReplyListQuery = z.output<typeof replyListQuery>;

/** POST /replies/:id/handled's body: `handled: false` reopens the reply. */
export const markHandledBody = z.strictObject({ data: z.strictObject({ handled: z.boolean() }) });

/** Where a reply's campaign and contact are: Strapi's tables, by the names it gave their columns. */
export interface ReplyJoins {
  campaigns: { table: string; documentId: string; name: string };
  contacts: { table: string; documentId: string; email: string; firstName: string; lastName: string };
}

/** A BIGINT as a driver reads it back: a number (SQLite, MySQL) or a string (PostgreSQL). */
type Bigint = number | string | null;

/** A campaigns_replies row with its campaign's and contact's documentIds and names (null when they are gone). */
export interface JoinedReplyRow {
  id: number | string;
  class: string;
  auto_reply_kind: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  snippet: string;
  body_text: string;
  quoted_text: string;
  signature_text: string;
  return_date: string | null;
  matched_by: string;
  match_note: string | null;
  raw_id: number | string | null;
  received_at: Bigint;
  handled_at: Bigint;
  handled_by: string | null;
  campaign_document_id: string | null;
  campaign_name: string | null;
  contact_document_id: string | null;
  contact_email: string | null;
  contact_first_name: string | null;
  contact_last_name: string | null;
}

/** The columns a list row needs: not the texts, which only the reader shows (they can be long). */
const SUMMARY_COLUMNS = [
  'r.id',
  'r.class',
  'r.auto_reply_kind',
  'r.from_address',
  'r.from_name',
  'r.subject',
  'r.snippet',
  'r.return_date',
  'r.matched_by',
  'r.match_note',
  'r.raw_id',
  'r.received_at',
  'r.handled_at',
  'r.handled_by',
];
const TEXT_COLUMNS = ['r.body_text', 'r.quoted_text', 'r.signature_text'];

/** The replies with their campaign and contact: one row each (both joins are on primary keys). */
export const joinedReplies = (knex: Knex, joins: ReplyJoins, { texts = false } = {}) => {
  const { campaigns: c, contacts: k } = joins;
  return knex(`${TABLES.replies} as r`)
    .leftJoin(`${c.table} as c`, 'c.id', 'r.campaign_id')
    .leftJoin(`${k.table} as k`, 'k.id', 'r.contact_id')
    .select(
      ...SUMMARY_COLUMNS,
      ...(texts ? TEXT_COLUMNS : []),
      `c.${c.documentId} as campaign_document_id`,
      `c.${c.name} as campaign_name`,
      `k.${k.documentId} as contact_document_id`,
      `k.${k.email} as contact_email`,
      `k.${k.firstName} as contact_first_name`,
      `k.${k.lastName} as contact_last_name`
    );
};

/** The list's filters, the campaign and contact already resolved to their row ids (the table's indexes are on those). */
export const filterReplies = (qb: Knex.QueryBuilder, q: ReplyListQuery, ids: { campaign?: number; contact?: number }) => {
  if (q.class) qb.where('r.class', q.class);
  if (ids.campaign !== undefined) qb.where('r.campaign_id', ids.campaign);
  if (ids.contact !== undefined) qb.where('r.contact_id', ids.contact);
  if (q.handled === 'yes') qb.whereNotNull('r.handled_at');
  if (q.handled === 'no') qb.whereNull('r.handled_at');
  if (q.search) {
    const pattern = `%${likeEscape(q.search)}%`;
    qb.where((either) => {
      like(either, 'r.from_address', pattern);
      either.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '!'`, ['r.subject', pattern]);
    });
  }
  return qb;
};
