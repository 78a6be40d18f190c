import type { ExperimentMetric, ExperimentSeries, ExperimentSeriesPoint } from '../../../../shared/contracts/experiments';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Hourly points for the first week of a test, then one a day: a test that waits for an editor for months stays a short series. */
const HOURLY_SPAN_MS = 7 * DAY_MS;

/**
 * The rollup counters (features/analytics/metrics.ts, kept per hour) a metric's successes and, for
 * click-to-open, its trials are read from: people's unique opens, clicks and replies.
 */
export const SERIES_COUNTERS = {
  opens: 'unique_open_human',
  clicks: 'unique_click_human',
  replies: 'unique_reply',
} as const;

const SUCCESS_COUNTER: Record<ExperimentMetric, string> = {
  open: SERIES_COUNTERS.opens,
  click: SERIES_COUNTERS.clicks,
  'click-to-open': SERIES_COUNTERS.clicks,
  reply: SERIES_COUNTERS.replies,
};

/** The counters a metric's series reads. */
export const countersOf = (metric: ExperimentMetric): string[] =>
  metric === 'click-to-open' ? [SERIES_COUNTERS.opens, SERIES_COUNTERS.clicks] : [SUCCESS_COUNTER[metric]];

export interface HourCount {
  variant: string;
  metric: string;
  /** The hour's start, epoch milliseconds. */
  hour: number;
  value: number;
}

export interface SeriesInput {
  metric: ExperimentMetric;
  /** In order; a send-time variant has no rate before the hour it goes out. */
  variants: ReadonlyArray<{ key: string; sendAt?: string }>;
  hours: readonly HourCount[];
  /** Open, click, reply: each variant's test recipients (messages sent). Click-to-open takes its openers from `hours`. */
  sent: Readonly<Record<string, number>>;
  /** When the test's send started and when its window ends (its decision, or now), epoch milliseconds. */
  from: number;
  until: number;
}

const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

/** The hours the series has a point at: every hour of the first week from `first`, then each day's first hour, and always the last. */
export const pointHours = (first: number, last: number): number[] => {
  const hours: number[] = [];
  for (let hour = first; hour <= last; hour += HOUR_MS)
    if (hour - first < HOURLY_SPAN_MS || hour % DAY_MS === 0 || hour === last) hours.push(hour);
  return hours;
};

/** successes over trials, successes capped at the trials (a click whose open the mail client hid), null with no trials. */
export const rateOf = (successes: number, trials: number): number | null => (trials > 0 ? Math.min(successes, trials) / trials : null);

/**
 * Each variant's cumulative rate of the test's metric over time: at each point, everything counted
 * up to the end of its hour, over the variant's test recipients (click-to-open: over its openers
 * so far). Counts of hours outside [from, until] are left out: before is impossible, after is the
 * rest of the audience's (the winner's send). Pure: the counts come from the rollups.
 */
export const metricSeriesOf = ({ metric, variants, hours, sent, from, until }: SeriesInput): ExperimentSeries => {
  const first = hourOf(from);
  const last = hourOf(Math.max(from, until));
  const keys = variants.map((v) => v.key);
  const counters = countersOf(metric);
  // Each hour's counts by variant and counter, summed up hour by hour below: one pass, whatever the span.
  const byHour = new Map<number, HourCount[]>();
  for (const row of hours) {
    if (row.hour < first || row.hour > last || !keys.includes(row.variant) || !counters.includes(row.metric)) continue;
    byHour.set(row.hour, [...(byHour.get(row.hour) ?? []), row]);
  }
  const running = new Map(keys.map((key) => [key, new Map(counters.map((counter) => [counter, 0]))]));
  const successes = (key: string) => running.get(key)!.get(SUCCESS_COUNTER[metric])!;
  const trials = (key: string) => (metric === 'click-to-open' ? running.get(key)!.get(SERIES_COUNTERS.opens)! : (sent[key] ?? 0));
  const startOf = new Map(variants.map((v) => [v.key, v.sendAt ? hourOf(Date.parse(v.sendAt)) : first]));

  const shown = new Set(pointHours(first, last));
  const points: ExperimentSeriesPoint[] = [];
  for (let hour = first; hour <= last; hour += HOUR_MS) {
    for (const row of byHour.get(hour) ?? []) {
      const sums = running.get(row.variant)!;
      sums.set(row.metric, sums.get(row.metric)! + row.value);
    }
    if (!shown.has(hour)) continue;
    points.push({
      at: new Date(hour).toISOString(),
      rates: Object.fromEntries(keys.map((key) => [key, hour < (startOf.get(key) ?? first) ? null : rateOf(successes(key), trials(key))])),
    });
  }
  return {
    metric,
    from: new Date(from).toISOString(),
    until: new Date(Math.max(from, until)).toISOString(),
    variants: keys.map((key) => ({ key, trials: trials(key), successes: Math.min(successes(key), trials(key)) })),
    points,
  };
};
