import type { FirstColumn } from '../../events/delivery-event';

/**
 * What the rollups count, per campaign and variant, in all and per hour. Pure: the live path
 * (rollup-writer.ts) and the rebuild (rebuild.ts) both count through here, so they cannot disagree
 * on what an event adds.
 */
export const EVENT_METRICS = [
  'sent',
  'failed',
  'delivered',
  'bounce_hard',
  'bounce_soft',
  'complaint',
  'unsubscribe',
  'resubscribe',
  'reply',
  'open_human',
  'open_machine',
  'click_human',
  'click_machine',
] as const;

/** Deliveries counted once, by the first time of a kind their row was given. */
export const UNIQUE_METRIC = {
  first_open_at: 'unique_open_human',
  first_machine_open_at: 'unique_open_machine',
  first_click_at: 'unique_click_human',
  first_machine_click_at: 'unique_click_machine',
  first_reply_at: 'unique_reply',
} as const satisfies Record<FirstColumn, string>;

export type EventMetric = (typeof EVENT_METRICS)[number];
export type UniqueMetric = (typeof UNIQUE_METRIC)[FirstColumn];

/** Bounces per reason (`bounce:<reason>`): the inbound classifier's reason, or the SMTP bounce's kind. */
export const BOUNCE_REASON_PREFIX = 'bounce:';
/** Complaints per feedback type (`complaint:<type>`: abuse, fraud, other...; `unspecified` when the report names none). */
export const COMPLAINT_REASON_PREFIX = 'complaint:';
/** Clicks per link (`link:<id>`), people's only: what a reader chose. */
export const LINK_PREFIX = 'link:';
/** The deliveries whose reader clicked a link, each once (`link_unique:<id>`): the link's unique clickers. */
export const LINK_UNIQUE_PREFIX = 'link_unique:';

/** People's first opens per mail client family (`client:<family>`) and device (`device:<kind>`): the readers' clients. */
export const CLIENT_PREFIX = 'client:';
export const DEVICE_PREFIX = 'device:';

/** A counter's name cut to fit its column (32 characters): reasons, types and client families are short words. */
const counterName = (prefix: string, key: string) => `${prefix}${key}`.slice(0, 32);

/** What an event is, as far as the counts go: the same from a recorded event and from its stored row. */
export interface EventFacts {
  type: string;
  isBot: boolean;
  at: number;
  /** A bounce's kind (hard, permanent, soft-limit) and classified reason; a complaint's feedback type. */
  kind?: string | null;
  reason?: string | null;
  /** A click's link. */
  linkId?: number | null;
  /** A reader's open's mail client family and device (tracking/reader-agent.ts). */
  mailClient?: string | null;
  device?: string | null;
}

// The lists of the events a campaign's first minutes bring by the thousand, made once.
const OPEN_HUMAN: readonly string[] = ['open_human'];
const OPEN_MACHINE: readonly string[] = ['open_machine'];
const CLICK_MACHINE: readonly string[] = ['click_machine'];

/** The metrics one event adds one to. */
export const metricsOf = (event: EventFacts): readonly string[] => {
  switch (event.type) {
    case 'open':
      return event.isBot ? OPEN_MACHINE : OPEN_HUMAN;
    case 'click':
      return event.isBot ? CLICK_MACHINE : ['click_human', ...(event.linkId ? [`${LINK_PREFIX}${event.linkId}`] : [])];
    case 'bounce':
      return [event.kind === 'hard' ? 'bounce_hard' : 'bounce_soft', `${BOUNCE_REASON_PREFIX}${event.reason ?? event.kind ?? 'unknown'}`];
    case 'complaint':
      return ['complaint', counterName(COMPLAINT_REASON_PREFIX, (event.reason || 'unspecified').toLowerCase())];
    case 'sent':
    case 'failed':
    case 'delivered':
    case 'unsubscribe':
    case 'resubscribe':
    case 'reply':
      return [event.type];
    default:
      return [];
  }
};

