import { metricSeriesOf, pointHours, rateOf, type HourCount, type SeriesInput } from '../metric-series';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const iso = (at: number) => new Date(at).toISOString();
const count = (variant: string, metric: string, hoursAfter: number, value: number): HourCount => ({
  variant,
  metric,
  hour: T0 + hoursAfter * H,
  value,
});

/** Two variants over the first three hours from T0, unless told. */
const seriesOf = (input: Pick<SeriesInput, 'metric' | 'hours'> & Partial<SeriesInput>) =>
  metricSeriesOf({ variants: [{ key: 'A' }, { key: 'B' }], sent: {}, from: T0, until: T0 + 2 * H, ...input });

test('a rate is successes over trials, capped at the trials, and null with nothing to be out of', () => {
  expect(rateOf(3, 10)).toBe(0.3);
  expect(rateOf(12, 10)).toBe(1);
  expect(rateOf(0, 0)).toBeNull();
});

test('click rates accumulate hour by hour over each variant’s recipients, from the send’s hour to the window’s end', () => {
  const series = seriesOf({
    metric: 'click',
    hours: [
      count('A', 'unique_click_human', 0, 2),
      count('B', 'unique_click_human', 0, 1),
      count('B', 'unique_click_human', 2, 5),
      // Not this metric's counter, another variant's, and an hour after the window: none counts.
      count('A', 'unique_open_human', 1, 50),
      count('', 'unique_click_human', 1, 50),
      count('A', 'unique_click_human', 4, 50),
    ],
    sent: { A: 20, B: 10 },
    from: T0 + 10 * 60_000,
    until: T0 + 3 * H + 5 * 60_000,
  });
  expect(series).toEqual({
    metric: 'click',
    from: iso(T0 + 10 * 60_000),
    until: iso(T0 + 3 * H + 5 * 60_000),
    variants: [
      { key: 'A', trials: 20, successes: 2 },
      { key: 'B', trials: 10, successes: 6 },
    ],
    points: [
      { at: iso(T0), rates: { A: 0.1, B: 0.1 } },
      { at: iso(T0 + H), rates: { A: 0.1, B: 0.1 } },
      { at: iso(T0 + 2 * H), rates: { A: 0.1, B: 0.6 } },
      { at: iso(T0 + 3 * H), rates: { A: 0.1, B: 0.6 } },
    ],
  });
});

test('click-to-open is clicks over the openers so far, null before anyone opened, clicks capped at the openers', () => {
  const series = seriesOf({
    metric: 'click-to-open',
    hours: [
      count('A', 'unique_open_human', 1, 4),
      count('A', 'unique_click_human', 1, 1),
      count('A', 'unique_open_human', 2, 4),
      count('A', 'unique_click_human', 2, 3),
      // A click whose open the mail client hid: more clickers than openers.
      count('B', 'unique_open_human', 2, 1),
      count('B', 'unique_click_human', 2, 2),
    ],
  });
  expect(series.points.map((p) => p.rates)).toEqual([
    { A: null, B: null },
    { A: 0.25, B: null },
    { A: 0.5, B: 1 },
  ]);
  expect(series.variants).toEqual([
    { key: 'A', trials: 8, successes: 4 },
    { key: 'B', trials: 1, successes: 1 },
  ]);
});

test('a send-time variant has no rate before the hour it goes out', () => {
  const series = seriesOf({
    metric: 'open',
    variants: [{ key: 'A' }, { key: 'B', sendAt: new Date(T0 + 2 * H + 30 * 60_000).toISOString() }],
    hours: [count('A', 'unique_open_human', 0, 1), count('B', 'unique_open_human', 2, 2)],
    sent: { A: 4, B: 4 },
  });
  expect(series.points.map((p) => p.rates)).toEqual([
    { A: 0.25, B: null },
    { A: 0.25, B: null },
    { A: 0.25, B: 0.5 },
  ]);
});

test('hourly points for the first week, then one a day, and always the last hour', () => {
  const first = Date.UTC(2026, 0, 1, 5);
  const hours = pointHours(first, first + 10 * 24 * H + 7 * H);
  expect(hours.slice(0, 3)).toEqual([first, first + H, first + 2 * H]);
  const afterWeek = hours.filter((h) => h - first >= 7 * 24 * H);
  expect(afterWeek.map(iso)).toEqual([
    '2026-01-09T00:00:00.000Z',
    '2026-01-10T00:00:00.000Z',
    '2026-01-11T00:00:00.000Z',
    '2026-01-11T12:00:00.000Z',
  ]);
  // Hourly through the first week: 7 × 24 points.
  expect(hours.length).toBe(7 * 24 + afterWeek.length);
});

test('nothing sent yet: a single point with no rates, and the window is never negative', () => {
  const series = seriesOf({ metric: 'reply', hours: [], until: T0 - H });
  expect(series.points).toEqual([{ at: iso(T0), rates: { A: null, B: null } }]);
  expect(series.until).toBe(iso(T0));
});
