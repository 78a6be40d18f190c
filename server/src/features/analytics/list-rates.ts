import type { Knex } from 'knex';
import type { CampaignRates } from '../../../../shared/contracts/campaigns';
import { TABLES } from '../../constants';
import { UNIQUE_METRIC } from './metrics';
import { deliveredOf, rate } from './report';

const METRICS = ['delivered', UNIQUE_METRIC.first_open_at, UNIQUE_METRIC.first_click_at];

/**
 * People's open and click rates of a page of sent campaigns, as their reports give them (over
 * delivered): one grouped read of their counters, by primary key. `stillSent`: each campaign's
 * deliveries still `sent` (the list reads them anyway, as its recipients).
 */
export const listRates = async (knex: Knex, stillSent: ReadonlyMap<number, number>): Promise<Map<number, CampaignRates>> => {
  if (!stillSent.size) return new Map();
  const rows = (await knex(TABLES.rollups)
    .select('campaign_id', 'metric')
    .sum({ value: 'value' })
    .whereIn('campaign_id', [...stillSent.keys()])
    .whereIn('metric', METRICS)
    .groupBy('campaign_id', 'metric')) as Array<{ campaign_id: unknown; metric: string; value: unknown }>;
  const value = new Map(rows.map((row) => [`${Number(row.campaign_id)}:${row.metric}`, Number(row.value)]));
  const of = (campaignId: number, metric: string) => value.get(`${campaignId}:${metric}`) ?? 0;
  return new Map(
    [...stillSent].map(([campaignId, sent]) => {
      const delivered = deliveredOf(of(campaignId, 'delivered'), sent);
      return [
        campaignId,
        {
          open: rate(of(campaignId, UNIQUE_METRIC.first_open_at), delivered),
          click: rate(of(campaignId, UNIQUE_METRIC.first_click_at), delivered),
        },
      ];
    })
  );
};
