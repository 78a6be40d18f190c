import type { Knex } from 'knex';
import type { CampaignAction } from '../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../shared/contracts/campaigns';
import type { Announce } from './catalogue';

export interface CampaignMoveDeps {
  knex: Knex;
  table: string;
  /** Strapi's names of the campaign's `documentId` and `pauseReason` columns. */
  columns: { documentId: string; pauseReason: string };
  counts(campaignId: number): Promise<Record<string, number>>;
  announce: Announce;
  log: { warn(message: string): void };
}

const parsed = (value: unknown): CampaignPauseReason | null =>
  value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as CampaignPauseReason);

/**
 * The `campaigns.campaign.*` event of each move the campaign lifecycle made, read after the move
 * committed: the documentId, the reason a halt wrote with it, the final counts of a send that is
 * over. Never throws and never delays the move: the event is told after it.
 */
export const campaignMoveAnnouncer = (deps: CampaignMoveDeps) => {
  const { knex, table, columns, announce } = deps;

  const tell = async (campaignId: number, action: CampaignAction) => {
    const row = await knex(table).select(columns.documentId, columns.pauseReason).where({ id: campaignId }).first();
    if (!row) return;
    const about = { campaignId, documentId: String(row[columns.documentId]) };
    switch (action) {
      case 'send':
        return announce('campaigns.campaign.sending', about);
      case 'resume':
        return announce('campaigns.campaign.resumed', about);
      case 'cancel':
        return announce('campaigns.campaign.cancelled', about);
      case 'pause':
        return announce('campaigns.campaign.paused', { ...about, reason: null });
      case 'halt':
        return announce('campaigns.campaign.paused', { ...about, reason: parsed(row[columns.pauseReason]) });
      case 'complete':
        return announce('campaigns.campaign.sent', { ...about, counts: await deps.counts(campaignId) });
      case 'fail':
        return announce('campaigns.campaign.failed', {
          ...about,
          reason: 'every delivery failed',
          counts: await deps.counts(campaignId),
        });
    }
  };

  return (campaignId: number, action: CampaignAction) => {
    void tell(campaignId, action).catch((error: Error) =>
      deps.log.warn(`campaigns: the event of campaign ${campaignId}'s ${action} was not announced: ${error.message}`)
    );
  };
};
