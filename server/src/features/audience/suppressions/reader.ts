import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Suppression, SuppressionReason, SuppressionScope } from '../../../../../shared/contracts/suppressions';
import { UID } from '../../../constants';
import { like, likeEscape } from '../../../db/like';
import { fieldError } from '../../../validation/errors';
import type { SuppressionListQuery } from './input';
import { suppressionTables } from './tables';

export type Topic = { id: number; documentId: string; name: string };
export type Filters = Partial<Pick<SuppressionListQuery, 'search' | 'reason' | 'scope' | 'status'>>;

/** A datetime column as the driver hands it back (a Date, an ISO or SQL string, or SQLite's epoch ms), as ISO 8601. */
export const isoOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return new Date(Number(value)).toISOString();
  return new Date(String(value)).toISOString();
};

export const epochOf = (value: unknown) => {
  const iso = isoOf(value);
  return iso === null ? null : Date.parse(iso);
};

/**
 * How suppressions are read for the admin: with their topic, filtered as the list, the export and
 * a removal find them, and shaped as the API answers them.
 */
export const createSuppressionReader = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  const tables = () => suppressionTables(strapi);
  const topicsTable = () => strapi.db.metadata.get(UID.topic).tableName;

  const findTopic = async (documentId: string, subject: string): Promise<Topic> => {
    const topic = (await strapi.db
      .query(UID.topic)
      .findOne({ where: { documentId }, select: ['id', 'documentId', 'name'] })) as Topic | null;
    if (!topic) throw fieldError(subject, 'topic', `unknown topic "${documentId}"`);
    return topic;
  };

  /** The suppressions with their topic, filtered as the list and the export are. */
  const filtered = (q: Filters, topic: Topic | null, now: Date) => {
    const t = tables();
    const { columns: col, topicLinks: links } = t;
    const qb = knex()(`${t.suppressions} as s`)
      .leftJoin(`${links.table} as l`, `l.${links.suppressionColumn}`, 's.id')
      .leftJoin(`${topicsTable()} as t`, 't.id', `l.${links.topicColumn}`);
    if (q.search) like(qb, `s.${col.email}`, `%${likeEscape(q.search)}%`);
    if (q.reason) qb.where(`s.${col.reason}`, q.reason);
    if (q.scope) qb.where(`s.${col.scope}`, q.scope);
    if (topic) qb.where(`s.${col.scope}`, 'topic').where(`l.${links.topicColumn}`, topic.id);
    if (q.status === 'active') qb.where((a) => a.whereNull(`s.${col.expiresAt}`).orWhere(`s.${col.expiresAt}`, '>', now));
    if (q.status === 'expired') qb.whereNotNull(`s.${col.expiresAt}`).where(`s.${col.expiresAt}`, '<=', now);
    return qb;
  };

  const selectRow = (qb: Knex.QueryBuilder) => {
    const { columns: col } = tables();
    return qb.select({
      id: 's.id',
      documentId: `s.${col.documentId}`,
      email: `s.${col.email}`,
      reason: `s.${col.reason}`,
      scope: `s.${col.scope}`,
      sourceEvent: `s.${col.sourceEvent}`,
      note: `s.${col.note}`,
      expiresAt: `s.${col.expiresAt}`,
      createdAt: `s.${col.createdAt}`,
      topicDocumentId: 't.document_id',
      topicName: 't.name',
    });
  };

  const toSuppression = (row: Record<string, unknown>, now: Date): Suppression => {
    const expiresAt = isoOf(row.expiresAt);
    return {
      documentId: String(row.documentId),
      email: (row.email as string | null) ?? null,
      reason: row.reason as SuppressionReason,
      scope: row.scope as SuppressionScope,
      topic: row.topicDocumentId ? { documentId: String(row.topicDocumentId), name: String(row.topicName) } : null,
      sourceEvent: (row.sourceEvent as string | null) ?? null,
      note: (row.note as string | null) ?? null,
      expiresAt,
      createdAt: isoOf(row.createdAt) as string,
      active: expiresAt === null || Date.parse(expiresAt) > now.getTime(),
    };
  };

  const findOne = async (documentId: string): Promise<Suppression | null> => {
    const now = new Date();
    const row = await selectRow(filtered({}, null, now))
      .where(`s.${tables().columns.documentId}`, documentId)
      .first();
    return row ? toSuppression(row, now) : null;
  };

  return { tables, findTopic, filtered, selectRow, toSuppression, findOne };
};

export type SuppressionReader = ReturnType<typeof createSuppressionReader>;
