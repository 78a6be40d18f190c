import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { retryDeadlocks } from '../../db/deadlock';
import { isMysql } from '../../db/dialect';
import type { VariantDeliveries } from './report';
import { byCampaign, rollupRowOf, type RollupRow } from './rollup-store';

/**
 * A finished campaign's deliveries by state, kept as counters so that its report never counts a
 * million rows again. Sending moves states far too often (every claim, every message) to keep
 * counters on that path: a campaign's deliveries are counted once, when it is over and none is
 * queued or sending any more, and from then on only the inbound pipeline moves a state (a hard
 * bounce fails a delivery, a delivery notice settles an unknown one), and moves the counters with it.
 *
 * `state:<state>` (per variant) hold the counts; `state:counted` (variant '') says they are kept.
 * Both sides first take the `state:counted` row's lock, so a count and a move never overlap: a move
 * that came first is committed before the count reads, one that comes after adds to what it wrote.
 */
export const STATE_PREFIX = 'state:';
const COUNTED = `${STATE_PREFIX}counted`;
/** Campaign states after which no send can start again. */
export const FINAL_CAMPAIGN_STATES = ['sent', 'cancelled', 'failed'];

/** One delivery state move the inbound pipeline made: counted only if the campaign's states are. */
export interface DeliveryMove {
  campaignId: number;
  variant: string;
  from: string;
  to: string;
  count: number;
}

/** Takes the lock of these campaigns' state counters (made at 0, "not counted", if missing), in id order. */
export const lockStateCounts = async (trx: Knex.Transaction, campaignIds: Iterable<number>) => {
  for (const campaignId of [...new Set(campaignIds)].sort((a, b) => a - b)) {
    await trx(TABLES.rollups)
      .insert({ campaign_id: campaignId, variant: '', metric: COUNTED, value: 0 })
      .onConflict(['campaign_id', 'variant', 'metric'])
      .merge({ value: isMysql(trx) ? trx.raw('??', ['value']) : trx.raw('??.??', [TABLES.rollups, 'value']) });
  }
};

const setCounts = async (
  trx: Knex.Transaction,
  campaignId: number,
  rows: ReadonlyArray<{ variant: string; metric: string; value: number }>
) => {
  if (!rows.length) return;
  await trx(TABLES.rollups)
    .insert(rows.map((row) => ({ campaign_id: campaignId, ...row })))
    .onConflict(['campaign_id', 'variant', 'metric'])
    .merge(['value']);
};

/**
 * Adds the moves to the counters of the campaigns whose states are counted (the others are
 * counted from their deliveries, later). Runs in the transaction that moved the deliveries, after
 * lockStateCounts of their campaigns.
 */
export const countMoves = async (trx: Knex.Transaction, moves: readonly DeliveryMove[]) => {
  const moved = moves.filter((move) => move.count > 0);
  if (!moved.length) return;
  const counted = new Set(
    (
      (await trx(TABLES.rollups)
        .select('campaign_id')
        .whereIn('campaign_id', [...new Set(moved.map((move) => move.campaignId))])
        .where({ variant: '', metric: COUNTED })
        .where('value', '>', 0)) as Array<{ campaign_id: unknown }>
    ).map((row) => Number(row.campaign_id))
  );
  const sums = new Map<string, { campaignId: number; variant: string; metric: string; value: number }>();
  const add = (campaignId: number, variant: string, state: string, value: number) => {
    const key = `${campaignId}\n${variant}\n${state}`;
    const sum = sums.get(key) ?? { campaignId, variant, metric: `${STATE_PREFIX}${state}`, value: 0 };
    sum.value += value;
    sums.set(key, sum);
  };
  for (const move of moved.filter((m) => counted.has(m.campaignId))) {
    add(move.campaignId, move.variant, move.from, -move.count);
    add(move.campaignId, move.variant, move.to, move.count);
  }
  for (const sum of [...sums.values()].sort((a, b) => a.campaignId - b.campaignId || (a.metric < b.metric ? -1 : 1))) {
    await trx(TABLES.rollups)
      .insert({ campaign_id: sum.campaignId, variant: sum.variant, metric: sum.metric, value: sum.value })
      .onConflict(['campaign_id', 'variant', 'metric'])
      .merge({
        value: trx.raw(isMysql(trx) ? '?? + ?' : '??.?? + ?', isMysql(trx) ? ['value', sum.value] : [TABLES.rollups, 'value', sum.value]),
      });
  }
};

