import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { Knex } from 'knex';
import type { CampaignLifecycle } from '../campaigns/lifecycle';
import type { Expansion } from '../content-blocks/expand';
import type { RuleGroup } from '../audience/segments/rules';
import { CAMPAIGN_FIELDS } from './campaign-source';
import type { SendEngine } from './engine';
import type { Readiness, ReadyRow } from './readiness';
import type { SendRecords } from './send-records';

/** A campaign as a send starts from it: its fields and its segment's rules, frozen by the start. */
export type StartRow = ReadyRow & { segment: { documentId: string; rules: unknown } | null };

/** The campaign a send starts from, by id or documentId, through Strapi's query engine. */
export const startRows =
  (strapi: Core.Strapi) =>
  async (where: { id: number } | { documentId: string }): Promise<StartRow | null> =>
    (await strapi.db.query(UID.campaign).findOne({
      where,
      select: [...CAMPAIGN_FIELDS],
      populate: { segment: { select: ['documentId', 'rules'] } },
    })) as StartRow | null;

/** The plan a started send follows (its schedule's waves, spread, window); null when everyone's message goes at once. */
export interface StartPlans {
  planFor(campaignId: number, rules: RuleGroup): Promise<unknown>;
}

export interface SendStartDeps {
  lifecycle: CampaignLifecycle;
  plans: StartPlans;
  records: SendRecords;
  engine: Pick<SendEngine, 'startDispatch'>;
  readiness: Pick<Readiness, 'assertReady' | 'expand'>;
  /** Keeps the entries blocks as the start resolved them, in the transaction that writes the send record. */
  blocks: { freeze(trx: Knex, campaignId: number, expansion: Expansion): Promise<void> };
  /**
   * The campaign's A/B test: the id of a draft one (null: none to start), and its move to
   * `testing` (experiment-lifecycle's `start`), taken in the transaction that starts the send.
   */
  experiments: { draftOf(campaignId: number): Promise<number | null>; start(trx: Knex, experimentId: number): Promise<void> };
  now?: () => number;
}

/**
 * How a send starts, whoever starts it: the campaign checked (a 400 naming what is missing), its
 * audience rules frozen in the same transaction as its move to `sending`, then its dispatch.
 * `send` is an editor's (refused with the state it found when it cannot move), and so is `resume`
 * of a campaign paused before it ever started (its scheduled time missed); `start` is the
 * schedule's job's, which answers false when the campaign moved meanwhile (unscheduled, sent by hand).
 * A start or a resume follows the campaign's schedule (what its time has passed goes at once); a
 * send now ignores it.
 */
export const createSendStart = ({ lifecycle, plans, records, engine, readiness, blocks, experiments, now = Date.now }: SendStartDeps) => ({
  async begin(row: StartRow, action: 'send' | 'start' | 'resume'): Promise<boolean> {
    lifecycle.assertCanTake(row, action);
    // The site's entries are read once, here: the check below and every message of the send use this reading.
    const expansion = await readiness.expand(row);
    await readiness.assertReady({ ...row, content: row.content === null ? null : expansion.content });
    const rules = row.segment!.rules as RuleGroup;
    const plan = action === 'send' ? null : await plans.planFor(row.id, rules);
    const test = await experiments.draftOf(row.id);
    const freeze = async (trx: Parameters<typeof records.begin>[0]) => {
      await records.begin(trx, row.id, rules, now(), plan);
      await blocks.freeze(trx, row.id, expansion);
      // With the move: a send never starts with its test still editable, nor a test without its send.
      if (test !== null) await experiments.start(trx, test);
    };
    if (action === 'send') await lifecycle.takeOrRefuse(row, 'send', freeze);
    else if (action === 'resume') await lifecycle.resume(row, freeze);
    else if (!(await lifecycle.take(row.id, 'start', freeze))) return false;
    await engine.startDispatch(row.id, 0);
    return true;
  },
});

export type SendStart = ReturnType<typeof createSendStart>;
