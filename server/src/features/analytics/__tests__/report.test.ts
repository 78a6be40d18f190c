import { HOUR_MS } from '../metrics';
import { reportOf, seriesOf } from '../report';

const start = Date.UTC(2026, 11, 1, 9);
const totals = [
  ['', 'open_human', 50],
  ['', 'unique_open_human', 40],
  ['', 'open_machine', 30],
  ['', 'unique_open_machine', 25],
  ['', 'click_human', 12],
  ['', 'unique_click_human', 10],
  ['', 'bounce_hard', 3],
  ['', 'bounce_soft', 2],
  ['', 'bounce:userunknown', 3],
  ['', 'bounce:mailboxfull', 2],
  ['', 'complaint', 1],
  ['', 'unsubscribe', 4],
  ['', 'link:8', 4],
  ['', 'link:9', 8],
].map(([variant, metric, value]) => ({ variant: String(variant), metric: String(metric), value: Number(value) }));
const deliveries = [
  { variant: '', state: 'sent', count: 100 },
  { variant: '', state: 'failed', count: 2 },
  { variant: '', state: 'suppressed', count: 5 },
];

test('rates use their own denominators: opens and clicks over delivered, clicks over opens, bounces over sent', () => {
  const links = [8, 9, 10].map((id) => ({ id, url: `https://example.com/${id}` }));
  const report = reportOf('doc', { totals, hours: [] }, deliveries, links);
  expect(report).toMatchObject({
    audience: { targeted: 107, suppressed: 5, queued: 0 },
    sent: 102,
    failed: 2,
    delivered: 100,
    opens: { human: { total: 50, unique: 40 }, machine: { total: 30, unique: 25 } },
    clicks: { human: { total: 12, unique: 10 } },
    bouncesByReason: [
      { reason: 'userunknown', count: 3 },
      { reason: 'mailboxfull', count: 2 },
    ],
    // The link nobody clicked too, last.
    links: [
      { linkId: 9, url: 'https://example.com/9', clicks: 8 },
      { linkId: 8, url: 'https://example.com/8', clicks: 4 },
      { linkId: 10, url: 'https://example.com/10', clicks: 0, uniqueClicks: 0 },
    ],
  });
  expect(report.rates.open).toBeCloseTo(40 / 100);
  expect(report.rates.click).toBeCloseTo(10 / 100);
  expect(report.rates.clickToOpen).toBeCloseTo(10 / 40);
  expect(report.rates.bounce).toBeCloseTo(5 / 102);
  expect(report.rates.complaint).toBeCloseTo(1 / 100);
  expect(report.variants).toHaveLength(1);
});

test('a campaign with nothing sent has no rates rather than zeros', () => {
  const report = reportOf('doc', { totals: [], hours: [] }, [], []);
  expect(report.rates).toEqual({ open: null, click: null, clickToOpen: null, bounce: null, complaint: null, unsubscribe: null });
  expect(report.series).toEqual([]);
});

test('the series keeps hours for 7 days from its first hour, then days', () => {
  const hours = [
    { variant: '', metric: 'open_human', hour: start, value: 5 },
    { variant: 'b', metric: 'open_human', hour: start, value: 1 },
    { variant: '', metric: 'click_machine', hour: start + HOUR_MS, value: 2 },
    { variant: '', metric: 'open_human', hour: start + 8 * 24 * HOUR_MS, value: 3 },
    { variant: '', metric: 'open_human', hour: start + 8 * 24 * HOUR_MS + 5 * HOUR_MS, value: 4 },
    { variant: '', metric: 'unsubscribe', hour: start, value: 9 },
  ];
  expect(seriesOf(hours)).toEqual([
    { at: '2026-12-01T09:00:00.000Z', opens: 6, clicks: 0, machineOpens: 0, machineClicks: 0 },
    { at: '2026-12-01T10:00:00.000Z', opens: 0, clicks: 0, machineOpens: 0, machineClicks: 2 },
    { at: '2026-12-09T00:00:00.000Z', opens: 7, clicks: 0, machineOpens: 0, machineClicks: 0 },
  ]);
});
