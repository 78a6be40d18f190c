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
 * the map was never sent. One grouped query for a whole page of campaigns.
 */
export const sentToCounts = async (knex: Knex, campaignIds: number[]): Promise<Map<number, SentTo>> => {
  if (!campaignIds.length) return new Map();
  const rows = (await knex(`${TABLES.sends} as s`)
    .leftJoin(`${TABLES.deliveries} as d`, 'd.campaign_id', 's.campaign_id')
    .whereIn('s.campaign_id', campaignIds)
    .groupBy('s.campaign_id', 's.started_at')
    .select('s.campaign_id', 's.started_at', knex.raw(`SUM(CASE WHEN d.state = 'sent' THEN 1 ELSE 0 END) AS n`))) as Array<{
    campaign_id: number | string;
    started_at: number | string;
    n: number | string;
  }>;
  return new Map(rows.map((row) => [Number(row.campaign_id), { count: Number(row.n), startedAt: Number(row.started_at) }]));
};
