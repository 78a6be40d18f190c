import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ExperimentWave, Variant } from '../../../../shared/contracts/experiments';
import { TABLES, UID } from '../../constants';
import { columnsOf } from '../../db/columns';
import { evenShares, type ReallocationFigures } from './bandit-plan';

/**
 * A bandit's waves in `campaigns_experiment_waves` (migration 018): each wave's shares, stored when
 * it starts and never recomputed, and when its messages had gone out.
 */

const W = TABLES.experimentWaves;

interface WaveRow {
  experiment_id: number | string;
  wave: number | string;
  shares: string;
  started_at: number | string;
  sent_at: number | string | null;
}

export interface StoredWave {
  experimentId: number;
  wave: number;
  shares: Record<string, number>;
  startedAt: number;
  sentAt: number | null;
}

const toWave = (row: WaveRow): StoredWave => ({
  experimentId: Number(row.experiment_id),
  wave: Number(row.wave),
  shares: JSON.parse(row.shares) as Record<string, number>,
  startedAt: Number(row.started_at),
  sentAt: row.sent_at == null ? null : Number(row.sent_at),
});

/** The stored waves of these experiments, wave 1 first. */
export const wavesOf = async (knex: Knex, experimentIds: readonly number[]): Promise<StoredWave[]> =>
  experimentIds.length
    ? (
        (await knex(W)
          .whereIn('experiment_id', [...experimentIds])
          .orderBy(['experiment_id', 'wave'])) as WaveRow[]
      ).map(toWave)
    : [];

/** The waves as the admin API answers them. */
export const wavesForAdmin = async (knex: Knex, experimentId: number): Promise<ExperimentWave[]> =>
  (await wavesOf(knex, [experimentId])).map(({ wave, shares, startedAt, sentAt }) => ({
    wave,
    shares,
    startedAt: new Date(startedAt).toISOString(),
    sentAt: sentAt === null ? null : new Date(sentAt).toISOString(),
  }));

/**
 * A bandit's first wave, evenly split, stored in the transaction that starts its send (the
 * experiment's start): the dispatch that follows places its contacts by it. Nothing for the other designs.
 */
export const storeFirstWave = async (strapi: Core.Strapi, trx: Knex, experimentId: number, now: number) => {
  const c = columnsOf(strapi, UID.experiment, ['design', 'variants']);
  const row = (await trx(strapi.db.metadata.get(UID.experiment).tableName)
    .select(`${c.design} as design`, `${c.variants} as variants`)
    .where({ id: experimentId })
    .first()) as { design: string; variants: string | Variant[] } | undefined;
  if (row?.design !== 'bandit') return;
  const variants = (typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants) as Variant[];
  await trx(W).insert({
    experiment_id: experimentId,
    wave: 1,
    shares: JSON.stringify(evenShares(variants.map((v) => v.key))),
    started_at: now,
  });
};

/**
 * The current wave has gone out: its pause starts at `at`. After the last wave, the experiment's
 * wait (migration 017) is set too, so the rule decides `waveMinutes` later as it decides an A/B
 * test. Conditional: a second runner changes nothing.
 */
export const markWaveSent = async (
  strapi: Core.Strapi,
  { experimentId, wave, at, decideAt }: { experimentId: number; wave: number; at: number; decideAt: number | null }
) =>
  strapi.db.connection.transaction(async (trx) => {
    const marked = await trx(W).where({ experiment_id: experimentId, wave }).whereNull('sent_at').update({ sent_at: at });
    if (marked !== 1 || decideAt === null) return;
    await trx(strapi.db.metadata.get(UID.experiment).tableName)
      .where({ id: experimentId })
      .whereNull('test_sent_at')
      .update({ test_sent_at: at, decide_at: decideAt });
  });

/**
 * The next wave's shares stored with its `reallocate` decision, in one transaction, while the
 * experiment is still testing. The conditional UPDATE first makes a racing runner (or an editor's
 * pick) wait for this one; the wave is stored once (its unique key), and the second answers false
 * having written nothing.
 */
export const storeNextWave = async (
  strapi: Core.Strapi,
  input: { experimentId: number; wave: number; shares: Record<string, number>; figures: ReallocationFigures; reason: string; at: number }
): Promise<boolean> => {
  const table = strapi.db.metadata.get(UID.experiment).tableName;
  const columns = columnsOf(strapi, UID.experiment, ['state', 'updatedAt']);
  return strapi.db.connection.transaction(async (trx) => {
    const testing = await trx(table)
      .where({ id: input.experimentId, [columns.state]: 'testing' })
      .update({ [columns.updatedAt]: new Date(input.at) });
    if (testing !== 1) return false;
    if (await trx(W).where({ experiment_id: input.experimentId, wave: input.wave }).first('id')) return false;
    await trx(W).insert({
      experiment_id: input.experimentId,
      wave: input.wave,
      shares: JSON.stringify(input.shares),
      started_at: input.at,
    });
    await trx(TABLES.experimentDecisions).insert({
      experiment_id: input.experimentId,
      action: 'reallocate',
      winner: null,
      figures: JSON.stringify(input.figures),
      reason: input.reason,
      by_id: null,
      by_label: null,
      decided_at: input.at,
    });
    return true;
  });
};
