import type { DomainFigures, DomainReport } from '../../../../shared/contracts/analytics';
import { DOMAIN_SENT } from './domains';
import { rate } from './report';

/** A domain's counter row, or the campaign's (summed over its variants) as the report reads them. */
export interface DomainCounter {
  domain: string;
  metric: string;
  value: number;
}

const figuresOf = (value: (metric: string) => number, sent: number | null): DomainFigures => {
  const hard = value('bounce_hard');
  const soft = value('bounce_soft');
  const over = (count: number) => (sent === null ? null : rate(count, sent));
  return {
    sent,
    uniqueOpens: value('unique_open_human'),
    uniqueClicks: value('unique_click_human'),
    hardBounces: hard,
    softBounces: soft,
    complaints: value('complaint'),
    unsubscribes: value('unsubscribe'),
    rates: {
      open: over(value('unique_open_human')),
      click: over(value('unique_click_human')),
      bounce: over(hard + soft),
      complaint: over(value('complaint')),
    },
  };
};

/**
 * A campaign's figures per domain: its first domains' own counters (`ranked`, most first), and the
 * rest as what the whole campaign counted (`campaign`, where `sent` is every domain's) less theirs.
 */
export const domainReportOf = (
  documentId: string,
  input: {
    counted: boolean;
    total: number;
    ranked: readonly string[];
    rows: readonly DomainCounter[];
    campaign: ReadonlyMap<string, number>;
  }
): DomainReport => {
  const counters = new Map<string, Map<string, number>>(input.ranked.map((domain) => [domain, new Map()]));
  for (const { domain, metric, value } of input.rows) counters.get(domain)?.set(metric, value);
  const domains = input.ranked.map((domain) => {
    const own = counters.get(domain)!;
    return { domain, ...figuresOf((metric) => own.get(metric) ?? 0, input.counted ? (own.get(DOMAIN_SENT) ?? 0) : null) };
  });
  const rest = input.total - domains.length;
  const listed = (metric: string) => domains.reduce((sum, domain) => sum + (counters.get(domain.domain)!.get(metric) ?? 0), 0);
  // The campaign's counters and its domains' move in one transaction: the rest is never below 0 but by a rebuild in between.
  const others = (metric: string) => Math.max(0, (input.campaign.get(metric) ?? 0) - listed(metric));
  return {
    documentId,
    counted: input.counted,
    total: input.total,
    domains,
    others: rest > 0 ? { domains: rest, ...figuresOf(others, input.counted ? others(DOMAIN_SENT) : null) } : null,
  };
};
