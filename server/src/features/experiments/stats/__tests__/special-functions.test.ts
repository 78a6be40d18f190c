import { betaQuantile, logGamma, regularizedIncompleteBeta } from '../beta';
import { normalCdf, normalUpperTail } from '../normal';
import { jStat } from './jstat';

describe('the normal distribution', () => {
  it('matches jStat across the range, tails included', () => {
    for (let z = -8; z <= 8; z += 0.25) {
      expect(normalCdf(z)).toBeCloseTo(jStat.normal.cdf(z, 0, 1), 14);
    }
  });

  it('matches the published values', () => {
    // Abramowitz and Stegun, Table 26.1, and Φ(1.96) to 16 digits (also R's pnorm(1.96)).
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
  });

  it('keeps the digits of a far upper tail', () => {
    // 1 − Φ(10) = 7.61985302416047e-24 (scipy.stats.norm.sf(10), 1.17.1); 1 − normalCdf(10) would be 0.
    // Hart's continued fraction beyond 7.07 is good to a few parts in 10⁹ there.
    expect(normalUpperTail(10) / 7.61985302416047e-24).toBeCloseTo(1, 8);
  });
});

describe('the Beta distribution', () => {
  it('log-gamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });

  it('the incomplete beta matches jStat for moderate shapes', () => {
    for (const [a, b] of [
      [1, 1],
      [2.5, 7],
      [31, 971],
      [12, 3],
    ]) {
      for (const x of [0.001, 0.02, 0.05, 0.3, 0.5, 0.8, 0.99]) {
        expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(jStat.ibeta(x, a, b), 8);
      }
    }
  });

  it('the incomplete beta is exact to 1e-9 for the shapes of a million recipients', () => {
    // scipy.special.betainc 1.17.1 (jStat's 100-term continued fraction does not reach these).
    expect(regularizedIncompleteBeta(0.031, 3001, 97001)).toBeCloseTo(0.9658223025197967, 9);
    expect(regularizedIncompleteBeta(0.301, 30001, 70001)).toBeCloseTo(0.7542088882072341, 9);
  });

  it('the quantile inverts the incomplete beta', () => {
    expect(betaQuantile(0.975, 31, 971)).toBeCloseTo(jStat.beta.inv(0.975, 31, 971), 9);
    // scipy.stats.beta.ppf 1.17.1.
    expect(betaQuantile(0.025, 3001, 97001)).toBeCloseTo(0.028960897124333362, 10);
    expect(betaQuantile(0.975, 3001, 97001)).toBeCloseTo(0.031075707884523223, 10);
    expect(betaQuantile(0, 3, 4)).toBe(0);
    expect(betaQuantile(1, 3, 4)).toBe(1);
  });

  it('refuses shapes and probabilities outside their domain', () => {
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => betaQuantile(1.5, 2, 2)).toThrow(RangeError);
  });
});
