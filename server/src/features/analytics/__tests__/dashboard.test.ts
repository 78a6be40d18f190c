import { SPARKLINE_DAYS } from '../../../../../shared/contracts/analytics';
import { dailyOpens, dashboardOf, type DashboardInput } from '../dashboard';
import { HOUR_MS } from '../metrics';

const DAY = 24 * HOUR_MS;
const now = Date.UTC(2026, 11, 20, 15);
const rows = (entries: Array<[string, number]>) => entries.map(([metric, value]) => ({ variant: '', metric, value }));
const hour = (at: number, value: number, metric = 'open_human') => ({ variant: '', metric, hour: at, value });

const older: DashboardInput = {
  documentId: 'older',
  name: 'November news',
  state: 'sent',
  sentAt: Date.UTC(2026, 10, 25, 9),
  totals: rows([
    ['unique_open_human', 400],
    ['unique_click_human', 50],
    ['bounce_hard', 3],
    ['complaint', 1],
    ['unsubscribe', 8],
  ]),
  states: [
    { variant: '', state: 'sent', count: 997 },
    { variant: '', state: 'failed', count: 3 },
  ],
  hours: [],
};
const newer: DashboardInput = {
  documentId: 'newer',
  name: 'December news',
  state: 'sending',
  sentAt: Date.UTC(2026, 11, 18, 22),
  totals: rows([
    ['unique_open_human', 100],
    ['open_machine', 70],
    ['unique_open_machine', 60],
    ['complaint', 0],
  ]),
  states: [
    { variant: 'a', state: 'sent', count: 150 },
    { variant: 'b', state: 'sent', count: 150 },
    { variant: 'b', state: 'queued', count: 200 },
  ],
  hours: [hour(Date.UTC(2026, 11, 18, 23), 30), hour(Date.UTC(2026, 11, 19, 8), 50), hour(Date.UTC(2026, 11, 19, 9), 9, 'click_human')],
};

test('each campaign, newest first, with its figures on their denominators and its hard-bounce rate', () => {
  const dashboard = dashboardOf(30, now, [older, newer]);
  expect(dashboard.campaigns.map((c) => c.documentId)).toEqual(['newer', 'older']);
  expect(dashboard.campaigns[1]).toMatchObject({
    name: 'November news',
    sentAt: '2026-11-25T09:00:00.000Z',
    sent: 1000,
    delivered: 997,
    bounces: { hard: 3, soft: 0 },
    hardBounceRate: 3 / 1000,
    rates: { open: 400 / 997, click: 50 / 997, complaint: 1 / 997, unsubscribe: 8 / 997 },
  });
  // People's opens only: the machines' are not in the rate.
  expect(dashboard.campaigns[0]).toMatchObject({ state: 'sending', sent: 300, rates: { open: 100 / 300, complaint: 0 } });
  expect(dashboard).toMatchObject({ days: 30, from: new Date(now - 30 * DAY).toISOString(), to: new Date(now).toISOString() });
});

test('the period together: sums of every campaign, rates over the summed denominators', () => {
  const { totals } = dashboardOf(90, now, [older, newer]);
  expect(totals).toMatchObject({
    campaigns: 2,
    sent: 1300,
    delivered: 1297,
    unsubscribes: 8,
    complaints: 1,
    hardBounceRate: 3 / 1300,
    rates: { open: 500 / 1297, click: 50 / 1297 },
  });
  expect(dashboardOf(30, now, []).totals).toMatchObject({ campaigns: 0, sent: 0, hardBounceRate: null, rates: { open: null } });
});

test("a sparkline has people's opens per UTC day from the send's day, only for days that have begun", () => {
  // Sent at 22:00 on the 18th: its 23:00 opens are day 0, the 19th's are day 1, the 20th (today) is day 2.
  expect(dashboardOf(30, now, [newer]).campaigns[0].daily).toEqual([30, 50, 0]);
  const long = dailyOpens(Date.UTC(2026, 10, 1), [hour(Date.UTC(2026, 10, 1, 3), 4), hour(Date.UTC(2026, 10, 30), 9)], now);
  expect(long).toHaveLength(SPARKLINE_DAYS);
  expect(long[0]).toBe(4);
  expect(long.slice(1).every((value) => value === 0)).toBe(true);
  expect(dailyOpens(now, [], now)).toEqual([0]);
});
