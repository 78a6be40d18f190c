import {
  SPARKLINE_DAYS,
  type Dashboard,
  type DashboardCampaign,
  type DashboardDays,
  type ReportFigures,
} from '../../../../shared/contracts/analytics';
import { HOUR_MS } from './metrics';
import { figuresOf, rate, type VariantDeliveries } from './report';
import type { RollupHourRow, RollupRow } from './rollup-store';

const DAY_MS = 24 * HOUR_MS;
const dayOf = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;

/** What the dashboard reads of one campaign sent in the period. */
export interface DashboardInput {
  documentId: string;
  name: string;
  state: string;
  /** When its send started (epoch ms). */
  sentAt: number;
  /** Its event counters, every variant's. */
  totals: readonly RollupRow[];
  /** Its deliveries by variant and state. */
  states: readonly VariantDeliveries[];
  /** Its counters' hours (people's opens are the ones drawn). */
  hours: readonly RollupHourRow[];
}

const counted = (rows: readonly RollupRow[], into = new Map<string, number>()) => {
  for (const { metric, value } of rows) into.set(metric, (into.get(metric) ?? 0) + value);
  return into;
};

const inState = (states: readonly VariantDeliveries[], state: string) =>
  states.filter((row) => row.state === state).reduce((sum, row) => sum + row.count, 0);

const figures = (values: ReadonlyMap<string, number>, states: readonly VariantDeliveries[]): ReportFigures =>
  figuresOf((metric) => values.get(metric) ?? 0, { sent: inState(states, 'sent'), failed: inState(states, 'failed') });

/**
 * People's opens per UTC day from the day the send started, for the days that have begun by
 * `now` (SPARKLINE_DAYS at most).
 */
export const dailyOpens = (sentAt: number, hours: readonly RollupHourRow[], now: number) => {
  const first = dayOf(sentAt);
  const days = new Array<number>(Math.max(1, Math.min(SPARKLINE_DAYS, Math.floor((dayOf(now) - first) / DAY_MS) + 1))).fill(0);
  for (const row of hours) {
    if (row.metric !== 'open_human') continue;
    const day = Math.floor((row.hour - first) / DAY_MS);
    if (day >= 0 && day < days.length) days[day] += row.value;
  }
  return days;
};

/** The dashboard of a period from its campaigns' counters: each campaign's figures, and all of them together. */
export const dashboardOf = (days: DashboardDays, now: number, inputs: readonly DashboardInput[]): Dashboard => {
  const campaigns = [...inputs]
    .sort((a, b) => b.sentAt - a.sentAt)
    .map((input): DashboardCampaign => {
      const own = figures(counted(input.totals), input.states);
      return {
        documentId: input.documentId,
        name: input.name,
        state: input.state,
        sentAt: new Date(input.sentAt).toISOString(),
        ...own,
        hardBounceRate: rate(own.bounces.hard, own.sent),
        daily: dailyOpens(input.sentAt, input.hours, now),
      };
    });
  const all = new Map<string, number>();
  for (const input of inputs) counted(input.totals, all);
  const together = figures(
    all,
    inputs.flatMap((input) => input.states)
  );
  return {
    days,
    from: new Date(now - days * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
    totals: { ...together, campaigns: campaigns.length, hardBounceRate: rate(together.bounces.hard, together.sent) },
    campaigns,
  };
};
