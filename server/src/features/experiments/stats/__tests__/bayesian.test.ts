import { credibleInterval, posteriorOf, probabilityBest } from '../bayesian';
import { jStat, jstatProbabilityExceeds } from './jstat';

describe('probabilityBest', () => {
  it('is exact for two variants: against jStat integrated numerically', () => {
    const cases = [
      [
        { alpha: 21, beta: 981 },
        { alpha: 31, beta: 971 },
      ],
      [
        { alpha: 1, beta: 1 },
        { alpha: 3, beta: 2 },
      ],
      [
        { alpha: 120, beta: 380 },
        { alpha: 110.5, beta: 390 },
      ],
    ];
    for (const [a, b] of cases) {
      const { probabilityBest: best } = probabilityBest([a, b]);
      expect(best[1]).toBeCloseTo(jstatProbabilityExceeds(b, a), 7);
      expect(best[0] + best[1]).toBeCloseTo(1, 12);
    }
  });

  it('is exact for two variants with the counts of a large send', () => {
    // scipy.integrate.quad of beta.pdf(a)·beta.sf(b), scipy 1.17.1: 3,000 clicks of 100,000 against 3,200.
    const { probabilityBest: best, expectedLoss } = probabilityBest([
      { alpha: 3001, beta: 97001 },
      { alpha: 3201, beta: 96801 },
    ]);
    expect(best[1]).toBeCloseTo(0.9950641978035327, 10);
    // E[(X_b − X_a)⁺] and E[(X_a − X_b)⁺] by the same quadrature.
    expect(expectedLoss[0]).toBeCloseTo(0.002001168190682843, 11);
    expect(expectedLoss[1] / 1.208189882928081e-6).toBeCloseTo(1, 6);

    const opens = probabilityBest([
      { alpha: 30001, beta: 70001 },
      { alpha: 30301, beta: 69701 },
    ]).probabilityBest;
    expect(opens[1]).toBeCloseTo(0.928096826406025, 9);
  });

  it('gives equal posteriors an even chance and no difference in loss', () => {
    const { probabilityBest: best, expectedLoss } = probabilityBest([
      { alpha: 51, beta: 951 },
      { alpha: 51, beta: 951 },
    ]);
    expect(best[0]).toBeCloseTo(0.5, 10);
    expect(expectedLoss[0]).toBeCloseTo(expectedLoss[1], 12);
  });

  it('by Monte Carlo agrees with the exact pair when a third variant cannot win', () => {
    const pair = [
      { alpha: 201, beta: 9801 },
      { alpha: 231, beta: 9771 },
    ];
    const exact = probabilityBest(pair);
    const simulated = probabilityBest([...pair, { alpha: 1, beta: 1e6 }], { draws: 100_000, seed: 3 });
    // Three standard errors of a proportion near 0.93 over 100,000 draws.
    expect(Math.abs(simulated.probabilityBest[1] - exact.probabilityBest[1])).toBeLessThan(0.0025);
    expect(simulated.probabilityBest[2]).toBe(0);
    expect(simulated.expectedLoss[0]).toBeCloseTo(exact.expectedLoss[0], 4);
  });

  it('by Monte Carlo gives the same figures for the same seed, and sums to 1', () => {
    const posteriors = [
      { alpha: 31, beta: 971 },
      { alpha: 35, beta: 967 },
      { alpha: 40, beta: 962 },
    ];
    const first = probabilityBest(posteriors, { seed: 42 });
    expect(probabilityBest(posteriors, { seed: 42 })).toEqual(first);
    expect(probabilityBest(posteriors, { seed: 43 })).not.toEqual(first);
    expect(first.probabilityBest.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(first.probabilityBest[2]).toBeGreaterThan(first.probabilityBest[1]);
  });

  it('refuses what is not a posterior', () => {
    expect(() => probabilityBest([])).toThrow(RangeError);
    expect(() => probabilityBest([{ alpha: 0, beta: 1 }])).toThrow(RangeError);
    expect(() => probabilityBest([{ alpha: 1, beta: Number.NaN }])).toThrow(RangeError);
    expect(() => probabilityBest([{ alpha: 1, beta: 1 }], { draws: 0 })).toThrow(RangeError);
    expect(probabilityBest([{ alpha: 4, beta: 2 }])).toEqual({ probabilityBest: [1], expectedLoss: [0] });
  });
});

describe('the posterior', () => {
  it('is Beta(1 + successes, 1 + failures), and its interval holds 95% of it', () => {
    const posterior = posteriorOf({ trials: 1000, successes: 30 });
    expect(posterior).toEqual({ alpha: 31, beta: 971 });
    const [low, high] = credibleInterval(posterior);
    expect(low).toBeCloseTo(jStat.beta.inv(0.025, 31, 971), 9);
    expect(high).toBeCloseTo(jStat.beta.inv(0.975, 31, 971), 9);
  });
});
