import type { Core } from '@strapi/strapi';
import type { Variant } from '../../../../shared/contracts/experiments';
import { TABLES, UID } from '../../constants';
import { columnsOf, joinTableOf } from '../../db/columns';
import { mainEffectsInWords, reasonInWords } from './decision-words';
import { EXPERIMENT_SETTINGS, recordDecision } from './experiment-store';
import { mainEffectsOf } from './main-effects';
import { decide, type Decision, type ExperimentMetric } from './stats';
import { variantTallies } from './variant-tallies';
import { createWaveRunner, type PendingDeliveries, type WaveSender } from './wave-runner';

/** How a decided winner reaches the rest of the audience (the send flow's winner send, features/sending/send-winner.ts). */
export interface WinnerSender {
  sendWinner(campaignId: number, variantKey: string): Promise<{ started: boolean }>;
}

export interface DecisionRunnerDeps {
  strapi: Core.Strapi;
  winnerSend: WinnerSender;
  waveSend: WaveSender;
  hasPending: PendingDeliveries;
  log: { warn(message: string): void };
  now?: () => number;
}

/** The decisions log's reason when the runner cancels a test because its campaign was cancelled. */
const CAMPAIGN_CANCELLED = 'The campaign was cancelled';

interface DueExperiment {
  id: number;
  campaignId: number;
  dueAt: number;
  variants: Variant[];
  design: 'ab' | 'factorial' | 'bandit';
  testShare: number;
  metric: ExperimentMetric;
  decisionRule: 'bayesian' | 'frequentist';
  noWinner: 'send-default' | 'wait';
  defaultVariant: string | null;
  minSamplePerVariant: number;
  probabilityToWin: number;
}

/**
 * The automatic half of an A/B test (issue 19), run every minute by the experiments' maintenance
 * job on whichever worker takes it; everything it acts on is in the database, so a restart, a
 * worker killed mid-wait or a lost Redis only delays it to the next run:
 * 1. the wait starts once the test group has gone out (its dispatch done, no delivery of it queued
 *    or being sent): the decision is due `waitMinutes` later;
 * 2. a due test is decided by its rule on the analytics rollups and the decision recorded: a
 *    winner, or without one the default variant (`send-default`) or a wait for an editor (`wait`:
 *    recorded once, then left to the editor);
 * 3. a decided winner goes to the rest of the audience, and again at the next run if the process
 *    died between the decision and the send's start (sendWinner starts a rest once).
 * Two runners at once take each decision once: the recorded decision is a conditional move.
 * A test whose campaign was cancelled (still a draft, or testing) is cancelled first, as an editor's
 * cancel would: its campaign takes no winner and no wave, so nothing else would ever end it. Its wait
 * and its decision skip it too, for a campaign cancelled after that first step.
 * A bandit's waves go first (wave-runner.ts); its wait starts after its last wave, and without a
 * clear winner it concludes (decided, no winner) rather than wait for an editor with nobody left.
 */
