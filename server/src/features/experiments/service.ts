import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  canEditExperiment,
  experimentLifecycle,
  type ExperimentAction,
  type ExperimentState,
} from '../../../../shared/contracts/experiment-lifecycle';
import type {
  DecisionAction,
  DecisionFigures,
  Experiment,
  ExperimentDecision,
  ExperimentSettings,
  MainEffectFigures,
  Variant,
} from '../../../../shared/contracts/experiments';
import { isFullyEditable, type CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import { rootOf } from '../../composition/accessor';
import { TABLES, UID } from '../../constants';
import { documentsOf, findOrThrow } from '../../db/documents';
import { bracketPath, fieldError, parseOrThrow } from '../../validation/errors';
import { cancelInput, experimentInput, pickWinnerInput } from '../../validation/experiment-input';
import { adminLabel, type HandlingAdmin } from '../replies/replies-admin-rows';
import { EXPERIMENT_SETTINGS, recordDecision } from './experiment-store';
import { createExperimentLifecycle } from './lifecycle';
import { cellsOf } from '../../../../shared/factorial-cells';
import { factorFieldPath, factorProblemOf } from './factor-problems';
import { mainEffectsOf } from './main-effects';
import { checkVariantContent, variantProblem } from './variant-checks';
import { wavesForAdmin } from './wave-store';
import { variantTallies } from './variant-tallies';

type ExperimentRow = ExperimentSettings & {
  id: number;
  documentId: string;
  state: ExperimentState;
  variants: Variant[];
  winner: string | null;
  decidedAt: string | null;
  decision: DecisionFigures | null;
  createdAt: string;
  updatedAt: string;
};

interface CampaignRow {
  id: number;
  documentId: string;
  name: string;
  state: CampaignState;
  subject: string | null;
  preheader: string | null;
  fromName: string | null;
  content: string | null;
  experiment: ExperimentRow | null;
}

interface DecisionRow {
  id: number;
  action: DecisionAction;
  winner: string | null;
  figures: string | null;
  reason: string | null;
  by_label: string | null;
  decided_at: number | string;
}

/** An admin as Strapi puts them on the request: who a decision is recorded as taken by. */
export type DecidingAdmin = HandlingAdmin & { id: number };

const parseJson = (value: string | null): DecisionFigures | null => (value === null ? null : (JSON.parse(value) as DecisionFigures));

const decisionOf = (row: DecisionRow): ExperimentDecision => ({
  id: Number(row.id),
  action: row.action,
  winner: row.winner,
  figures: parseJson(row.figures),
  reason: row.reason,
  by: row.by_label,
  at: new Date(Number(row.decided_at)).toISOString(),
});

/**
 * A campaign's A/B test (issue 19) through the admin: its set-up, created or replaced while it is
 * a draft on a campaign whose send has not started (checked and compiled as a campaign's content
 * is, nothing stored on a refusal); removed while a draft; an editor's pick of a winner or cancel,
 * each a lifecycle move recorded in the decisions log with the figures it was made on; a picked
 * winner goes to the rest of the audience (the root's winner send).
 */
const createExperimentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const lifecycle = () => createExperimentLifecycle(strapi);

  const campaignOf = (documentId: string) =>
    findOrThrow<CampaignRow>(documentsOf(strapi, UID.campaign), 'campaign', documentId, {
      fields: ['name', 'state', 'subject', 'preheader', 'fromName', 'content'],
      populate: { experiment: true },
    });

  /** Before its send starts: a campaign paused by a missed schedule has no send yet, one paused while sending has. */
  const sendStarted = async (campaign: CampaignRow) =>
    Boolean(await knex()(TABLES.sends).where({ campaign_id: campaign.id }).first('campaign_id'));

  const editable = async (campaign: CampaignRow) => isFullyEditable(campaign.state) && !(await sendStarted(campaign));

  const experimentOf = (campaign: CampaignRow) => {
    if (!campaign.experiment) throw new errors.NotFoundError(`Campaign "${campaign.name}" has no A/B test`);
    return campaign.experiment;
  };

  const named = (campaign: CampaignRow, experiment: ExperimentRow) => ({ id: experiment.id, name: campaign.name, state: experiment.state });

  const decisionsOf = async (experimentId: number) =>
    (
      (await knex()(TABLES.experimentDecisions)
        .select('id', 'action', 'winner', 'figures', 'reason', 'by_label', 'decided_at')
        .where({ experiment_id: experimentId })
        .orderBy([
          { column: 'decided_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])) as DecisionRow[]
    ).map(decisionOf);

  /**
   * A factorial test's main effects: from its variants' tallies while it runs; once decided, those
   * the rule recorded with its decision, since the winner's send to the rest counts in its cell.
   */
  const mainEffectsFor = async (campaign: CampaignRow, row: ExperimentRow): Promise<MainEffectFigures[] | null> => {
    if (row.design !== 'factorial') return null;
    const recorded = row.decision?.mainEffects;
    if (row.state === 'decided' && Array.isArray(recorded)) return recorded as MainEffectFigures[];
    const keys = row.variants.map((v) => v.key);
    const tallies = row.state === 'draft' ? [] : await variantTallies(knex(), campaign.id, keys);
    return mainEffectsOf(row.variants, tallies, row.metric, Number(row.probabilityToWin));
  };

  const toExperiment = async (campaign: CampaignRow, row: ExperimentRow): Promise<Experiment> => ({
    documentId: row.documentId,
    campaign: { documentId: campaign.documentId, name: campaign.name },
    state: row.state,
    variants: row.variants,
    ...(Object.fromEntries(EXPERIMENT_SETTINGS.map((field) => [field, row[field] ?? null])) as unknown as ExperimentSettings),
    probabilityToWin: Number(row.probabilityToWin),
    winner: row.winner ?? null,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decision: row.decision ?? null,
    editable: canEditExperiment(row.state) && (await editable(campaign)),
    editorActions: experimentLifecycle.editorActionsFor(row.state),
    decisions: await decisionsOf(row.id),
    mainEffects: await mainEffectsFor(campaign, row),
    waveShares: row.design === 'bandit' ? await wavesForAdmin(knex(), row.id) : [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const find = async (campaignDocumentId: string) => {
    const campaign = await campaignOf(campaignDocumentId);
    return campaign.experiment ? toExperiment(campaign, campaign.experiment) : null;
  };

  const found = async (campaignDocumentId: string) => {
    const experiment = await find(campaignDocumentId);
    if (!experiment) throw new errors.NotFoundError(`Campaign "${campaignDocumentId}" has no A/B test`);
    return experiment;
  };

  const refusedEdit = (campaign: CampaignRow, state: ExperimentState, verb: string) =>
    new errors.ValidationError(
      `The A/B test of campaign "${campaign.name}" is ${state}: only a draft can be ${verb}${state === 'testing' ? ' (cancel it instead)' : ''}`
    );

  /** An editor's pick or cancel: refused before any work when the state does not allow it, and when another move came first. */
  const decideByHand = async (
    campaign: CampaignRow,
    experiment: ExperimentRow,
    action: Extract<ExperimentAction, 'pickWinner' | 'cancel'>,
    decision: { winner?: string; reason?: string; by: DecidingAdmin }
  ) => {
    const moves = lifecycle();
    moves.assertCanTake(named(campaign, experiment), action);
    const recorded = await recordDecision(strapi, {
      experimentId: experiment.id,
      action,
      winner: decision.winner ?? null,
      figures: experiment.decision ?? null,
      reason: decision.reason ?? null,
      by: { id: decision.by.id, label: adminLabel(decision.by) },
    });
    if (!recorded) {
      const now = (await moves.stateOf(experiment.id)) ?? experiment.state;
      throw new errors.ValidationError(experimentLifecycle.refusalOf(campaign.name, now, action));
    }
    return found(campaign.documentId);
  };

  return {
    find,

    /** Creates the campaign's A/B test, or replaces the set-up of its draft one. */
    async put(campaignDocumentId: string, input: unknown): Promise<Experiment> {
      const campaign = await campaignOf(campaignDocumentId);
      const current = campaign.experiment;
      if (current && !canEditExperiment(current.state)) throw refusedEdit(campaign, current.state, 'changed');
      if (!(await editable(campaign))) {
        throw new errors.ValidationError(
          `Campaign "${campaign.name}" is ${campaign.state === 'paused' ? 'paused after its send started' : campaign.state}: an A/B test is set up before its send starts`
        );
      }
      const parsed = parseOrThrow(experimentInput, input, 'experiment', bracketPath);
      // Stored as the contract's Variant: a field not named is absent, not null.
      const variants = (parsed.factors ? cellsOf(parsed.factors) : JSON.parse(JSON.stringify(parsed.variants))) as Variant[];
      // A factorial test's cells are the server's: a problem is answered at the factor level the editor typed.
      const onCells = variantProblem(variants, campaign, Date.now());
      const problem = onCells && parsed.factors ? factorProblemOf(onCells, parsed.factors, variants) : onCells;
      if (problem) throw fieldError('experiment', problem.path, problem.message);
      await checkVariantContent(variants, parsed.factors ? factorFieldPath(parsed.factors, variants) : undefined);

      const data = { ...Object.fromEntries(EXPERIMENT_SETTINGS.map((field) => [field, parsed[field]])), variants };
      if (!current) {
        await documentsOf(strapi, UID.experiment).create({ data: { ...data, state: 'draft', campaign: campaign.documentId } });
        return found(campaignDocumentId);
      }
      // Conditional on it still being a draft: a send that started since it was read has fixed its set-up.
      const { count } = await strapi.db
        .query(UID.experiment)
        .updateMany({ where: { id: current.id, state: 'draft' }, data: { ...data, updatedAt: new Date() } });
      if (count !== 1) throw refusedEdit(campaign, (await lifecycle().stateOf(current.id)) ?? current.state, 'changed');
      return found(campaignDocumentId);
    },

    /** Removes a draft A/B test; one that ran keeps its record (cancel it instead). */
    async delete(campaignDocumentId: string) {
      const campaign = await campaignOf(campaignDocumentId);
      const experiment = experimentOf(campaign);
      if (!canEditExperiment(experiment.state)) throw refusedEdit(campaign, experiment.state, 'deleted');
      await documentsOf(strapi, UID.experiment).delete({ documentId: experiment.documentId });
      return { documentId: experiment.documentId };
    },

    async pickWinner(campaignDocumentId: string, body: unknown, by: DecidingAdmin): Promise<Experiment> {
      const { variant, reason } = parseOrThrow(pickWinnerInput, body, 'experiment');
      const campaign = await campaignOf(campaignDocumentId);
      const experiment = experimentOf(campaign);
      const keys = experiment.variants.map((v) => v.key);
      if (!keys.includes(variant)) throw fieldError('experiment', 'variant', `must be one of ${keys.join(', ')}`);
      const decided = await decideByHand(campaign, experiment, 'pickWinner', { winner: variant, reason, by });
      // The pick is recorded whatever follows: a send refused now says why, and the runner retries one that can still go.
      // A bandit's rest is its waves not sent yet, whatever its test share.
      if (experiment.testShare < 100 || experiment.design === 'bandit') {
        try {
          await rootOf(strapi).running.winnerSend.sendWinner(campaign.id, variant);
        } catch (error) {
          if (!(error instanceof errors.ValidationError)) throw error;
          throw new errors.ValidationError(
            `${variant} is recorded as the winner, but it was not sent to the rest of the audience: ${error.message}`
          );
        }
      }
      return decided;
    },

    async cancel(campaignDocumentId: string, body: unknown, by: DecidingAdmin): Promise<Experiment> {
      const { reason } = parseOrThrow(cancelInput, body, 'experiment');
      const campaign = await campaignOf(campaignDocumentId);
      return decideByHand(campaign, experimentOf(campaign), 'cancel', { reason, by });
    },
  };
};

export type ExperimentsService = ReturnType<typeof createExperimentsService>;
export default createExperimentsService;
