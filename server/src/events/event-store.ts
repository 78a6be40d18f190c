import type { Knex } from 'knex';
import { TABLES } from '../constants';
import { chunks, fillNulls, insertRows, updateRows } from '../db/bulk-insert';
import { isMysql } from '../db/dialect';
import type { EventRow, FirstColumn } from './delivery-event';

const EVENT_COLUMNS = [
  'idempotency_key',
  'type',
  'delivery_id',
  'campaign_id',
  'contact_id',
  'source',
  'is_bot',
  'data',
  'occurred_at',
  'created_at',
] as const satisfies ReadonlyArray<keyof EventRow>;

/** What keeps an event once: its key within its delivery (the unique index campaigns_events_delivery_key_uq). */
const EVENT_KEY = ['delivery_id', 'idempotency_key'] as const;
const keyOfRow = (row: Pick<EventRow, 'delivery_id' | 'idempotency_key'>) => `${row.delivery_id}\n${row.idempotency_key}`;

/**
 * Inserts the rows whose key is not stored yet for their delivery and answers, per row, the new
 * event's id or null for a repeat (a key already stored, or an earlier row of this batch).
 * PostgreSQL and SQLite take one multi-row INSERT ... ON CONFLICT DO NOTHING RETURNING
 * (insertRows: JSON rows, or VALUES of 500 rows); MySQL has no RETURNING and its multi-row insert
 * id says nothing about which rows were ignored, so it inserts row by row (INSERT IGNORE answers
 * insert id 0 for an ignored row), still inside the caller's one transaction.
 */
export const insertEvents = async (trx: Knex.Transaction, rows: readonly EventRow[]): Promise<Array<number | null>> => {
  // Each row's key made once: a 500-event batch built them four times each.
  const keys = rows.map(keyOfRow);
  const firstOfKey = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!firstOfKey.has(key)) firstOfKey.set(key, i);
  });
  const distinct = [...firstOfKey.values()].map((i) => rows[i]);
  const idOfKey = new Map<string, number>();
  if (isMysql(trx)) {
    for (const row of distinct) {
      const [id] = await trx(TABLES.events)
        .insert(row)
        .onConflict([...EVENT_KEY])
        .ignore();
      if (Number(id) > 0) idOfKey.set(keyOfRow(row), Number(id));
    }
  } else {
    const inserted = await insertRows(
      trx,
      TABLES.events,
      EVENT_COLUMNS,
      distinct.map((row) => EVENT_COLUMNS.map((column) => row[column])),
      { returning: ['id', ...EVENT_KEY], ignoreConflictsOn: EVENT_KEY }
    );
    for (const r of inserted ?? [])
      idOfKey.set(keyOfRow({ delivery_id: Number(r.delivery_id), idempotency_key: String(r.idempotency_key) }), Number(r.id));
  }
  return keys.map((key, i) => (firstOfKey.get(key) === i ? (idOfKey.get(key) ?? null) : null));
};

export interface FirstMark {
  deliveryId: number;
  column: FirstColumn;
  at: number;
}

/**
 * A first time the batch set: its delivery's campaign, variant and address, for the counts of
 * deliveries opened, clicked or replied, per variant and per recipient domain.
 */
export interface FirstMarked extends FirstMark {
  campaignId: number;
  variant: string;
  email: string;
}

/** What a first set answers of its delivery, besides the time. */
const FIRST_MARK_COLUMNS = ['id', 'campaign_id', 'variant', 'email'];

/**
 * These deliveries' rows when one of the batch's kinds of first time is unset (MySQL), locked
 * until the transaction ends, so no other batch sets them in between (a row another batch changed
 * is read again once it commits). One list of ids and an OR of the columns.
 */
const unsetFirstsOf = (trx: Knex.Transaction, ids: readonly number[], columns: readonly FirstColumn[]) => {
  const query = trx(TABLES.deliveries)
    .select(...FIRST_MARK_COLUMNS, ...columns)
    .where((unset) => {
      for (const column of columns) unset.orWhereNull(column);
    });
  return query.forUpdate().whereIn('id', ids) as unknown as Promise<Array<Record<string, unknown>>>;
};

const markedOf = (row: Record<string, unknown>, column: FirstColumn, at: number): FirstMarked => ({
  deliveryId: Number(row.id),
  column,
  at,
  campaignId: Number(row.campaign_id),
  variant: String(row.variant ?? ''),
  email: String(row.email ?? ''),
});

/**
 * Sets each delivery's first time of a kind unless it has one (the first writer wins), the
 * earliest of the batch's, and answers the firsts it set, every kind at once: a delivery opened
 * and clicked in one batch is written once instead of twice. On PostgreSQL and SQLite, one UPDATE
 * per 8,000 deliveries sets the unset times and answers each row's times after it (fillNulls),
 * with no read or row lock before it: a time that now holds the batch's value was set by the
 * batch. (A stored time equal to it would have to be of the same event, which its key already made
 * a repeat that never gets here.) On MySQL, per 500 deliveries, one locked read of those that miss
 * one (unsetFirstsOf) and one UPDATE of those it sets.
 */
export const markFirsts = async (trx: Knex.Transaction, marks: readonly FirstMark[]): Promise<FirstMarked[]> => {
  const byColumn = new Map<FirstColumn, Map<number, number>>();
  for (const { deliveryId, column, at } of marks) {
    const times = byColumn.get(column) ?? new Map<number, number>();
    times.set(deliveryId, Math.min(at, times.get(deliveryId) ?? at));
    byColumn.set(column, times);
  }
  const columns = [...byColumn.keys()];
  const timeOf = (column: FirstColumn, deliveryId: number) => byColumn.get(column)!.get(deliveryId) ?? null;
  const deliveryIds = [...new Set(marks.map((mark) => mark.deliveryId))];
  const marked: FirstMarked[] = [];
  if (!isMysql(trx)) {
    const rows = deliveryIds.map((id) => [id, ...columns.map((column) => timeOf(column, id))]);
    for (const row of await fillNulls(trx, TABLES.deliveries, 'id', columns, rows, FIRST_MARK_COLUMNS))
      for (const column of columns) {
        const at = timeOf(column, Number(row.id));
        if (at !== null && Number(row[column]) === at) marked.push(markedOf(row, column, at));
      }
    return marked;
  }
  for (const ids of chunks(deliveryIds)) {
    const updates = (await unsetFirstsOf(trx, ids, columns)).flatMap((row) => {
      const deliveryId = Number(row.id);
      const set = columns.map((column) => (row[column] == null ? timeOf(column, deliveryId) : null));
      set.forEach((at, i) => {
        if (at !== null) marked.push(markedOf(row, columns[i], at));
      });
      return set.some((at) => at !== null) ? [[deliveryId, ...set]] : [];
    });
    await updateRows(trx, TABLES.deliveries, 'id', columns, updates);
  }
  return marked;
};

/**
 * Narrows a query of events to one contact's, through its deliveries: no index keeps events by
 * contact (migration 010), the one on (delivery_id, idempotency_key) finds each delivery's.
 */
export const ofContact =
  (knex: Knex, contactId: number, column = 'delivery_id') =>
  (query: Knex.QueryBuilder) =>
    query.whereIn(column, knex(TABLES.deliveries).select('id').where('contact_id', contactId));
