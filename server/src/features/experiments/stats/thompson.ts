import { posteriorOf, probabilityBest } from './bayesian';
import { checkTally, proportionOf } from './metrics';
import type { ExperimentMetric, VariantTally } from './types';

export const DEFAULT_THOMPSON_FLOOR = 0.05;

/**
 * Thompson sampling's traffic shares for the next batch: each variant's posterior probability of
 * being best, so the better variant gets more sends as results come in. Each variant keeps at least
 * `floor` of the traffic (the rest is split by those probabilities), so an early unlucky streak
 * cannot starve a variant of the data that would redeem it. Shares sum to 1.
 */
export const thompsonShares = (
  tallies: readonly VariantTally[],
  metric: ExperimentMetric,
  options: { draws?: number; seed?: number; floor?: number } = {}
): Record<string, number> => {
  if (tallies.length === 0) throw new RangeError('thompsonShares needs at least one variant');
  tallies.forEach(checkTally);
  if (new Set(tallies.map((t) => t.key)).size !== tallies.length) throw new RangeError('variant keys must be unique');
  const floor = options.floor ?? DEFAULT_THOMPSON_FLOOR;
  if (!(floor >= 0 && floor * tallies.length <= 1)) {
    throw new RangeError(`floor must be between 0 and 1/${tallies.length} for ${tallies.length} variants, got ${floor}`);
  }
  const posteriors = tallies.map((t) => posteriorOf(proportionOf(t, metric)));
  const { probabilityBest: best } = probabilityBest(posteriors, options);
  const free = 1 - floor * tallies.length;
  return Object.fromEntries(tallies.map((t, i) => [t.key, floor + free * best[i]]));
};
