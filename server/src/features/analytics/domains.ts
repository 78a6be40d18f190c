import type { FirstColumn } from '../../events/delivery-event';
import { metricsOf, type EventFacts } from './metrics';

/**
 * A recipient domain: what follows the address's last `@` (stored lower-cased, validation/email.ts),
 * `''` for an address erased since. The SQL that counts deliveries per domain (domain-store.ts) takes the same.
 */
export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** The counters an event adds to for its delivery's domain: its bounces, complaints and unsubscribes. */
const DOMAIN_EVENT_METRICS: ReadonlySet<string> = new Set(['bounce_hard', 'bounce_soft', 'complaint', 'unsubscribe']);
/** The deliveries their reader opened and clicked, each once, per domain. */
const DOMAIN_UNIQUE_METRIC: Partial<Record<FirstColumn, string>> = {
  first_open_at: 'unique_open_human',
  first_click_at: 'unique_click_human',
};
/** What each domain's servers were sent (deliveries sent or failed), counted once the campaign is over. */
export const DOMAIN_SENT = 'sent';
/** Every counter a domain has from its events: the campaign's own counters of the same names are their sums. */
export const DOMAIN_EVENT_COUNTERS = [...DOMAIN_EVENT_METRICS, ...Object.values(DOMAIN_UNIQUE_METRIC)];

export interface DomainDelta {
  campaignId: number;
  domain: string;
  metric: string;
  value: number;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Increases summed per counter, in a stable order (campaign, domain, metric) so that concurrent
 * transactions lock the rows in one order.
 */
export const sumDomainDeltas = (deltas: readonly DomainDelta[]): DomainDelta[] => {
  const sums = new Map<string, DomainDelta>();
  for (const delta of deltas) {
    const key = `${delta.campaignId}\n${delta.domain}\n${delta.metric}`;
    const sum = sums.get(key);
    if (sum) sum.value += delta.value;
    else sums.set(key, { ...delta });
  }
  return [...sums.values()].sort((a, b) => a.campaignId - b.campaignId || order(a.domain, b.domain) || order(a.metric, b.metric));
};

/** A batch's increases of the domains' counters (sumDomainDeltas). */
export const domainDeltasOf = (
  events: ReadonlyArray<{ campaignId: number; domain: string; facts: EventFacts }>,
  firsts: ReadonlyArray<{ campaignId: number; domain: string; column: FirstColumn }>
): DomainDelta[] => {
  const deltas: DomainDelta[] = [];
  for (const { campaignId, domain, facts } of events)
    for (const metric of metricsOf(facts)) if (DOMAIN_EVENT_METRICS.has(metric)) deltas.push({ campaignId, domain, metric, value: 1 });
  for (const { campaignId, domain, column } of firsts) {
    const metric = DOMAIN_UNIQUE_METRIC[column];
    if (metric) deltas.push({ campaignId, domain, metric, value: 1 });
  }
  return sumDomainDeltas(deltas);
};
