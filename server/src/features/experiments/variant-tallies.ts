import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import type { VariantTally } from './stats';

/** The rollup counters (features/analytics/metrics.ts) each tally field reads: people's unique opens and clicks, never machines'. */
const COUNTERS = {
  sent: 'sent',
  opens: 'unique_open_human',
  clicks: 'unique_click_human',
  replies: 'unique_reply',
  unsubscribes: 'unsubscribe',
  complaints: 'complaint',
} as const satisfies Record<Exclude<keyof VariantTally, 'key'>, string>;

const FIELDS = Object.keys(COUNTERS) as Array<keyof typeof COUNTERS>;

/**
 * Each variant's counters of a campaign, from the analytics rollups (one read by primary key
 * prefix, whatever the campaign's size), in the order of `keys`; a variant nothing was counted for
 * yet has zeros.
 */
export const variantTallies = async (knex: Knex, campaignId: number, keys: readonly string[]): Promise<VariantTally[]> => {
  const rows = (await knex(TABLES.rollups)
    .select('variant', 'metric', 'value')
    .where('campaign_id', campaignId)
    .whereIn('variant', [...keys])
    .whereIn('metric', Object.values(COUNTERS))) as Array<{ variant: string; metric: string; value: number | string }>;
  const value = (key: string, metric: string) => Number(rows.find((r) => r.variant === key && r.metric === metric)?.value ?? 0);
  return keys.map((key) => ({
    key,
    ...(Object.fromEntries(FIELDS.map((f) => [f, value(key, COUNTERS[f])])) as Omit<VariantTally, 'key'>),
  }));
};
