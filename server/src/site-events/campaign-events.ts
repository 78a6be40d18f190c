import type { Knex } from 'knex';
import type { CampaignAction } from '../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../shared/contracts/campaigns';
import type { Announcer } from './announcer';
import type { SiteEvent } from './signal-events';
import { announceEach } from './signal-events';

export interface CampaignMoveDeps {
  knex: Knex;
  table: string;
  /** Strapi's names of the campaign's `documentId` and `pauseReason` columns. */
  columns: { documentId: string; pauseReason: string };
  counts(campaignId: number): Promise<Record<string, number>>;
  announce: Announcer;
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

  const eventOf = async (campaignId: number, action: CampaignAction): Promise<SiteEvent | null> => {
    const row = await knex(table).select(columns.documentId, columns.pauseReason).where({ id: campaignId }).first();
    if (!row) return null;
    const about = { campaignId, documentId: String(row[columns.documentId]) };
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
        return { name: 'campaigns.campaign.paused', payload: { ...about, reason: null } };
      case 'halt':
      case 'miss':
        return { name: 'campaigns.campaign.paused', payload: { ...about, reason: parsed(row[columns.pauseReason]) } };
      case 'complete':
        return { name: 'campaigns.campaign.sent', payload: { ...about, counts: await deps.counts(campaignId) } };
      case 'fail':
        return {
          name: 'campaigns.campaign.failed',
          payload: { ...about, reason: 'every delivery failed', counts: await deps.counts(campaignId) },
        };
    }
  };

  return (campaignId: number, action: CampaignAction) => {
    const event = eventOf(campaignId, action).catch((error: Error) => {
      deps.log.warn(`campaigns: the event of campaign ${campaignId}'s ${action} was not announced: ${error.message}`);
      return null;
    });
    announce.after(event, (found) => announceEach(announce, found ? [found] : []));
  };
};
