import { greaterPValue, holm, twoProportionTest, wilsonInterval } from '../frequentist';
import { jStat } from './jstat';

describe('twoProportionTest', () => {
  // The pooled two-proportion z-test is the 2×2 chi-square test without continuity correction
  // (chi² = z²): expected values from scipy.stats.chi2_contingency(table, correction=False), 1.17.1.
  it.each([
    [300, 10000, 360, 10000, 2.375013297637721, 0.01754831798120968],
    [120, 4000, 150, 4100, 1.650751033295959, 0.09878942249205486],
    [2100, 20000, 2000, 20000, -1.6485071799289588, 0.09924863855918918],
  ])('%i/%i against %i/%i gives z %f and p %f', (x1, n1, x2, n2, z, p) => {
    const result = twoProportionTest({ trials: n1, successes: x1 }, { trials: n2, successes: x2 });
    expect(result.z).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(p, 12);
    // And from jStat's chi-square distribution with one degree of freedom.
    expect(result.pValue).toBeCloseTo(1 - jStat.chisquare.cdf(z * z, 1), 9);
  });

  it('finds nothing where the samples cannot differ', () => {
    expect(twoProportionTest({ trials: 1500, successes: 45 }, { trials: 1500, successes: 45 })).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionTest({ trials: 0, successes: 0 }, { trials: 100, successes: 10 })).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionTest({ trials: 100, successes: 0 }, { trials: 100, successes: 0 })).toEqual({ z: 0, pValue: 1 });
  });

  it('gives the one-sided p-value of the higher side', () => {
    const a = { trials: 10000, successes: 300 };
    const b = { trials: 10000, successes: 360 };
    expect(greaterPValue(a, b)).toBeCloseTo(0.01754831798120968 / 2, 12);
    expect(greaterPValue(b, a)).toBeCloseTo(1 - 0.01754831798120968 / 2, 12);
  });

  it('refuses impossible counts', () => {
    expect(() => twoProportionTest({ trials: 10, successes: 11 }, { trials: 10, successes: 1 })).toThrow(RangeError);
    expect(() => twoProportionTest({ trials: -1, successes: 0 }, { trials: 10, successes: 1 })).toThrow(RangeError);
  });
});

describe('holm', () => {
  it('adjusts the worked example of Holm–Bonferroni (Wikipedia, "Holm–Bonferroni method")', () => {
    // p = 0.01, 0.04, 0.03, 0.005 at α = 0.05: H4 and H1 are rejected, H3 and H2 are not.
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 15));
    expect(adjusted.map((p) => p <= 0.05)).toEqual([true, false, false, true]);
  });

  it('caps at 1, keeps one value as it is, and accepts none', () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
    expect(holm([0.03])).toEqual([0.03]);
    expect(holm([])).toEqual([]);
  });

  it('refuses what is not a p-value', () => {
    expect(() => holm([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => holm([1.2])).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  it('matches the published example (Newcombe 1998, Statistics in Medicine 17:857, 81/263)', () => {
    const [low, high] = wilsonInterval({ trials: 263, successes: 81 });
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
  });

  it('stays within [0, 1] at the edges', () => {
    expect(wilsonInterval({ trials: 0, successes: 0 })).toEqual([0, 1]);
    const [low, high] = wilsonInterval({ trials: 50, successes: 0 });
    expect(low).toBe(0);
    // scipy.stats.binomtest(0, 50).proportion_ci(method="wilson"), 1.17.1.
    expect(high).toBeCloseTo(0.07134759913335872, 12);
  });
});
