import type { CampaignReport, ReportFigures, ReportPoint } from '../../../../shared/contracts/analytics';
import {
  BOUNCE_REASON_PREFIX,
  CLIENT_PREFIX,
  COMPLAINT_REASON_PREFIX,
  DEVICE_PREFIX,
  HOUR_MS,
  LINK_PREFIX,
  type HourlyMetric,
  LINK_UNIQUE_PREFIX,
} from './metrics';
import type { RollupHourRow, RollupRow } from './rollup-store';

const DAY_MS = 24 * HOUR_MS;
/** The series keeps hours this long from its first hour, then days. */
export const HOURLY_SPAN_MS = 7 * DAY_MS;

export const rate = (count: number, over: number) => (over > 0 ? count / over : null);

/** Delivered: what a provider reported, or else the deliveries still `sent` (a hard bounce fails its delivery). */
export const deliveredOf = (reported: number, stillSent: number) => (reported > 0 ? reported : stillSent);

/**
 * The figures of one set of counters (a variant's, or all variants' summed), and its deliveries
 * by state (the send pipeline writes states, not events): `sent` is every message attempted (sent
 * or failed); `delivered` what a provider reported, or else the deliveries still `sent` (a hard
 * bounce fails its delivery).
 */
export const figuresOf = (value: (metric: string) => number, deliveries: { sent: number; failed: number }): ReportFigures => {
  const sent = deliveries.sent + deliveries.failed;
  const hard = value('bounce_hard');
  const soft = value('bounce_soft');
  const deliveredReported = value('delivered');
  const delivered = deliveredOf(deliveredReported, deliveries.sent);
  const opens = {
    human: { total: value('open_human'), unique: value('unique_open_human') },
    machine: { total: value('open_machine'), unique: value('unique_open_machine') },
  };
  const clicks = {
    human: { total: value('click_human'), unique: value('unique_click_human') },
    machine: { total: value('click_machine'), unique: value('unique_click_machine') },
  };
  return {
    sent,
    failed: deliveries.failed,
    deliveredReported,
    delivered,
    bounces: { hard, soft },
    complaints: value('complaint'),
    unsubscribes: value('unsubscribe'),
    resubscribes: value('resubscribe'),
    replies: { total: value('reply'), unique: value('unique_reply') },
    opens,
    clicks,
    rates: {
      open: rate(opens.human.unique, delivered),
      click: rate(clicks.human.unique, delivered),
      clickToOpen: rate(clicks.human.unique, opens.human.unique),
      bounce: rate(hard + soft, sent),
      complaint: rate(value('complaint'), delivered),
      unsubscribe: rate(value('unsubscribe'), delivered),
    },
  };
};

const SERIES_METRICS = {
  open_human: 'opens',
  click_human: 'clicks',
  open_machine: 'machineOpens',
  click_machine: 'machineClicks',
} as const satisfies Partial<Record<HourlyMetric, keyof Omit<ReportPoint, 'at'>>>;
type SeriesMetric = keyof typeof SERIES_METRICS;

/** Opens and clicks per hour for the first 7 days from the first hour with any, then per day (days in UTC). */
export const seriesOf = (hours: readonly RollupHourRow[]): ReportPoint[] => {
  const counted = hours.filter((row): row is RollupHourRow & { metric: SeriesMetric } => Object.hasOwn(SERIES_METRICS, row.metric));
  if (!counted.length) return [];
  const first = Math.min(...counted.map((row) => row.hour));
  const points = new Map<number, ReportPoint>();
  for (const row of counted) {
    const at = row.hour - first < HOURLY_SPAN_MS ? row.hour : Math.floor(row.hour / DAY_MS) * DAY_MS;
    const point = points.get(at) ?? { at: new Date(at).toISOString(), opens: 0, clicks: 0, machineOpens: 0, machineClicks: 0 };
    point[SERIES_METRICS[row.metric]] += row.value;
    points.set(at, point);
  }
  return [...points.entries()].sort(([a], [b]) => a - b).map(([, point]) => point);
};

export interface VariantDeliveries {
  variant: string;
  state: string;
  count: number;
}

/** A campaign's report from its counters, its deliveries by variant and state, and its message's links. */
export const reportOf = (
  documentId: string,
  rollups: { totals: readonly RollupRow[]; hours: readonly RollupHourRow[] },
  deliveries: readonly VariantDeliveries[],
  campaignLinks: ReadonlyArray<{ id: number; url: string }>
): CampaignReport => {
  const urls = new Map(campaignLinks.map((link) => [link.id, link.url]));
  const inState = (state: string, variant?: string) =>
    deliveries.filter((d) => d.state === state && (variant === undefined || d.variant === variant)).reduce((sum, d) => sum + d.count, 0);
  const sentAndFailed = (variant?: string) => ({ sent: inState('sent', variant), failed: inState('failed', variant) });
  const byVariant = new Map<string, Map<string, number>>(deliveries.map((d) => [d.variant, new Map<string, number>()]));
  const all = new Map<string, number>();
  for (const { variant, metric, value } of rollups.totals) {
    const counters = byVariant.get(variant) ?? new Map<string, number>();
    counters.set(metric, (counters.get(metric) ?? 0) + value);
    byVariant.set(variant, counters);
    all.set(metric, (all.get(metric) ?? 0) + value);
  }
  const prefixed = (prefix: string) =>
    [...all].filter(([metric]) => metric.startsWith(prefix)).map(([metric, count]) => ({ key: metric.slice(prefix.length), count }));
  const mostFirst = (prefix: string) => prefixed(prefix).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const byReason = (prefix: string) => mostFirst(prefix).map(({ key, count }) => ({ reason: key, count }));
  return {
    documentId,
    audience: {
      targeted: deliveries.reduce((sum, d) => sum + d.count, 0),
      queued: inState('queued'),
      sending: inState('sending'),
      suppressed: inState('suppressed'),
      unknown: inState('unknown'),
      cancelled: inState('cancelled'),
    },
    ...figuresOf((metric) => all.get(metric) ?? 0, sentAndFailed()),
    variants: [...byVariant]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([variant, counters]) => ({ variant, ...figuresOf((metric) => counters.get(metric) ?? 0, sentAndFailed(variant)) })),
    bouncesByReason: byReason(BOUNCE_REASON_PREFIX),
    complaintsByReason: byReason(COMPLAINT_REASON_PREFIX),
    clients: mostFirst(CLIENT_PREFIX).map(({ key, count }) => ({ client: key, count })),
    devices: mostFirst(DEVICE_PREFIX).map(({ key, count }) => ({ device: key, count })),
    // Every link of the message, those nobody clicked too (0), and any counted one since gone.
    links: [...new Set([...urls.keys(), ...prefixed(LINK_PREFIX).map(({ key }) => Number(key))])]
      .map((linkId) => ({
        linkId,
        url: urls.get(linkId) ?? null,
        clicks: all.get(`${LINK_PREFIX}${linkId}`) ?? 0,
        uniqueClicks: all.get(`${LINK_UNIQUE_PREFIX}${linkId}`) ?? 0,
      }))
      .sort((a, b) => b.clicks - a.clicks || a.linkId - b.linkId),
    series: seriesOf(rollups.hours),
  };
};
