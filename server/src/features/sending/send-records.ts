import type { Knex } from 'knex';
import { TABLES, type CampaignState } from '../../constants';
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
});

/**
 * One row per sent campaign in `campaigns_sends`, and the campaign's own `state` column, changed
 * with conditional UPDATEs: the send flow moves a campaign only from the state it expects, so a
 * pause racing the last delivery, or two workers finishing at once, change it once.
 */
export const sendRecords = (knex: Knex, campaignsTable: string) => ({
  async find(campaignId: number): Promise<SendRecord | null> {
    const row = await knex(S).where({ campaign_id: campaignId }).first();
    return row ? toRecord(row) : null;
  },

  /** Starts a campaign's send: its audience rules frozen, the campaign moved to `sending`. False when it was not in `from`. */
  async start(campaignId: number, rules: RuleGroup, from: readonly CampaignState[], now: number) {
    return knex.transaction(async (trx) => {
      const moved = await trx(campaignsTable).where({ id: campaignId }).whereIn('state', from).update({ state: 'sending', updated_at: new Date(now) });
      if (moved !== 1) return false;
      await trx(S).where({ campaign_id: campaignId }).delete();
      await trx(S).insert({ campaign_id: campaignId, state: 'dispatching', run: 0, rules: JSON.stringify(rules), cursor: 0, started_at: now, updated_at: now });
      return true;
    });
  },

  async advanceCursor(campaignId: number, cursor: number, now: number) {
    await knex(S).where({ campaign_id: campaignId }).where('cursor', '<', cursor).update({ cursor, updated_at: now });
  },

  async markDispatched(campaignId: number, now: number) {
    await knex(S).where({ campaign_id: campaignId, state: 'dispatching' }).update({ state: 'dispatched', dispatched_at: now, updated_at: now });
  },

  /** A resume: the next run number, which gives the requeued jobs ids of their own. */
  async nextRun(campaignId: number, now: number) {
    await knex(S).where({ campaign_id: campaignId }).update({ run: knex.raw('run + 1'), updated_at: now });
    return (await this.find(campaignId))?.run ?? 0;
  },

  async finish(campaignId: number, now: number) {
    await knex(S).where({ campaign_id: campaignId }).whereNull('finished_at').update({ finished_at: now, updated_at: now });
  },

  async stateOf(campaignId: number): Promise<CampaignState | null> {
    const row = await knex(campaignsTable).select('state').where({ id: campaignId }).first();
    return (row?.state as CampaignState | undefined) ?? null;
  },

  /** Moves the campaign from one of `from` to `to`; false when it was in none of them. */
  async transition(campaignId: number, from: readonly CampaignState[], to: CampaignState, now: number) {
    const moved = await knex(campaignsTable).where({ id: campaignId }).whereIn('state', from).update({ state: to, updated_at: new Date(now) });
    return moved === 1;
  },
});

export type SendRecords = ReturnType<typeof sendRecords>;
