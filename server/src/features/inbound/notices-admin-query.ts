import type { Knex } from 'knex';
import { z } from 'zod';
import { BOUNCE_REASONS, NOTICE_KINDS, NOTICE_MATCH_FILTERS, type NoticeKind } from '../../../../shared/contracts/inbound';
import { TABLES } from '../../constants';
import { like, likeEscape } from '../../db/like';
import { documentIdField } from '../../validation/fields';
import type { NoticeRow } from './notice-store';

/** GET /inbound/notices' query: a page, newest first, and the filters the page offers. */
export const noticeListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  kind: z.enum(NOTICE_KINDS as [NoticeKind, ...NoticeKind[]]).optional(),
  reason: z.enum(BOUNCE_REASONS).optional(),
  match: z.enum(NOTICE_MATCH_FILTERS).optional(),
  campaign: documentIdField.optional(),
  search: z.string().trim().max(200).optional(),
});
export type NoticeListQuery = z.output<typeof noticeListQuery>;

/** Where the campaign and contact of a notice are: Strapi's tables, by the names it gave them. */
export interface NoticeJoins {
  campaigns: { table: string; documentId: string; name: string };
  contacts: { table: string; documentId: string; email: string };
}

/**
 * A notice row with its campaign's and contact's documentIds and names (null when it matched none, or
 * they are gone); its times as the driver reads them back (a bigint can come back as a string).
 */
export interface JoinedNoticeRow extends Omit<NoticeRow, 'occurred_at' | 'created_at'> {
  id: number;
  occurred_at: number | string | null;
  created_at: number | string | null;
  undone_at: number | string | null;
  undone_by: string | null;
  campaign_document_id: string | null;
  campaign_name: string | null;
  contact_document_id: string | null;
  contact_email: string | null;
}

/** The notices with their campaign and contact: one row each (both joins are on primary keys). */
export const joinedNotices = (knex: Knex, joins: NoticeJoins) => {
  const { campaigns: c, contacts: k } = joins;
  return knex(`${TABLES.inboundNotices} as n`)
    .leftJoin(`${c.table} as c`, 'c.id', 'n.campaign_id')
    .leftJoin(`${k.table} as k`, 'k.id', 'n.contact_id')
    .select(
      'n.*',
      `c.${c.documentId} as campaign_document_id`,
      `c.${c.name} as campaign_name`,
      `k.${k.documentId} as contact_document_id`,
      `k.${k.email} as contact_email`
    );
};

/** The list's filters on a joined query. */
export const filterNotices = (qb: Knex.QueryBuilder, q: NoticeListQuery, joins: NoticeJoins) => {
  if (q.kind) qb.where('n.kind', q.kind);
  if (q.reason) qb.where('n.reason', q.reason);
  if (q.match === 'matched') qb.whereNotNull('n.delivery_id');
  if (q.match === 'unmatched') qb.whereNull('n.delivery_id');
  if (q.campaign) qb.where(`c.${joins.campaigns.documentId}`, q.campaign);
  if (q.search) like(qb, 'n.email', `%${likeEscape(q.search)}%`);
  return qb;
};
