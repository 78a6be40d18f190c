import { normalLowerTail, normalUpperTail, Z_95 } from './normal';
import type { Proportion } from './types';

const checkProportion = ({ trials, successes }: Proportion) => {
  if (!(Number.isFinite(trials) && Number.isFinite(successes) && trials >= 0 && successes >= 0 && successes <= trials)) {
    throw new RangeError(`a proportion needs 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
  }
};

/**
 * The pooled two-proportion z statistic of b against a: positive when b's rate is higher. Zero when
 * either side has no trials or the pooled rate is 0 or 1, where the samples cannot tell the two apart.
 */
export const twoProportionZ = (a: Proportion, b: Proportion): number => {
  checkProportion(a);
  checkProportion(b);
  if (a.trials === 0 || b.trials === 0) return 0;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const variance = pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials);
  if (variance === 0) return 0;
  return (b.successes / b.trials - a.successes / a.trials) / Math.sqrt(variance);
};

/** The two-sided pooled two-proportion z-test of b against a (z > 0 when b's rate is higher). */
export const twoProportionTest = (a: Proportion, b: Proportion): { z: number; pValue: number } => {
  const z = twoProportionZ(a, b);
  return { z, pValue: Math.min(1, 2 * normalLowerTail(-Math.abs(z))) };
};

/** The one-sided p-value of "b's rate is higher than a's". */
export const greaterPValue = (a: Proportion, b: Proportion): number => normalUpperTail(twoProportionZ(a, b));

/**
 * Holm's step-down adjusted p-values (Holm 1979), in the order given: the i-th smallest is
 * multiplied by (m − i + 1), kept non-decreasing, and capped at 1. Rejecting where the adjusted
 * value is ≤ α controls the family-wise error at α.
 */
export const holm = (pValues: readonly number[]): number[] => {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must be in [0, 1], got ${p}`);
  }
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
};

/** The Wilson score interval at 95% (Wilson 1927): sensible near 0 and 1 and for small samples. */
export const wilsonInterval = ({ trials, successes }: Proportion): [number, number] => {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = Z_95 * Z_95;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const half = (Z_95 / scale) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
};
