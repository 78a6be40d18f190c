import { assignVariant, uniformOf } from '../assignment';
import { jStat } from './jstat';

const CONTACTS = 100_000;
const SECRET = 'experiment-secret-for-tests';

/** The chi-square goodness-of-fit p-value of observed counts against expected ones. */
const chiSquarePValue = (observed: number[], expected: number[]) => {
  const statistic = observed.reduce((sum, o, i) => sum + (o - expected[i]) ** 2 / expected[i], 0);
  return 1 - jStat.chisquare.cdf(statistic, observed.length - 1);
};

const countVariants = (variants: string[], options: { testShare?: number; weights?: number[]; experimentId?: string } = {}) => {
  const counts = new Map(variants.map((v) => [v, 0]));
  let inTest = 0;
  let outsideWithVariant = 0;
  for (let contactId = 1; contactId <= CONTACTS; contactId += 1) {
    const assigned = assignVariant({
      secret: SECRET,
      experimentId: options.experimentId ?? 'exp-balance',
      contactId,
      variants,
      testShare: options.testShare ?? 100,
      weights: options.weights,
    });
    if (!assigned.inTest) {
      if (assigned.variant !== null) outsideWithVariant += 1;
      continue;
    }
    inTest += 1;
    counts.set(assigned.variant!, counts.get(assigned.variant!)! + 1);
  }
  return { counts: variants.map((v) => counts.get(v)!), inTest, outsideWithVariant };
};

describe('uniformOf', () => {
  it('is stable, in [0, 1), and keyed by the secret', () => {
    const value = uniformOf('s', 'exp', 42);
    expect(value).toBe(uniformOf('s', 'exp', 42));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
    expect(uniformOf('other', 'exp', 42)).not.toBe(value);
  });

  it('tells parts apart by their boundaries, and reads a numeric id like its text', () => {
    expect(uniformOf('s', 'ab', 'c')).not.toBe(uniformOf('s', 'a', 'bc'));
    expect(uniformOf('s', 'exp', 42)).toBe(uniformOf('s', 'exp', '42'));
  });
});

describe('assignVariant', () => {
  it('gives the same contact the same answer every time', () => {
    const input = { secret: SECRET, experimentId: 'exp-1', contactId: 7, variants: ['A', 'B', 'C'], testShare: 40 };
    const first = assignVariant(input);
    for (let i = 0; i < 5; i += 1) expect(assignVariant({ ...input })).toEqual(first);
  });

  it('assigns differently under another secret or another experiment', () => {
    const variants = ['A', 'B'];
    let secretDiffers = 0;
    let experimentDiffers = 0;
    for (let contactId = 1; contactId <= 1000; contactId += 1) {
      const base = assignVariant({ secret: SECRET, experimentId: 'exp-1', contactId, variants, testShare: 100 });
      if (assignVariant({ secret: 'another', experimentId: 'exp-1', contactId, variants, testShare: 100 }).variant !== base.variant)
        secretDiffers += 1;
      if (assignVariant({ secret: SECRET, experimentId: 'exp-2', contactId, variants, testShare: 100 }).variant !== base.variant)
        experimentDiffers += 1;
    }
    // Independent assignments disagree half the time: 500 ± 16.
    expect(secretDiffers).toBeGreaterThan(430);
    expect(secretDiffers).toBeLessThan(570);
    expect(experimentDiffers).toBeGreaterThan(430);
    expect(experimentDiffers).toBeLessThan(570);
  });

  it.each([2, 3, 8])('splits 100,000 contacts evenly between %i variants (chi-square p > 0.001)', (k) => {
    const variants = Array.from({ length: k }, (_, i) => `V${i}`);
    const { counts, inTest } = countVariants(variants);
    expect(inTest).toBe(CONTACTS);
    expect(
      chiSquarePValue(
        counts,
        counts.map(() => CONTACTS / k)
      )
    ).toBeGreaterThan(0.001);
  });

  it('follows the weights it is given', () => {
    const { counts } = countVariants(['A', 'B', 'C'], { weights: [3, 1, 0] });
    expect(counts[2]).toBe(0);
    expect(chiSquarePValue(counts.slice(0, 2), [0.75 * CONTACTS, 0.25 * CONTACTS])).toBeGreaterThan(0.001);
  });

  it.each([1, 10, 50])('puts %i% of the audience in the test, within 1 point, split evenly', (share) => {
    const { counts, inTest, outsideWithVariant } = countVariants(['A', 'B', 'C'], { testShare: share });
    expect(outsideWithVariant).toBe(0);
    expect(Math.abs(inTest / CONTACTS - share / 100)).toBeLessThan(0.01);
    expect(
      chiSquarePValue(
        counts,
        counts.map(() => inTest / 3)
      )
    ).toBeGreaterThan(0.001);
  });

  it('keeps each contact on its variant when the test share grows', () => {
    for (let contactId = 1; contactId <= 2000; contactId += 1) {
      const input = { secret: SECRET, experimentId: 'exp-grow', contactId, variants: ['A', 'B'] };
      const small = assignVariant({ ...input, testShare: 20 });
      const large = assignVariant({ ...input, testShare: 60 });
      if (small.inTest) expect(large).toEqual(small);
    }
  });

  it('refuses inputs it cannot assign from', () => {
    const input = { secret: SECRET, experimentId: 'e', contactId: 1, variants: ['A', 'B'], testShare: 50 };
    expect(() => assignVariant({ ...input, secret: '' })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, variants: [] })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, testShare: 0 })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, testShare: 101 })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, testShare: Number.NaN })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, weights: [1] })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, weights: [0, 0] })).toThrow(RangeError);
    expect(() => assignVariant({ ...input, weights: [1, -1] })).toThrow(RangeError);
  });
});
