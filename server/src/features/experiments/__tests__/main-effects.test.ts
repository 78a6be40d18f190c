import type { Variant } from '../../../../../shared/contracts/experiments';
import { cellsOf } from '../../../../../shared/factorial-cells';
import { mainEffectsInWords } from '../decision-words';
import { mainEffectsOf } from '../main-effects';
import { mainEffects, type VariantTally } from '../stats';

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

test("significance follows the confidence the test asks of a winner, on p-values adjusted for the test's comparisons", () => {
  const weak = [tally('A', 200, 60, 10), tally('B', 200, 60, 10), tally('C', 200, 60, 15), tally('D', 200, 60, 15)];
  const raw = mainEffects(
    cells.map((cell, i) => ({ levels: cell.cell as Record<string, string>, trials: 200, successes: weak[i].clicks }))
  );
  const rawLong = raw.find((e) => e.level === 'Long')!.pValue!;
  const long = (p: number) => mainEffectsOf(cells, weak, 'click', p)!.find((e) => e.level === 'Long')!;
  // Two factors of two levels: two comparisons, the subject's the smaller p, so Holm doubles it.
  expect(rawLong).toBeGreaterThan(0.1);
  expect(rawLong).toBeLessThan(0.2);
  expect(long(0.95).pValue).toBeCloseTo(2 * rawLong, 12);
  expect(long(0.6).significant).toBe(true);
  expect(long(0.8).significant).toBe(false);
});

test('a factor of two levels is one comparison (both levels share its p), one of three levels is three', () => {
  const three = cellsOf([
    { field: 'subject', levels: ['S', 'M', 'L'].map((name) => ({ name, value: name })) },
    { field: 'fromName', levels: ['X', 'Y'].map((name) => ({ name, value: name })) },
  ]);
  const clicks = [10, 11, 14, 15, 30, 29];
  const effects = mainEffectsOf(
    three,
    three.map((cell, i) => tally(cell.key, 1000, 300, clicks[i])),
    'click',
    0.95
  )!;
  const raw = mainEffects(three.map((cell, i) => ({ levels: cell.cell as Record<string, string>, trials: 1000, successes: clicks[i] })));
  const rawOf = (level: string) => raw.find((e) => e.level === level)!.pValue!;
  const [x, y] = effects.filter((e) => e.factor === 'fromName');
  expect(x.pValue).toBe(y.pValue);
  // Four comparisons: the smallest raw p (L against S and M) is multiplied by four.
  expect(Math.min(...['S', 'M', 'L', 'X'].map(rawOf))).toBe(rawOf('L'));
  expect(effects.find((e) => e.level === 'L')!.pValue).toBeCloseTo(Math.min(1, 4 * rawOf('L')), 12);
  expect(effects.find((e) => e.level === 'L')!.significant).toBe(true);
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
  expect(mainEffectsInWords(effects, 'click')).toMatch(/^Subject “Long” raises clicks by 1\.50 points \(adjusted p = [0-9.e-]+\)$/);
  expect(
    mainEffectsInWords(
      effects.map((e) => ({ ...e, significant: false })),
      'open'
    )
  ).toBe('');
});
