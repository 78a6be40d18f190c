import type { Knex } from 'knex';
import { TABLES } from '../constants';
import { chunks, insertRows } from '../db/bulk-insert';
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
  const firstOfKey = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!firstOfKey.has(keyOfRow(row))) firstOfKey.set(keyOfRow(row), i);
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
  return rows.map((row, i) => (firstOfKey.get(keyOfRow(row)) === i ? (idOfKey.get(keyOfRow(row)) ?? null) : null));
};

/** Written into the statement rather than bound: PostgreSQL cannot type a bound CASE branch, and these are our own integers. */
const integer = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
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

const markedOf = (
  rows: Array<{ id: unknown; campaign_id: unknown; variant: unknown; email: unknown }>,
  column: FirstColumn,
  times: Map<number, number>
) =>
  rows.map((row): FirstMarked => {
    const deliveryId = Number(row.id);
    return {
      deliveryId,
      column,
      at: times.get(deliveryId)!,
      campaignId: Number(row.campaign_id),
      variant: String(row.variant ?? ''),
      email: String(row.email ?? ''),
    };
  });

/**
 * Sets each delivery's first time of a kind unless it has one (the first writer wins): one UPDATE
 * per column with a CASE over the batch's deliveries, the earliest time of each. Answers the
 * firsts it set: PostgreSQL and SQLite say which rows the UPDATE changed (RETURNING); MySQL reads
 * them first under a lock, so no other transaction sets them in between.
 */
export const markFirsts = async (trx: Knex.Transaction, marks: readonly FirstMark[]): Promise<FirstMarked[]> => {
  const byColumn = new Map<FirstColumn, Map<number, number>>();
  for (const { deliveryId, column, at } of marks) {
    const times = byColumn.get(column) ?? new Map<number, number>();
    times.set(deliveryId, Math.min(at, times.get(deliveryId) ?? at));
    byColumn.set(column, times);
  }
  const marked: FirstMarked[] = [];
  const returned = ['id', 'campaign_id', 'variant', 'email'];
  for (const [column, times] of byColumn) {
    for (const part of chunks([...times])) {
      let ids = part.map(([id]) => id);
      if (isMysql(trx)) {
        const unset = await trx(TABLES.deliveries).select(returned).whereIn('id', ids).whereNull(column).forUpdate();
        marked.push(...markedOf(unset, column, times));
        ids = unset.map((row: { id: unknown }) => Number(row.id));
        if (!ids.length) continue;
      }
      const update = trx(TABLES.deliveries)
        .whereIn('id', ids)
        .whereNull(column)
        .update({ [column]: trx.raw(`CASE id ${part.map(([id, time]) => `WHEN ${integer(id)} THEN ${integer(time)}`).join(' ')} END`) });
      if (isMysql(trx)) await update;
      else marked.push(...markedOf(await update.returning(returned), column, times));
    }
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
