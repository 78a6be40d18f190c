import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { isMysql } from '../../db/dialect';
import { isHourly, totalsOf, type RollupDelta } from './metrics';

/** `value` raised by the inserted row's on a key that exists: each database spells "the row it tried to insert" its own way. */
export const addedValue = (trx: Knex | Knex.Transaction, table: string) =>
  isMysql(trx) ? trx.raw('?? + VALUES(??)', ['value', 'value']) : trx.raw('?? + excluded.??', [`${table}.value`, 'value']);

/**
 * Adds a batch's increases to the counters and, for the hourly ones, their hours, in the deltas' order (see deltasOf):
 * one multi-row upsert per table and 500 rows. Runs in the caller's transaction, the one that
 * wrote the events, so a counter moves exactly when its events are stored.
 */
export const addRollups = async (trx: Knex.Transaction, deltas: readonly RollupDelta[]) => {
  for (const part of chunks(totalsOf(deltas))) {
    await trx(TABLES.rollups)
      .insert(part.map((t) => ({ campaign_id: t.campaignId, variant: t.variant, metric: t.metric, value: t.value })))
      .onConflict(['campaign_id', 'variant', 'metric'])
      .merge({ value: addedValue(trx, TABLES.rollups) });
  }
  for (const part of chunks(deltas.filter(isHourly))) {
    await trx(TABLES.rollupHours)
      .insert(part.map((d) => ({ campaign_id: d.campaignId, variant: d.variant, metric: d.metric, hour: d.hour, value: d.value })))
      .onConflict(['campaign_id', 'variant', 'metric', 'hour'])
      .merge({ value: addedValue(trx, TABLES.rollupHours) });
  }
};

export interface RollupRow {
  variant: string;
  metric: string;
  value: number;
}

export interface RollupHourRow extends RollupRow {
  hour: number;
}

/** A counter row as the database answers it (numbers may come back as strings). */
export const rollupRowOf = (r: Record<string, unknown>): RollupRow => ({
  variant: String(r.variant),
  metric: String(r.metric),
  value: Number(r.value),
});

export const rollupHourRowOf = (r: Record<string, unknown>): RollupHourRow => ({ ...rollupRowOf(r), hour: Number(r.hour) });

/** Rows of several campaigns' counters, each campaign's apart, read by `of`. */
export const byCampaign = <T>(rows: ReadonlyArray<Record<string, unknown>>, of: (row: Record<string, unknown>) => T) => {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const id = Number(row.campaign_id);
    const list = grouped.get(id);
    if (list) list.push(of(row));
    else grouped.set(id, [of(row)]);
  }
  return grouped;
};

/** A campaign's counters and their hours: two reads by primary key prefix, whatever the campaign's size. */
export const readRollups = async (knex: Knex, campaignId: number) => {
  const [totals, hours] = await Promise.all([
    knex(TABLES.rollups).select('variant', 'metric', 'value').where('campaign_id', campaignId),
    knex(TABLES.rollupHours).select('variant', 'metric', 'hour', 'value').where('campaign_id', campaignId).orderBy('hour'),
  ]);
  return { totals: totals.map(rollupRowOf), hours: hours.map(rollupHourRowOf) };
};