/** The deliveries by state that the counters hold, or null while they are not kept. */
export const countedStates = (totals: readonly RollupRow[]): VariantDeliveries[] | null => {
  if (!totals.some((row) => row.metric === COUNTED && row.variant === '' && row.value > 0)) return null;
  return totals
    .filter((row) => row.metric.startsWith(STATE_PREFIX) && row.metric !== COUNTED && row.value !== 0)
    .map((row) => ({ variant: row.variant, state: row.metric.slice(STATE_PREFIX.length), count: row.value }));
};

const countDeliveries = async (db: Knex | Knex.Transaction, campaignId: number): Promise<VariantDeliveries[]> =>
  (
    (await db(TABLES.deliveries)
      .select('variant', 'state')
      .count({ n: '*' })
      .where('campaign_id', campaignId)
      .groupBy('variant', 'state')) as Array<Record<string, unknown>>
  ).map((row) => ({ variant: String(row.variant ?? ''), state: String(row.state), count: Number(row.n) }));

/** Replaces the campaign's state counters with these counts, and marks them kept. */
const storeCounts = async (trx: Knex.Transaction, campaignId: number, counts: readonly VariantDeliveries[]) => {
  await trx(TABLES.rollups)
    .where('campaign_id', campaignId)
    .where('metric', 'like', `${STATE_PREFIX}%`)
    .whereNot('metric', COUNTED)
    .delete();
  await setCounts(trx, campaignId, [
    ...counts.map((row) => ({ variant: row.variant, metric: `${STATE_PREFIX}${row.state}`, value: row.count })),
    { variant: '', metric: COUNTED, value: 1 },
  ]);
};

/**
 * The campaign's deliveries by state, counted from its rows; kept as counters from then on when the
 * campaign is over (`campaignState`) and nothing of it is queued or sending.
 */
export const countStates = async (knex: Knex, campaignId: number, campaignState: string): Promise<VariantDeliveries[]> => {
  if (!FINAL_CAMPAIGN_STATES.includes(campaignState)) return countDeliveries(knex, campaignId);
  return retryDeadlocks(() =>
    knex.transaction(async (trx) => {
      await lockStateCounts(trx, [campaignId]);
      const counts = await countDeliveries(trx, campaignId);
      if (!counts.some((row) => row.state === 'queued' || row.state === 'sending')) await storeCounts(trx, campaignId, counts);
      return counts;
    })
  );
};

/** The rebuild's part: kept counters are counted again from the deliveries, under their lock. */
export const recountStates = async (trx: Knex.Transaction, campaignId: number) => {
  await lockStateCounts(trx, [campaignId]);
  const marker = await trx(TABLES.rollups).first('value').where({ campaign_id: campaignId, variant: '', metric: COUNTED });
  if (Number(marker?.value) > 0) await storeCounts(trx, campaignId, await countDeliveries(trx, campaignId));
};

/**
 * The deliveries by state of each of these campaigns: of those that are over, from their kept
 * counters (a campaign not counted yet is counted now, and kept when nothing of it is pending); of
 * those still sending, counted from their rows.
 */
export const statesOf = async (
  knex: Knex,
  campaigns: ReadonlyArray<{ id: number; state: string }>
): Promise<Map<number, VariantDeliveries[]>> => {
  if (!campaigns.length) return new Map();
  const rows = (await knex(TABLES.rollups)
    .select('campaign_id', 'variant', 'metric', 'value')
    .whereIn(
      'campaign_id',
      campaigns.map((campaign) => campaign.id)
    )
    .where('metric', 'like', `${STATE_PREFIX}%`)) as Array<Record<string, unknown>>;
  const totals = byCampaign(rows, rollupRowOf);
  const states = new Map<number, VariantDeliveries[]>();
  for (const campaign of campaigns)
    states.set(campaign.id, countedStates(totals.get(campaign.id) ?? []) ?? (await countStates(knex, campaign.id, campaign.state)));
  return states;
};

/** The deliveries still `sent` of each of these campaigns that is over (statesOf); those still sending are left out. */
export const finishedSentCounts = async (
  knex: Knex,
  campaigns: ReadonlyArray<{ id: number; state: string }>
): Promise<Map<number, number>> => {
  const states = await statesOf(
    knex,
    campaigns.filter((campaign) => FINAL_CAMPAIGN_STATES.includes(campaign.state))
  );
  return new Map(
    [...states].map(([id, rows]) => [id, rows.filter((row) => row.state === 'sent').reduce((sum, row) => sum + row.count, 0)])
  );
};
