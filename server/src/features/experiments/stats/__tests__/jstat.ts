/**
 * jStat (a devDependency, never loaded by the plugin) as the independent reference for the
 * statistics: typed here because it ships no types. Its incomplete beta stops after 100 terms of
 * its continued fraction (about 1e-9 for moderate shapes), so tests that lean on it keep the shapes
 * moderate and their tolerances to match.
 */
interface JStat {
  normal: { cdf(x: number, mean: number, sd: number): number };
  beta: { pdf(x: number, a: number, b: number): number; inv(p: number, a: number, b: number): number };
  chisquare: { cdf(x: number, dof: number): number };
  ibeta(x: number, a: number, b: number): number;
}

export const { jStat } = require('jstat') as { jStat: JStat };

/** P(X_b > X_a) by Simpson's rule over [0, 1] of f_a(x)·(1 − I_x(b)), with jStat's density and incomplete beta. */
export const jstatProbabilityExceeds = (
  b: { alpha: number; beta: number },
  a: { alpha: number; beta: number },
  intervals = 20_000
): number => {
  const h = 1 / intervals;
  const f = (x: number) => jStat.beta.pdf(x, a.alpha, a.beta) * (1 - jStat.ibeta(x, b.alpha, b.beta));
  let sum = f(0) + f(1);
  for (let i = 1; i < intervals; i += 1) sum += (i % 2 === 0 ? 2 : 4) * f(i * h);
  return (sum * h) / 3;
};
