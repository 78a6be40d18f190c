import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ExperimentState } from '../../../../shared/contracts/experiment-lifecycle';
import type {
  DecisionAction,
  DecisionFigures,
  ExperimentDesign,
  ExperimentSettings,
  Variant,
} from '../../../../shared/contracts/experiments';
import { TABLES, UID } from '../../constants';
import { columnsOf, joinTableOf } from '../../db/columns';
import { documentsOf } from '../../db/documents';
import { createExperimentLifecycle } from './lifecycle';

/** How a test is run and decided: the experiment's columns besides its variants and its state. */
export const EXPERIMENT_SETTINGS = [
  'design',
  'factors',
  'testShare',
  'metric',
  'waitMinutes',
  'decisionRule',
  'noWinner',
  'defaultVariant',
  'minSamplePerVariant',
  'probabilityToWin',
  'waves',
  'waveMinutes',
] as const satisfies ReadonlyArray<keyof ExperimentSettings>;

/**
 * What the rest of the plugin reads and writes of a campaign's A/B test, without the experiments
 * service: the send pipeline reads the experiment of the campaign it sends (experimentForSend),
 * the decision rule and the editor's actions record their decisions (recordDecision).
 */

/** A campaign's experiment as a send needs it. */
export interface ExperimentForSend {
  id: number;
  documentId: string;
  state: ExperimentState;
  /** 2 to 8, keyed A, B, C… in order; each names the campaign fields it overrides (shared/contracts/experiments.ts). */
  variants: Variant[];
  /** Percent of the audience in the test group (1–100). */
  testShare: number;
  design: ExperimentDesign;
  /** A bandit's number of waves. */
  waves: number;
}

/** The campaign's experiment, whatever its state; null when it has none. */
export const experimentForSend = async (strapi: Core.Strapi, campaignId: number): Promise<ExperimentForSend | null> => {
  const row = (await strapi.db.query(UID.experiment).findOne({
    where: { campaign: { id: campaignId } },
    select: ['id', 'documentId', 'state', 'variants', 'testShare', 'design', 'waves'],
  })) as ExperimentForSend | null;
  return (
    row && {
      id: row.id,
      documentId: row.documentId,
      state: row.state,
      variants: row.variants,
      testShare: row.testShare,
      design: row.design ?? 'ab',
      waves: Number(row.waves),
    }
  );
};

export interface DecisionInput {
  experimentId: number;
  action: DecisionAction;
  /** The winning variant's key: required with `decide` and `pickWinner`. */
  winner?: string | null;
  /** The figures it was made on (the rule's Decision as it made it). */
  figures?: DecisionFigures | null;
  /** In plain words. */
  reason?: string | null;
  /** The admin who took it; left out when the rule did. */
  by?: { id: number; label: string } | null;
  /** Epoch milliseconds; now when left out. */
  at?: number;
  /**
   * The rule's: the due time of the wait it ends. The decision is taken only while the experiment
   * is still due at it, so two runners that both found it due record one `wait` between them.
   */
  dueAt?: number;
}

const THE_RULES: readonly DecisionAction[] = ['decide', 'wait', 'conclude'];

/** Thrown inside a rule's decision to undo its move: the campaign was cancelled since the rule read it. */
class CampaignCancelled extends Error {}

/** The state of the experiment's campaign, read in the decision's transaction (the oneToOne relation's join table). */
const campaignStateIn = async (strapi: Core.Strapi, trx: Knex.Transaction, experimentId: number) => {
  const link = joinTableOf(strapi, UID.experiment, 'campaign');
  const { state } = columnsOf(strapi, UID.campaign, ['state']);
  const row = await trx(`${link.table} as l`)
    .join(`${strapi.db.metadata.get(UID.campaign).tableName} as c`, 'c.id', `l.${link.inverseColumn}`)
    .where(`l.${link.column}`, experimentId)
    .first(`c.${state} as state`);
  return (row?.state as string | undefined) ?? null;
};

