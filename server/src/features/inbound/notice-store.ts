import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { isMysql } from '../../db/dialect';
import type { BounceReason, BounceType } from './classifier/classification';
import type { MatchMethod, NoticeAction, NoticeSource } from './notice';
import { sha256Hex } from './notice-key';

/** One row of campaigns_inbound_notices, as the pipeline writes it. */
export interface NoticeRow {
  idempotency_key: string;
  source: string;
  origin: string;
  kind: string;
  bounce_type: string | null;
  reason: string | null;
  status: string | null;
  diagnostic: string | null;
  feedback_type: string | null;
  email: string | null;
  delivery_id: number | null;
  campaign_id: number | null;
  contact_id: number | null;
  matched_by: MatchMethod | null;
  action: NoticeAction;
  raw_id: number | null;
  occurred_at: number;
  created_at: number;
}

/** What a stored row says of itself when its key comes again. */
export interface StoredNotice {
  id: number;
  key: string;
  email: string | null;
  deliveryId: number | null;
  matchedBy: MatchMethod | null;
  action: NoticeAction;
  /** When it happened. */
  at: number;
}

const storedOf = (row: Record<string, unknown>): StoredNotice => ({
  id: Number(row.id),
  key: row.idempotency_key as string,
  email: (row.email as string | null) ?? null,
  deliveryId: row.delivery_id === null ? null : Number(row.delivery_id),
  matchedBy: (row.matched_by as MatchMethod | null) ?? null,
  action: row.action as NoticeAction,
  at: Number(row.occurred_at),
});

/** The rows already stored under these keys, by key. */
export const storedNotices = async (knex: Knex, keys: readonly string[]) => {
  const stored = new Map<string, StoredNotice>();
  for (const part of chunks(keys)) {
    const rows = await knex(TABLES.inboundNotices)
      .select('id', 'idempotency_key', 'email', 'delivery_id', 'matched_by', 'action', 'occurred_at')
      .whereIn('idempotency_key', part);
    for (const row of rows) stored.set(row.idempotency_key, storedOf(row));
  }
  return stored;
};

/** Cuts a body to at most `maxBytes` of UTF-8 without splitting a character. */
const capUtf8 = (text: string, maxBytes: number) => {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { body: text, size: bytes.length, truncated: false };
  // A cut inside a multi-byte sequence decodes to U+FFFD: dropped, it is not part of the message.
  return {
    body: bytes
      .subarray(0, maxBytes)
      .toString('utf8')
      .replace(/\uFFFD+$/, ''),
    size: bytes.length,
    truncated: true,
  };
};

const byText =
  <T>(of: (item: T) => string) =>
  (a: T, b: T) =>
    of(a) < of(b) ? -1 : of(a) > of(b) ? 1 : 0;

/**
 * Stores each distinct body once (by the SHA-256 of the whole body, however much is kept) and
 * answers its row id by body.
 */
export const storeRaw = async (trx: Knex.Transaction, bodies: readonly string[], maxBytes: number, now: number) => {
  const shaOf = new Map(bodies.map((body) => [body, sha256Hex(body)]));
  // In hash order: two batches inserting the same bodies at once wait for each other's unique
  // index entries in the same order, never in a cycle (a deadlock on PostgreSQL).
  const rows = [
    ...new Map([...shaOf].map(([body, sha]) => [sha, { sha256: sha, ...capUtf8(body, maxBytes), created_at: now }])).values(),
  ].sort(byText((row) => row.sha256));
  for (const part of chunks(rows, 50)) await trx(TABLES.inboundRaw).insert(part).onConflict(['sha256']).ignore();
  const idOfSha = new Map<string, number>();
  for (const part of chunks([...new Set(shaOf.values())])) {
    for (const row of await trx(TABLES.inboundRaw).select('id', 'sha256').whereIn('sha256', part)) idOfSha.set(row.sha256, Number(row.id));
  }
  return new Map(bodies.map((body) => [body, idOfSha.get(shaOf.get(body)!)!]));
};

/**
 * Inserts the rows whose key is not stored yet and answers, by key, the id of each row this call
 * inserted. A key another process stored meanwhile is not in the answer: that process applied it.
 * MySQL has no RETURNING and INSERT IGNORE's insert id says nothing of ignored rows in a multi-row
 * insert, so it inserts row by row (still one transaction).
 */
export const insertNotices = async (trx: Knex.Transaction, unordered: readonly NoticeRow[]) => {
  const inserted = new Map<string, number>();
  // In key order, for the same reason as storeRaw's.
  const rows = [...unordered].sort(byText((row) => row.idempotency_key));
  if (isMysql(trx)) {
    for (const row of rows) {
      const [id] = await trx(TABLES.inboundNotices).insert(row).onConflict(['idempotency_key']).ignore();
      if (Number(id) > 0) inserted.set(row.idempotency_key, Number(id));
    }
    return inserted;
  }
  for (const part of chunks(rows, 400)) {
    const returned: Array<{ id: number; idempotency_key: string }> = await trx(TABLES.inboundNotices)
      .insert(part)
      .onConflict(['idempotency_key'])
      .ignore()
      .returning(['id', 'idempotency_key']);
    for (const r of returned) inserted.set(r.idempotency_key, Number(r.id));
  }
  return inserted;
};

/** A soft bounce already counted, as the soft limit and the extension event read it. */
export interface CountedSoftBounce {
  id: number;
  key: string;
  email: string;
  campaignId: number;
  deliveryId: number;
  contactId: number;
  at: number;
  action: NoticeAction;
  reason: BounceReason | null;
  bounceType: BounceType | null;
  source: NoticeSource;
  origin: string;
}

/** The soft bounces counted for these addresses since `since`. */
export const countedSoftBounces = async (knex: Knex, emails: readonly string[], since: number): Promise<CountedSoftBounce[]> => {
  const found: CountedSoftBounce[] = [];
  for (const part of chunks(emails)) {
    const rows = await knex(TABLES.inboundNotices)
      .select(
        'id',
        'idempotency_key',
        'email',
        'campaign_id',
        'delivery_id',
        'contact_id',
        'occurred_at',
        'action',
        'reason',
        'bounce_type',
        'source',
        'origin'
      )
      .whereIn('email', part)
      .whereIn('bounce_type', ['soft', 'undetermined'])
      .where('occurred_at', '>=', since)
      .where('kind', 'bounce')
      .whereIn('action', ['soft-counted', 'suppressed'])
      .whereNotNull('campaign_id');
    for (const row of rows) {
      found.push({
        id: Number(row.id),
        key: row.idempotency_key,
        email: row.email,
        campaignId: Number(row.campaign_id),
        deliveryId: Number(row.delivery_id),
        contactId: Number(row.contact_id),
        at: Number(row.occurred_at),
        action: row.action,
        reason: row.reason,
        bounceType: row.bounce_type,
        source: row.source,
        origin: row.origin,
      });
    }
  }
  return found;
};

/** Marks a counted soft bounce as the one that suppressed its address; false when it already was (or was undone). */
export const markSoftLimitReached = async (knex: Knex, id: number) =>
  (await knex(TABLES.inboundNotices).where({ id, action: 'soft-counted' }).update({ action: 'suppressed' })) === 1;
