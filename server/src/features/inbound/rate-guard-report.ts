import type { Knex } from 'knex';
import type { CampaignPauseReason, CampaignState } from '../../../../shared/contracts/campaigns';
import type { InboundRates } from '../../../../shared/contracts/inbound';
import { RATE_THRESHOLDS, rated, type RateGuardOptions } from './rate-guard';
import { campaignsSendingSince, campaignTallies, DAY_MS, windowTally } from './rate-guard-tallies';

/** The rolling windows the admin shows (days). */
export const RATE_WINDOWS = [7, 30] as const;
/** The campaigns listed with their rates: the newest that sent in the longest window. */
const MAX_CAMPAIGNS = 50;

export interface CampaignNames {
  /** The campaigns by row id (a deleted one is missing). */
  byIds(
    ids: number[]
  ): Promise<Array<{ id: number; documentId: string; name: string; state: CampaignState; pauseReason: CampaignPauseReason | null }>>;
}

/** What the rate guard panel shows: the rolling windows, and each recent campaign's rates, against the thresholds and the configured pause. */
export const rateReport = async (knex: Knex, campaigns: CampaignNames, options: RateGuardOptions, now: number): Promise<InboundRates> => {
  const windows = await Promise.all(RATE_WINDOWS.map(async (days) => ({ days, ...rated(await windowTally(knex, days, now)) })));
  const recent = await campaignsSendingSince(knex, now - Math.max(...RATE_WINDOWS) * DAY_MS, MAX_CAMPAIGNS);
  const ids = recent.map((c) => c.campaignId);
  const [tallies, rows] = await Promise.all([campaignTallies(knex, ids), campaigns.byIds(ids)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    thresholds: { ...RATE_THRESHOLDS },
    guard: { ...options },
    windows,
    campaigns: recent.flatMap(({ campaignId, startedAt }) => {
      const row = byId.get(campaignId);
      if (!row) return [];
      return [
        {
          documentId: row.documentId,
          name: row.name,
          state: row.state,
          pauseReason: row.state === 'paused' ? (row.pauseReason ?? null) : null,
          startedAt: new Date(startedAt).toISOString(),
          ...rated(tallies.get(campaignId) ?? { sent: 0, hardBounces: 0, complaints: 0 }),
        },
      ];
    }),
  };
};
