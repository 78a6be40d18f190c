import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import type { RuleGroup } from '../audience/segments/rules';

export type SendRecordState = 'dispatching' | 'dispatched';

export interface SendRecord {
  campaignId: number;
  state: SendRecordState;
  run: number;
  rules: RuleGroup;
  cursor: number;
  startedAt: number;
  dispatchedAt: number | null;
  finishedAt: number | null;
  /** The plan that gives each contact its instant (scheduling's wave plan), as the cursor left it; null: everyone at once. */
  plan: unknown;
  /** The A/B test's winner, once its rest is dispatched (sendWinner); null during the test and without one. */
  winner: string | null;
  /** The last bandit wave the dispatch is for (1 for any first dispatch, and for a send without a bandit). */
  wave: number;
}

const S = TABLES.sends;

const toRecord = (row: Record<string, unknown>): SendRecord => ({
  campaignId: Number(row.campaign_id),
  state: row.state as SendRecordState,
  run: Number(row.run),
  rules: JSON.parse(String(row.rules)) as RuleGroup,
  cursor: Number(row.cursor),
  startedAt: Number(row.started_at),
  dispatchedAt: row.dispatched_at == null ? null : Number(row.dispatched_at),
  finishedAt: row.finished_at == null ? null : Number(row.finished_at),
  plan: row.plan == null ? null : (JSON.parse(String(row.plan)) as unknown),
  winner: row.winner == null ? null : String(row.winner),
  wave: row.wave == null ? 1 : Number(row.wave),
});

/**
 * One row per sent campaign in `campaigns_sends`: its frozen audience, the dispatch cursor and
 * run, when it started and finished. The campaign's own state is the lifecycle's (features/campaigns).
 */
export const sendRecords = (knex: Knex) => {
  /** A dispatch of the whole audience again from the start, under a new run (its send jobs get ids of their own), everyone at once. */
  const dispatchAgain = (now: number) => ({
    state: 'dispatching',
    cursor: 0,
    plan: null,
    dispatched_at: null,
    run: knex.raw('run + 1'),
    updated_at: now,
  });
  return {
    async find(campaignId: number): Promise<SendRecord | null> {
      const row = await knex(S).where({ campaign_id: campaignId }).first();
      return row ? toRecord(row) : null;
    },

    /**
     * Freezes the audience rules of a send that starts: run in the transaction that moves the
     * campaign to `sending` (the lifecycle's `send`), so a campaign never sends without its record.
     * `plan`: what gives each contact its instant, when they do not all go at once.
     */
    async begin(trx: Knex.Transaction, campaignId: number, rules: RuleGroup, now: number, plan: unknown = null) {
      await trx(S).where({ campaign_id: campaignId }).delete();
      await trx(S).insert({
        campaign_id: campaignId,
        state: 'dispatching',
        run: 0,
        rules: JSON.stringify(rules),
        cursor: 0,
        plan: plan == null ? null : JSON.stringify(plan),
        started_at: now,
        updated_at: now,
      });
    },

    /**
     * The page up to `cursor` is dispatched; `plan`, when the send has one, is its state after that page.
     * `run`: the run the page was read in; a page read before a new run started (a resume, the rest of
     * an A/B test, which pages again from the start) moves nothing, and the new run redoes it.
     */
    async advanceCursor(campaignId: number, cursor: number, now: number, plan: unknown = null, run?: number) {
      await knex(S)
        .where({ campaign_id: campaignId, ...(run === undefined ? {} : { run }) })
        .where('cursor', '<', cursor)
        .update({ cursor, updated_at: now, ...(plan == null ? {} : { plan: JSON.stringify(plan) }) });
    },

    /** `run`: as for advanceCursor, an end reached in an older run than the record's is not its end. */
    async markDispatched(campaignId: number, now: number, run?: number) {
      await knex(S)
        .where({ campaign_id: campaignId, state: 'dispatching', ...(run === undefined ? {} : { run }) })
        .update({ state: 'dispatched', dispatched_at: now, updated_at: now });
    },

    /** A resume: the next run number, which gives the requeued jobs ids of their own. */
    async nextRun(campaignId: number, now: number) {
      await knex(S)
        .where({ campaign_id: campaignId })
        .update({ run: knex.raw('run + 1'), updated_at: now });
      return (await this.find(campaignId))?.run ?? 0;
    },

    /**
     * The rest of an A/B test's audience gets the winner: the dispatch pages the audience again from
     * the start, under a new run (its send jobs get ids of their own), everyone at once. Conditional
     * on no winner yet: answers whether this call set it (a second call changes nothing).
     */
    async startRest(campaignId: number, winner: string, now: number) {
      const changed = await knex(S)
        .where({ campaign_id: campaignId })
        .whereNull('winner')
        .whereNull('finished_at')
        .update({ winner, ...dispatchAgain(now) });
      return changed === 1;
    },

    /**
     * A bandit's next wave: the dispatch pages the audience again from the start under a new run,
     * now placing the contacts of waves up to `wave`, everyone at once. Conditional on the previous
     * wave's dispatch being done and no winner or end since: answers whether this call started it
     * (a second call, or one for a wave already started, changes nothing).
     */
    async startWave(campaignId: number, wave: number, now: number) {
      const changed = await knex(S)
        .where({ campaign_id: campaignId, state: 'dispatched', wave: wave - 1 })
        .whereNull('winner')
        .whereNull('finished_at')
        .update({ wave, ...dispatchAgain(now) });
      return changed === 1;
    },

    /**
     * The send is over. `db` is the transaction of the campaign's own last move when there is one,
     * so no reader sees the campaign sent while its send is not finished (nor, after a crash, ever).
     */
    async finish(campaignId: number, now: number, db: Knex = knex) {
      await db(S).where({ campaign_id: campaignId }).whereNull('finished_at').update({ finished_at: now, updated_at: now });
    },
  };
};

export type SendRecords = ReturnType<typeof sendRecords>;
