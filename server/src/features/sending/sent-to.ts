import type { Knex } from 'knex';
import { TABLES } from '../../constants';

/** What a campaign's send came to: the contacts it reached, and when it started. */
export interface SentTo {
  count: number;
  startedAt: number;
}

/**
 * How many contacts each of these campaigns was sent to: its deliveries the SMTP server accepted
 * (not those suppressed, refused, cancelled or still queued), and when its send started, for every
 * campaign that has a send record (sending started, whatever came after). A campaign missing from
 * the map was never sent. `known`: counts the caller already has (kept counters of finished
 * campaigns); the others' are one grouped read of the deliveries for the whole page.
 */
export const sentToCounts = async (
  knex: Knex,
  campaignIds: number[],
  known: ReadonlyMap<number, number> = new Map()
): Promise<Map<number, SentTo>> => {
  if (!campaignIds.length) return new Map();
  const sends = (await knex(TABLES.sends).select('campaign_id', 'started_at').whereIn('campaign_id', campaignIds)) as Array<{
    campaign_id: number | string;
    started_at: number | string;
  }>;
  const toCount = sends.map((row) => Number(row.campaign_id)).filter((id) => !known.has(id));
  const counted = toCount.length
    ? ((await knex(TABLES.deliveries)
        .select('campaign_id')
        .count({ n: '*' })
        .whereIn('campaign_id', toCount)
        .where('state', 'sent')
        .groupBy('campaign_id')) as Array<{ campaign_id: number | string; n: number | string }>)
    : [];
  const counts = new Map([...known, ...counted.map((row) => [Number(row.campaign_id), Number(row.n)] as const)]);
  return new Map(
    sends.map((row) => [Number(row.campaign_id), { count: counts.get(Number(row.campaign_id)) ?? 0, startedAt: Number(row.started_at) }])
  );
};
