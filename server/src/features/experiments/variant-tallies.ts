import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import type { VariantTally } from './stats';

/** The rollup counters (features/analytics/metrics.ts) each tally field reads: people's unique opens and clicks, never machines'. */
const COUNTERS = {
  opens: 'unique_open_human',
  clicks: 'unique_click_human',
  replies: 'unique_reply',
  unsubscribes: 'unsubscribe',
  complaints: 'complaint',
} as const satisfies Record<Exclude<keyof VariantTally, 'key' | 'sent'>, string>;

const FIELDS = Object.keys(COUNTERS) as Array<keyof typeof COUNTERS>;

/** Deliveries that reached a mail server: what a variant's rates are out of. */
export const SENT_STATES = ['sent', 'unknown'];

/**
 * Each variant's counters of a campaign, in the order of `keys`: people's counts from the analytics
 * rollups (one read by primary key prefix), and what was sent counted from its deliveries (no rollup
 * counts sends while the campaign is still sending, as it is during its test). A variant nothing
 * was counted for yet has zeros.
 */
export const variantTallies = async (knex: Knex, campaignId: number, keys: readonly string[]): Promise<VariantTally[]> => {
  const rows = (await knex(TABLES.rollups)
    .select('variant', 'metric', 'value')
    .where('campaign_id', campaignId)
    .whereIn('variant', [...keys])
    .whereIn('metric', Object.values(COUNTERS))) as Array<{ variant: string; metric: string; value: number | string }>;
  const sent = (await knex(TABLES.deliveries)
    .select('variant')
    .count({ count: '*' })
    .where('campaign_id', campaignId)
    .whereIn('state', SENT_STATES)
    .groupBy('variant')) as Array<{ variant: string; count: number | string }>;
  const value = (key: string, metric: string) => Number(rows.find((r) => r.variant === key && r.metric === metric)?.value ?? 0);
  return keys.map((key) => ({
    key,
    sent: Number(sent.find((r) => r.variant === key)?.count ?? 0),
    ...(Object.fromEntries(FIELDS.map((f) => [f, value(key, COUNTERS[f])])) as Omit<VariantTally, 'key' | 'sent'>),
  }));
};
