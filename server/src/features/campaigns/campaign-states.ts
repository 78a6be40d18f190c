import type { Knex } from 'knex';
import type { CampaignState } from '../../../../shared/contracts/campaign-lifecycle';
import type { CampaignStateStore } from './lifecycle';

/** The campaign's own `state` column, moved with one conditional UPDATE (see lifecycle.ts). */
export const campaignStates = (knex: Knex, campaignsTable: string, clock: () => number = Date.now): CampaignStateStore => {
  const update = (db: Knex | Knex.Transaction, campaignId: number, from: readonly CampaignState[], to: CampaignState) =>
    db(campaignsTable)
      .where({ id: campaignId })
      .whereIn('state', from)
      .update({ state: to, updated_at: new Date(clock()) });

  return {
    async move(campaignId, from, to, alongside) {
      if (!alongside) return (await update(knex, campaignId, from, to)) === 1;
      return knex.transaction(async (trx) => {
        if ((await update(trx, campaignId, from, to)) !== 1) return false;
        await alongside(trx);
        return true;
      });
    },

    async stateOf(campaignId) {
      const row = await knex(campaignsTable).select('state').where({ id: campaignId }).first();
      return (row?.state as CampaignState | undefined) ?? null;
    },
  };
};
