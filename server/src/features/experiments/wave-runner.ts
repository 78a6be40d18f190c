import type { Core } from '@strapi/strapi';
import type { Variant } from '../../../../shared/contracts/experiments';
import { TABLES, UID } from '../../constants';
import { columnsOf, joinTableOf } from '../../db/columns';
import { reallocationInWords } from './decision-words';
import type { ExperimentMetric } from './stats';
import { variantTallies } from './variant-tallies';
import { nextWaveShares, waveStep, type WaveStep } from './bandit-plan';
import { markWaveSent, storeNextWave, wavesOf } from './wave-store';

/** How a started wave's contacts are dispatched (the send flow's wave send, features/sending/send-wave.ts). */
export interface WaveSender {
  startWave(campaignId: number, wave: number): Promise<{ started: boolean }>;
}

/** Whether any delivery of the campaign is still queued or being sent (the send flow's delivery store). */
export type PendingDeliveries = (campaignId: number) => Promise<boolean>;

export interface WaveRunnerDeps {
  strapi: Core.Strapi;
  waveSend: WaveSender;
  hasPending: PendingDeliveries;
  log: { warn(message: string): void };
  now?: () => number;
}

interface Bandit {
  id: number;
  campaignId: number;
  keys: string[];
  metric: ExperimentMetric;
  waves: number;
  waveMinutes: number;
  record: { wave: number; dispatched: boolean; winner: string | null; finished: boolean };
}

/**
 * A bandit's waves (issue 19), run by the experiments' minute job with the decisions: once a wave
 * has gone out (its dispatch done, nothing queued or being sent) its pause starts; `waveMinutes`
 * later the next wave's shares are computed by Thompson sampling from the tallies so far, stored
 * with their `reallocate` decision, and the wave's dispatch started. After the last wave the pause
 * is the experiment's wait, and the decision runner decides it as an A/B test. Everything is in the
 * database: a restart or a lost Redis only delays a step, a wave stored whose dispatch never
 * started is started by the next run, and two runners store each wave once.
 */
export const createWaveRunner = ({ strapi, waveSend, hasPending, log, now = Date.now }: WaveRunnerDeps) => {
  const knex = () => strapi.db.connection;

  /** Testing bandits whose send started, with their send records. */
  const testingBandits = async (): Promise<Bandit[]> => {
    const c = columnsOf(strapi, UID.experiment, ['state', 'design', 'variants', 'metric', 'waves', 'waveMinutes']);
    const link = joinTableOf(strapi, UID.experiment, 'campaign');
    const rows = (await knex()(`${strapi.db.metadata.get(UID.experiment).tableName} as e`)
      .join(`${link.table} as l`, `l.${link.column}`, 'e.id')
      .join(`${TABLES.sends} as s`, 's.campaign_id', `l.${link.inverseColumn}`)
      .select(
        'e.id',
        `l.${link.inverseColumn} as campaignId`,
        ...(['variants', 'metric', 'waves', 'waveMinutes'] as const).map((name) => `e.${c[name]} as ${name}`),
        's.state as sendState',
        's.wave as sendWave',
        's.winner as sendWinner',
        's.finished_at as finishedAt'
      )
      .where(`e.${c.state}`, 'testing')
      .where(`e.${c.design}`, 'bandit')) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: Number(r.id),
      campaignId: Number(r.campaignId),
      keys: ((typeof r.variants === 'string' ? JSON.parse(r.variants) : r.variants) as Variant[]).map((v) => v.key),
      metric: r.metric as ExperimentMetric,
      waves: Number(r.waves),
      waveMinutes: Number(r.waveMinutes),
      record: {
        wave: Number(r.sendWave),
        dispatched: r.sendState === 'dispatched',
        winner: (r.sendWinner as string | null) ?? null,
        finished: r.finishedAt != null,
      },
    }));
  };

  const startWave = async (bandit: Bandit, wave: number) => {
    try {
      await waveSend.startWave(bandit.campaignId, wave);
    } catch (error) {
      log.warn(`campaigns: wave ${wave} of campaign ${bandit.campaignId}'s bandit did not start: ${(error as Error).message}`);
    }
  };

  const act = async (bandit: Bandit, step: WaveStep) => {
    const at = now();
    if (step.kind === 'resume') return startWave(bandit, step.wave);
    if (step.kind === 'sent') {
      const decideAt = step.last ? at + bandit.waveMinutes * 60_000 : null;
      return markWaveSent(strapi, { experimentId: bandit.id, wave: step.wave, at, decideAt });
    }
    if (step.kind !== 'next') return undefined;
    const tallies = await variantTallies(knex(), bandit.campaignId, bandit.keys);
    const { shares, figures } = nextWaveShares(tallies, bandit.metric, { experimentId: bandit.id, wave: step.wave });
    const reason = reallocationInWords(figures);
    if (await storeNextWave(strapi, { experimentId: bandit.id, wave: step.wave, shares, figures, reason, at })) {
      await startWave(bandit, step.wave);
    }
    return undefined;
  };

  return {
    /** One pass over the testing bandits: each takes at most one step. Answers the steps taken. */
    async run() {
      const bandits = await testingBandits();
      const stored = await wavesOf(
        knex(),
        bandits.map((b) => b.id)
      );
      let steps = 0;
      for (const bandit of bandits) {
        const facts = {
          waves: bandit.waves,
          waveMinutes: bandit.waveMinutes,
          stored: stored.filter((w) => w.experimentId === bandit.id),
          record: bandit.record,
          pending: await hasPending(bandit.campaignId),
        };
        const step = waveStep(facts, now());
        if (step.kind === 'none') continue;
        try {
          await act(bandit, step);
          steps += 1;
        } catch (error) {
          log.warn(
            `campaigns: the bandit of campaign ${bandit.campaignId} did not take its ${step.kind} step: ${(error as Error).message}`
          );
        }
      }
      return steps;
    },
  };
};

export type WaveRunner = ReturnType<typeof createWaveRunner>;
