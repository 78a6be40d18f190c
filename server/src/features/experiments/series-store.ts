import type { Knex } from 'knex';
import type { Experiment, ExperimentSeries } from '../../../../shared/contracts/experiments';
import { TABLES } from '../../constants';
import { countersOf, metricSeriesOf, type HourCount } from './metric-series';
import { EXPERIMENTS_TABLE } from './migrations/017-experiment-wait';
import { SENT_STATES } from './variant-tallies';

/** The decisions that end a test's window: after them the winner goes to the rest, whose counts are not the test's. */
const ENDING_ACTIONS = new Set(['decide', 'pickWinner', 'cancel', 'conclude']);

/** When the test stopped being one (its decision or cancel), or null while it runs. */
const endOf = (experiment: Experiment): number | null => {
  const ending = experiment.decisions.find((decision) => ENDING_ACTIONS.has(decision.action));
  return ending ? Date.parse(ending.at) : null;
};

/** The trials the rule counted at its last run (the test group had gone out), when it ran with every variant. */
const ruleTrials = (experiment: Experiment): Record<string, number> | null => {
  const figures = experiment.decision?.variants;
  if (!Array.isArray(figures)) return null;
  const trials = Object.fromEntries((figures as Array<{ key?: unknown; trials?: unknown }>).map((v) => [String(v.key), Number(v.trials)]));
  return experiment.variants.every((v) => Number.isSafeInteger(trials[v.key])) ? trials : null;
};

/**
 * Each variant's test recipients: the messages sent (or sent to a server that never said), up to
 * `until` when the winner's rest may follow. One grouped count on the campaign's deliveries.
 */
const sentByVariant = async (knex: Knex, campaignId: number, until: number | null) => {
  const rows = (await knex(TABLES.deliveries)
    .select('variant')
    .count({ count: '*' })
    .where('campaign_id', campaignId)
    .whereIn('state', SENT_STATES)
    .modify((q) => (until === null ? q : q.where('sent_at', '<=', until)))
    .groupBy('variant')) as Array<{ variant: string; count: number | string }>;
  return Object.fromEntries(rows.map((row) => [String(row.variant), Number(row.count)]));
};

/** How long a test group's counts are reused once it has gone out (only a bounce moves them then): the chart asks every minute. */
const SETTLED_MS = 10 * 60_000;
const settled = new Map<string, { until: number; sent: Record<string, number> }>();

const testGroupOut = async (knex: Knex, experimentDocumentId: string) =>
  Boolean(await knex(EXPERIMENTS_TABLE).where({ document_id: experimentDocumentId }).whereNotNull('test_sent_at').first('id'));

/**
 * Each variant's test recipients, counted from the deliveries; once the test group has gone out,
 * kept for SETTLED_MS in this process: a million deliveries take up to a second to count on MariaDB.
 */
const recipientsOf = async (knex: Knex, campaignId: number, experiment: Experiment, ended: number | null, now: number) => {
  const key = `${campaignId}:${ended ?? ''}`;
  const kept = settled.get(key);
  if (kept && kept.until > now) return kept.sent;
  const sent = await sentByVariant(knex, campaignId, ended);
  if (await testGroupOut(knex, experiment.documentId)) {
    for (const [old, entry] of settled) if (entry.until <= now) settled.delete(old);
    settled.set(key, { until: now + SETTLED_MS, sent });
  }
  return sent;
};

/**
 * A test's metric over time per variant (see ExperimentSeries): the hourly rollups of the metric's
 * counters (a read by primary key prefix) and each variant's recipients. Once the rule has run
 * it has counted those (its figures' trials); before, or for a test decided by hand before it ran,
 * they are counted from the deliveries (recipientsOf). Null before the campaign's send started.
 */
export const experimentSeries = async (
  knex: Knex,
  campaignId: number,
  experiment: Experiment,
  now: number
): Promise<ExperimentSeries | null> => {
  const send = (await knex(TABLES.sends).where('campaign_id', campaignId).first('started_at')) as { started_at: unknown } | undefined;
  if (!send) return null;
  const ended = endOf(experiment);
  const keys = experiment.variants.map((v) => v.key);
  const hours = (
    (await knex(TABLES.rollupHours)
      .select('variant', 'metric', 'hour', 'value')
      .where('campaign_id', campaignId)
      .whereIn('variant', keys)
      .whereIn('metric', countersOf(experiment.metric))) as Array<Record<string, unknown>>
  ).map((row): HourCount => ({
    variant: String(row.variant),
    metric: String(row.metric),
    hour: Number(row.hour),
    value: Number(row.value),
  }));
  const sent =
    experiment.metric === 'click-to-open' ? {} : (ruleTrials(experiment) ?? (await recipientsOf(knex, campaignId, experiment, ended, now)));
  return metricSeriesOf({
    metric: experiment.metric,
    variants: experiment.variants,
    hours,
    sent,
    from: Number(send.started_at),
    until: ended ?? now,
  });
};
