import type { Knex } from 'knex';
import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';

/**
 * Why the system paused a campaign, kept in the campaign's own `pauseReason` column (a private JSON
 * attribute of the content type): the reason belongs to the state it explains, so it is written in
 * the transaction of the move that pauses, and cleared in the one of the resume that ends it.
 */
export interface PauseReasons {
  record(trx: Knex.Transaction, campaignId: number, reason: CampaignPauseReason): Promise<void>;
  clear(trx: Knex.Transaction, campaignId: number): Promise<void>;
}

/** The reasons in the campaigns table's column (named by Strapi's metadata: the content type owns the table). */
export const pauseReasonColumn = (campaignsTable: string, column: string): PauseReasons => ({
  async record(trx, campaignId, reason) {
    await trx(campaignsTable)
      .where({ id: campaignId })
      .update({ [column]: JSON.stringify(reason) });
  },
  async clear(trx, campaignId) {
    await trx(campaignsTable)
      .where({ id: campaignId })
      .update({ [column]: null });
  },
});