/** Kept per hour for every campaign: the report's series and the dashboard's sparklines read these. */
const SERIES_HOURLY = ['open_human', 'click_human', 'open_machine', 'click_machine'] as const;
/**
 * Kept per hour for a test's variants only (a campaign without a test counts under variant ''): an
 * A/B test's metric over time (features/experiments/metric-series.ts) reads people's unique
 * opens, clicks and replies. Every other counter costs no hourly row.
 */
const VARIANT_HOURLY = ['unique_open_human', 'unique_click_human', 'unique_reply'] as const;
export const HOURLY_METRICS = [...SERIES_HOURLY, ...VARIANT_HOURLY] as const;
export type HourlyMetric = (typeof HOURLY_METRICS)[number];
const SERIES: ReadonlySet<string> = new Set(SERIES_HOURLY);
const VARIANT: ReadonlySet<string> = new Set(VARIANT_HOURLY);
export const isHourly = ({ metric, variant }: { metric: string; variant: string }) =>
  SERIES.has(metric) || (variant !== '' && VARIANT.has(metric));

export const HOUR_MS = 3_600_000;
export const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

/** One counter's increase: in all (the rollup) and in the hour it happened (the series). */
export interface RollupDelta {
  campaignId: number;
  variant: string;
  metric: string;
  hour: number;
  value: number;
}

/** What adds to the counters: events with their delivery's campaign and variant, and the firsts set. */
export interface Counted {
  campaignId: number;
  variant: string;
  facts: EventFacts;
}

export interface CountedFirst {
  campaignId: number;
  variant: string;
  column: FirstColumn;
  at: number;
  /** A people's first open's client and device: the open that set it said them (or nothing, `unknown`). */
  agent?: ReaderFacts;
}

export type ReaderFacts = Pick<EventFacts, 'mailClient' | 'device'>;

/** The counters a delivery's first open by its reader adds to, besides its unique open: its client's and device's. */
const readerMetricsOf = (agent: ReaderFacts | undefined) => [
  counterName(CLIENT_PREFIX, agent?.mailClient || 'unknown'),
  counterName(DEVICE_PREFIX, agent?.device || 'unknown'),
];

/** A delivery's first click by its reader on one link: one more of the link's unique clickers. */
export interface CountedLinkFirst {
  campaignId: number;
  variant: string;
  linkId: number;
  at: number;
}

/**
 * The increases of a batch, one per counter and hour, in a stable order (campaign, variant,
 * metric, hour): concurrent batches then take the counters' row locks in the same order.
 */
export const deltasOf = (
  events: readonly Counted[],
  firsts: readonly CountedFirst[],
  linkFirsts: readonly CountedLinkFirst[] = []
): RollupDelta[] => {
  const sums = new Map<string, RollupDelta>();
  const add = (campaignId: number, variant: string, metric: string, at: number) => {
    const hour = hourOf(at);
    const key = `${campaignId}\n${variant}\n${metric}\n${hour}`;
    const delta = sums.get(key);
    if (delta) delta.value += 1;
    else sums.set(key, { campaignId, variant, metric, hour, value: 1 });
  };
  for (const { campaignId, variant, facts } of events) for (const metric of metricsOf(facts)) add(campaignId, variant, metric, facts.at);
  for (const first of firsts) {
    add(first.campaignId, first.variant, UNIQUE_METRIC[first.column], first.at);
    if (first.column === 'first_open_at')
      for (const metric of readerMetricsOf(first.agent)) add(first.campaignId, first.variant, metric, first.at);
  }
  for (const first of linkFirsts) add(first.campaignId, first.variant, `${LINK_UNIQUE_PREFIX}${first.linkId}`, first.at);
  return [...sums.values()].sort(
    (a, b) =>
      a.campaignId - b.campaignId ||
      (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0) ||
      (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) ||
      a.hour - b.hour
  );
};

/** The per-counter sums of deltas (the rollup rows), in the same order. */
export const totalsOf = (deltas: readonly RollupDelta[]) => {
  const totals = new Map<string, Omit<RollupDelta, 'hour'>>();
  for (const { campaignId, variant, metric, value } of deltas) {
    const key = `${campaignId}\n${variant}\n${metric}`;
    const total = totals.get(key);
    if (total) total.value += value;
    else totals.set(key, { campaignId, variant, metric, value });
  }
  return [...totals.values()];
};
