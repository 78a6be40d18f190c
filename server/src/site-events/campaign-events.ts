import type { Knex } from 'knex';
import type { CampaignAction } from '../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../shared/contracts/campaigns';
import type { CampaignMoved } from '../features/campaigns/lifecycle';
import type { Announcer } from './announcer';
import type { SiteEvent } from './signal-events';
import { announceEach } from './signal-events';

export interface CampaignMoveDeps {
  knex: Knex;
  table: string;
  /** Strapi's name of the campaign's `documentId` column. */
  documentIdColumn: string;
  counts(campaignId: number): Promise<Record<string, number>>;
  announce: Announcer;
  log: { warn(message: string): void };
}

/**
 * The `campaigns.campaign.*` event of each move the campaign lifecycle made, read after the move
 * committed: the documentId, the final counts of a send that is over, with the reason a system's
 * pause wrote as the lifecycle tells it. Never throws and never delays the move: the event is told
 * after it, in the order of the moves (the announcer's turn is taken when the move is told).
 */
export const campaignMoveAnnouncer = (deps: CampaignMoveDeps): CampaignMoved => {
  const { knex, table, documentIdColumn, announce } = deps;

  const eventOf = async (campaignId: number, action: CampaignAction, reason: CampaignPauseReason | null): Promise<SiteEvent | null> => {
    const row = await knex(table).select(documentIdColumn).where({ id: campaignId }).first();
    if (!row) return null;
    const about = { campaignId, documentId: String(row[documentIdColumn]) };
    switch (action) {
      case 'schedule':
        return { name: 'campaigns.campaign.scheduled', payload: about };
      case 'unschedule':
        return { name: 'campaigns.campaign.unscheduled', payload: about };
      case 'send':
      case 'start':
        return { name: 'campaigns.campaign.sending', payload: about };
      case 'resume':
        return { name: 'campaigns.campaign.resumed', payload: about };
      case 'cancel':
        return { name: 'campaigns.campaign.cancelled', payload: about };
      case 'pause':
      case 'halt':
      case 'miss':
        return { name: 'campaigns.campaign.paused', payload: { ...about, reason } };
      case 'complete':
        return { name: 'campaigns.campaign.sent', payload: { ...about, counts: await deps.counts(campaignId) } };
      case 'fail':
        return {
          name: 'campaigns.campaign.failed',
          payload: { ...about, reason: 'every delivery failed', counts: await deps.counts(campaignId) },
        };
    }
  };

  return (campaignId, action, reason) => {
    const event = eventOf(campaignId, action, reason).catch((error: Error) => {
      deps.log.warn(`campaigns: the event of campaign ${campaignId}'s ${action} was not announced: ${error.message}`);
      return null;
    });
    announce.after(event, (found) => announceEach(announce, found ? [found] : []));
  };
};
