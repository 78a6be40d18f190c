import type { Variant } from '../../../../../shared/contracts/experiments';
import { cellsOf } from '../../../../../shared/factorial-cells';
import { mainEffectsInWords } from '../decision-words';
import { mainEffectsOf } from '../main-effects';
import type { VariantTally } from '../stats';

// 2 subjects × 2 from names: the long subject doubles clicks whatever the sender.
const cells = cellsOf([
  {
    field: 'subject',
    levels: [
      { name: 'Short', value: 'Sale' },
      { name: 'Long', value: 'Our spring sale starts now' },
    ],
  },
  {
    field: 'fromName',
    levels: [
      { name: 'Brand', value: 'Shop' },
      { name: 'Person', value: 'Ann at Shop' },
    ],
  },
]);
const tally = (key: string, sent: number, opens: number, clicks: number): VariantTally => ({
  key,
  sent,
  opens,
  clicks,
  replies: 0,
  unsubscribes: 0,
  complaints: 0,
});
const tallies = [tally('A', 1000, 300, 30), tally('B', 1000, 300, 31), tally('C', 1000, 300, 60), tally('D', 1000, 300, 61)];

test("each level of each factor, in the factors' order, with its rate, effect, p-value and its cells summed", () => {
  const effects = mainEffectsOf(cells, tallies, 'click', 0.95)!;
  expect(effects.map((e) => [e.factor, e.level])).toEqual([
    ['subject', 'Short'],
    ['subject', 'Long'],
    ['fromName', 'Brand'],
    ['fromName', 'Person'],
  ]);
  const long = effects[1];
  expect(long.rate).toBeCloseTo(0.0605, 6);
  expect(long.effect).toBeCloseTo(0.015, 6);
  expect(long.pValue).toBeLessThan(0.001);
  expect(long).toMatchObject({ significant: true, trials: 2000, successes: 121 });
  expect(effects[3].significant).toBe(false);
  expect(effects[3].pValue).toBeGreaterThan(0.5);
});

test('the metric picks the counts: click-to-open is clicks out of opens', () => {
  const [short] = mainEffectsOf(cells, tallies, 'click-to-open', 0.95)!;
  expect(short).toMatchObject({ trials: 600, successes: 61 });
  expect(short.rate).toBeCloseTo((30 / 300 + 31 / 300) / 2, 9);
});

test('significance follows the confidence the test asks of a winner', () => {
  const weak = [tally('A', 200, 60, 10), tally('B', 200, 60, 10), tally('C', 200, 60, 15), tally('D', 200, 60, 15)];
  const long = (p: number) => mainEffectsOf(cells, weak, 'click', p)!.find((e) => e.level === 'Long')!;
  expect(long(0.8).pValue).toBeGreaterThan(0.05);
  expect(long(0.8).pValue).toBeLessThan(0.2);
  expect(long(0.8).significant).toBe(true);
  expect(long(0.95).significant).toBe(false);
});

test('cells without a tally count nothing yet, and an A/B test has no main effects', () => {
  const none = mainEffectsOf(cells, [], 'click', 0.95)!;
  expect(none.every((e) => e.trials === 0 && e.pValue === null && !e.significant)).toBe(true);
  const ab: Variant[] = [
    { key: 'A', name: 'Control' },
    { key: 'B', name: 'Other', subject: 'Other' },
  ];
  expect(mainEffectsOf(ab, tallies, 'click', 0.95)).toBeNull();
});

test('the reason names each significant level that raises the metric, and nothing when none does', () => {
  const effects = mainEffectsOf(cells, tallies, 'click', 0.95)!;
  expect(mainEffectsInWords(effects, 'click')).toMatch(/^Subject “Long” raises clicks by 1\.50 points \(p = [0-9.e-]+\)$/);
  expect(
    mainEffectsInWords(
      effects.map((e) => ({ ...e, significant: false })),
      'open'
    )
  ).toBe('');
});