/**
 * Records a decision in the decisions log and makes its move, in one transaction: `decide` and
 * `pickWinner` move a testing experiment to decided with its winner and time, `cancel` moves a
 * draft or testing one to cancelled, `conclude` (a bandit's end without a winner) moves a testing
 * one to decided with none, `wait` keeps a testing one testing. The rule's figures
 * (`decide`, `wait`, `conclude`) become the experiment's `decision`. Answers false, having written nothing,
 * when the experiment is in no state the action leaves (another decision came first), for the
 * rule's `wait`, when it is no longer due at `dueAt`, and for the rule's actions, when the
 * campaign is cancelled.
 */
export const recordDecision = async (strapi: Core.Strapi, input: DecisionInput): Promise<boolean> => {
  const { experimentId, action, figures = null } = input;
  const winner = input.winner ?? null;
  if ((action === 'decide' || action === 'pickWinner') && !winner) throw new Error(`campaigns: a ${action} decision names its winner`);
  const at = input.at ?? Date.now();
  const table = strapi.db.metadata.get(UID.experiment).tableName;
  const columns = columnsOf(strapi, UID.experiment, ['winner', 'decidedAt', 'decision', 'updatedAt']);

  const write = async (trx: Knex.Transaction) => {
    // The runner skips cancelled campaigns when it reads what is due, but a cancel can commit
    // between that read and this transaction: the rule then decides nothing, and its next pass
    // cancels the test (decision-runner.ts, endCancelled), so a cancelled campaign's test never ends decided.
    if (THE_RULES.includes(action) && (await campaignStateIn(strapi, trx, experimentId)) === 'cancelled') throw new CampaignCancelled();
    // Any decision ends the wait (migration 017): the rule does not decide it again.
    const set: Record<string, unknown> = { [columns.updatedAt]: new Date(at), decide_at: null };
    if (action === 'decide' || action === 'pickWinner' || action === 'conclude') {
      Object.assign(set, { [columns.winner]: winner, [columns.decidedAt]: new Date(at) });
    }
    if (THE_RULES.includes(action) && figures) set[columns.decision] = JSON.stringify(figures);
    await trx(table).where({ id: experimentId }).update(set);
    await trx(TABLES.experimentDecisions).insert({
      experiment_id: experimentId,
      action,
      winner,
      figures: figures && JSON.stringify(figures),
      reason: input.reason ?? null,
      by_id: input.by?.id ?? null,
      by_label: input.by?.label ?? null,
      decided_at: at,
    });
  };

  const unlessCancelled = (recording: Promise<boolean>) =>
    recording.catch((error: unknown) => {
      if (error instanceof CampaignCancelled) return false;
      throw error;
    });
  // A bandit's end without a winner is the rule's decision too: decided, with no winner to send.
  if (action === 'conclude') return unlessCancelled(createExperimentLifecycle(strapi).take(experimentId, 'decide', write));
  if (action === 'reallocate') throw new Error('campaigns: a reallocation is recorded with the wave it starts (wave-store.ts)');
  if (action !== 'wait') return unlessCancelled(createExperimentLifecycle(strapi).take(experimentId, action, write));
  // No move, but the same guard: the conditional UPDATE is what a racing decision would conflict on.
  return unlessCancelled(
    strapi.db.connection.transaction(async (trx) => {
      const testing = await trx(table)
        .where({ id: experimentId, state: 'testing', ...(input.dueAt === undefined ? {} : { decide_at: input.dueAt }) })
        .update({ [columns.updatedAt]: new Date(at) });
      if (testing !== 1) return false;
      await write(trx);
      return true;
    })
  );
};

/** A deleted campaign's experiment goes with it, its decisions too (in the campaign delete's transaction). */
export const deleteExperimentOf = async (strapi: Core.Strapi, trx: Knex.Transaction, campaignId: number) => {
  const experiment = await experimentForSend(strapi, campaignId);
  if (!experiment) return;
  await trx(TABLES.experimentDecisions).where({ experiment_id: experiment.id }).delete();
  await trx(TABLES.experimentWaves).where({ experiment_id: experiment.id }).delete();
  await documentsOf(strapi, UID.experiment).delete({ documentId: experiment.documentId });
};
