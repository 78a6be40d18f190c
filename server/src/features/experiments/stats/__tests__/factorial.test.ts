import { mainEffects, type FactorialCell } from '../factorial';
import { createRandom } from '../random';
import { binomial } from './simulate';

const LEVELS = { subject: ['s1', 's2'], content: ['c1', 'c2'], sendTime: ['morning', 'evening'] } as const;
// Planted: the second subject adds 2 points, the second content takes away 1, the send time nothing.
const PLANTED = { subject: 0.02, content: -0.01, sendTime: 0 };
const BASE = 0.1;

const design = (trialsOf: (index: number) => number, seed: number): FactorialCell[] => {
  const random = createRandom(seed);
  const cells: FactorialCell[] = [];
  for (const subject of LEVELS.subject)
    for (const content of LEVELS.content)
      for (const sendTime of LEVELS.sendTime) {
        const rate =
          BASE +
          (subject === 's2' ? PLANTED.subject : 0) +
          (content === 'c2' ? PLANTED.content : 0) +
          (sendTime === 'evening' ? PLANTED.sendTime : 0);
        const trials = trialsOf(cells.length);
        cells.push({ levels: { subject, content, sendTime }, trials, successes: binomial(random, trials, rate) });
      }
  return cells;
};

const effectOf = (effects: ReturnType<typeof mainEffects>, factor: string, level: string) =>
  effects.find((e) => e.factor === factor && e.level === level)!;

describe('mainEffects', () => {
  it('recovers the planted effects of a 2×2×2 design', () => {
    const effects = mainEffects(design(() => 20_000, 11));
    expect(effects).toHaveLength(6);
    // Each level's effect is ± half the planted difference; its standard error here is about 0.0011.
    expect(effectOf(effects, 'subject', 's2').effect).toBeCloseTo(PLANTED.subject / 2, 2);
    expect(effectOf(effects, 'subject', 's1').effect).toBeCloseTo(-PLANTED.subject / 2, 2);
    expect(effectOf(effects, 'content', 'c2').effect).toBeCloseTo(PLANTED.content / 2, 2);
    expect(Math.abs(effectOf(effects, 'sendTime', 'evening').effect)).toBeLessThan(0.004);
    expect(effectOf(effects, 'subject', 's2').pValue).toBeLessThan(1e-6);
    expect(effectOf(effects, 'content', 'c1').pValue).toBeLessThan(1e-6);
    expect(effectOf(effects, 'sendTime', 'morning').pValue).toBeGreaterThan(0.001);
    expect(effectOf(effects, 'subject', 's1').rate).toBeCloseTo(BASE + PLANTED.content / 2, 2);
  });

  it('keeps one factor out of another when the cells got unequal traffic', () => {
    // The s2·c1 cells get five times the traffic: pooling the counts would lift c1 with s2's effect.
    const heavy = new Set([4, 5]);
    const effects = mainEffects(design((i) => (heavy.has(i) ? 100_000 : 20_000), 12));
    expect(effectOf(effects, 'content', 'c2').effect).toBeCloseTo(PLANTED.content / 2, 2);
    expect(effectOf(effects, 'subject', 's2').effect).toBeCloseTo(PLANTED.subject / 2, 2);
  });

  it('gives no p-value to a factor with one level or a design without successes', () => {
    const effects = mainEffects([
      { levels: { subject: 'a', layout: 'x' }, trials: 100, successes: 0 },
      { levels: { subject: 'b', layout: 'x' }, trials: 100, successes: 0 },
    ]);
    expect(effects.map((e) => e.pValue)).toEqual([null, null, null]);
    expect(effects.map((e) => e.effect)).toEqual([0, 0, 0]);
  });

  it('refuses cells that do not name the same factors, or impossible counts', () => {
    expect(() => mainEffects([])).toThrow(RangeError);
    expect(() => mainEffects([{ levels: {}, trials: 1, successes: 0 }])).toThrow(RangeError);
    expect(() =>
      mainEffects([
        { levels: { subject: 'a' }, trials: 10, successes: 1 },
        { levels: { content: 'b' }, trials: 10, successes: 1 },
      ])
    ).toThrow(/same factors/);
    expect(() => mainEffects([{ levels: { subject: 'a' }, trials: 10, successes: 11 }])).toThrow(RangeError);
  });
});