export const createDecisionRunner = ({ strapi, winnerSend, waveSend, hasPending, log, now = Date.now }: DecisionRunnerDeps) => {
  const waves = createWaveRunner({ strapi, waveSend, hasPending, log, now });
  const knex = () => strapi.db.connection;
  const table = () => strapi.db.metadata.get(UID.experiment).tableName;
  const cols = () => columnsOf(strapi, UID.experiment, ['state', 'winner', 'variants', ...EXPERIMENT_SETTINGS]);
  /** The experiment with its campaign (`c`): a oneToOne relation Strapi keeps in a join table (`l`). */
  const withCampaign = () => {
    const link = joinTableOf(strapi, UID.experiment, 'campaign');
    return knex()(`${table()} as e`)
      .join(`${link.table} as l`, `l.${link.column}`, 'e.id')
      .join(`${strapi.db.metadata.get(UID.campaign).tableName} as c`, 'c.id', `l.${link.inverseColumn}`);
  };
  const campaignState = () => `c.${columnsOf(strapi, UID.campaign, ['state']).state}`;
  /** The experiment with its campaign and the campaign's send (`s`). */
  const linked = () => withCampaign().join(`${TABLES.sends} as s`, 's.campaign_id', 'c.id');

  /** Cancels every draft or testing experiment whose campaign was cancelled, through the same recorded move as an editor's cancel. */
  const endCancelled = async () => {
    const c = cols();
    const rows = (await withCampaign()
      .select('e.id', 'c.id as campaignId')
      .whereIn(`e.${c.state}`, ['draft', 'testing'])
      .where(campaignState(), 'cancelled')) as Array<{ id: number | string; campaignId: number | string }>;
    let ended = 0;
    for (const row of rows) {
      try {
        if (await recordDecision(strapi, { experimentId: Number(row.id), action: 'cancel', reason: CAMPAIGN_CANCELLED })) ended += 1;
      } catch (error) {
        log.warn(`campaigns: the A/B test of cancelled campaign ${row.campaignId} was not cancelled: ${(error as Error).message}`);
      }
    }
    return ended;
  };

  /** Starts the wait of every testing experiment whose test group has gone out. */
  const startWaits = async () => {
    const c = cols();
    const out = (await linked()
      .select('e.id', `e.${c.waitMinutes} as waitMinutes`)
      .where(`e.${c.state}`, 'testing')
      // A bandit's wait starts after its last wave (wave-runner.ts).
      .whereNot(`e.${c.design}`, 'bandit')
      .whereNot(campaignState(), 'cancelled')
      .whereNull('e.test_sent_at')
      .where('s.state', 'dispatched')
      .whereNull('s.winner')
      .whereNotExists((q) =>
        q
          .select('d.id')
          .from(`${TABLES.deliveries} as d`)
          .whereRaw('d.campaign_id = s.campaign_id')
          .whereIn('d.state', ['queued', 'sending'])
      )) as Array<{
      id: number;
      waitMinutes: number | string;
    }>;
    for (const row of out) {
      const at = now();
      await knex()(table())
        .where({ id: row.id, [c.state]: 'testing' })
        .whereNull('test_sent_at')
        .update({ test_sent_at: at, decide_at: at + Number(row.waitMinutes) * 60_000 });
    }
    return out.length;
  };

  const dueExperiments = async (): Promise<DueExperiment[]> => {
    const c = cols();
    const rows = (await withCampaign()
      .select(
        'e.id',
        'e.decide_at as dueAt',
        'c.id as campaignId',
        ...(['variants', ...EXPERIMENT_SETTINGS] as const).map((name) => `e.${c[name]} as ${name}`)
      )
      .where(`e.${c.state}`, 'testing')
      // A campaign cancelled since this run's first step takes no decision: the next run cancels its test.
      .whereNot(campaignState(), 'cancelled')
      .where('e.decide_at', '<=', now())) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: Number(r.id),
      campaignId: Number(r.campaignId),
      dueAt: Number(r.dueAt),
      variants: (typeof r.variants === 'string' ? JSON.parse(r.variants) : r.variants) as Variant[],
      design: (r.design as DueExperiment['design'] | null) ?? 'ab',
      testShare: Number(r.testShare),
      metric: r.metric as ExperimentMetric,
      decisionRule: r.decisionRule as DueExperiment['decisionRule'],
      noWinner: r.noWinner as DueExperiment['noWinner'],
      defaultVariant: (r.defaultVariant as string | null) ?? null,
      minSamplePerVariant: Number(r.minSamplePerVariant),
      probabilityToWin: Number(r.probabilityToWin),
    }));
  };

  const send = async (campaignId: number, winner: string) => {
    try {
      await winnerSend.sendWinner(campaignId, winner);
    } catch (error) {
      log.warn(`campaigns: the A/B test winner ${winner} of campaign ${campaignId} was not sent: ${(error as Error).message}`);
    }
  };

  /** What the rule says of a due experiment, and what it records: a winner, the default, or a wait. */
  const decideOne = async (experiment: DueExperiment) => {
    const keys = experiment.variants.map((v) => v.key);
    const tallies = await variantTallies(knex(), experiment.campaignId, keys);
    const decision: Decision = decide(tallies, {
      rule: experiment.decisionRule,
      metric: experiment.metric,
      control: keys[0],
      minSamplePerVariant: experiment.minSamplePerVariant,
      probabilityToWin: experiment.probabilityToWin,
    });
    // A factorial test's figures and reason carry its main effects too.
    const effects = mainEffectsOf(experiment.variants, tallies, experiment.metric, experiment.probabilityToWin);
    const figures = (effects ? { ...decision, mainEffects: effects } : decision) as unknown as Record<string, unknown>;
    const effectWords = effects ? mainEffectsInWords(effects, experiment.metric) : '';
    const said = (words: string) => (effectWords ? `${words}. ${effectWords}` : words);
    const reason = reasonInWords(decision);
    const fallback = decision.winner ?? (experiment.noWinner === 'send-default' ? experiment.defaultVariant : null);
    if (!fallback && experiment.design === 'bandit') {
      // Every wave has gone: nobody is left to wait for a winner, so the test ends without one.
      await recordDecision(strapi, {
        experimentId: experiment.id,
        action: 'conclude',
        figures,
        reason: `${reason}: no clear winner; every wave has gone out, the test ends without one`,
      });
      return;
    }
    if (!fallback) {
      await recordDecision(strapi, {
        experimentId: experiment.id,
        action: 'wait',
        figures,
        reason: said(`${reason}: no clear winner, waiting for an editor`),
        dueAt: experiment.dueAt,
      });
      return;
    }
    const recorded = await recordDecision(strapi, {
      experimentId: experiment.id,
      action: 'decide',
      winner: fallback,
      figures,
      reason: said(decision.winner ? reason : `${reason}: no clear winner, the default ${fallback} is sent`),
      dueAt: experiment.dueAt,
    });
    // A test of the whole audience has no rest: deciding it is the whole of it.
    if (recorded && experiment.testShare < 100) await send(experiment.campaignId, fallback);
  };

  /** Decided tests whose rest never started (the process died after the decision, or the test group was still going out): their winner, now. */
  const resumeWinnerSends = async () => {
    const c = cols();
    const rows = (await linked()
      .select('c.id as campaignId', `e.${c.winner} as winner`)
      .where(`e.${c.state}`, 'decided')
      // A bandit's rest is its waves not sent yet: an editor's pick sends them the winner.
      .where((q) => q.where(`e.${c.testShare}`, '<', 100).orWhere(`e.${c.design}`, 'bandit'))
      .whereNotNull(`e.${c.winner}`)
      .where('s.state', 'dispatched')
      .whereNull('s.winner')
      .whereNull('s.finished_at')) as Array<{ campaignId: number | string; winner: string }>;
    for (const row of rows) await send(Number(row.campaignId), row.winner);
    return rows.length;
  };

  return {
    startWaits,
    /** One pass: tests of cancelled campaigns cancelled, bandits' waves moved on, waits started, due tests decided, lost winner sends resumed. */
    async run() {
      // First: what it cancels is no longer testing, so no step below sends it a wave or a winner.
      const cancelled = await endCancelled();
      const waveSteps = await waves.run();
      const waits = await startWaits();
      const due = await dueExperiments();
      for (const experiment of due) {
        try {
          await decideOne(experiment);
        } catch (error) {
          log.warn(`campaigns: the A/B test of campaign ${experiment.campaignId} was not decided: ${(error as Error).message}`);
        }
      }
      const resumed = await resumeWinnerSends();
      return { cancelled, waveSteps, waits, decided: due.length, resumed };
    },
  };
};

export type DecisionRunner = ReturnType<typeof createDecisionRunner>;
