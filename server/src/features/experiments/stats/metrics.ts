import type { ExperimentMetric, Proportion, VariantTally } from './types';

/**
 * The trials and successes a metric counts: opens, clicks and replies out of the messages sent;
 * click-to-open counts clicks out of opens. Successes are capped at the trials because a person
 * whose mail client blocked the open pixel can click without an open ever being recorded.
 */
export const proportionOf = (tally: VariantTally, metric: ExperimentMetric): Proportion => {
  const [trials, successes] =
    metric === 'open'
      ? [tally.sent, tally.opens]
      : metric === 'click'
        ? [tally.sent, tally.clicks]
        : metric === 'click-to-open'
          ? [tally.opens, tally.clicks]
          : [tally.sent, tally.replies];
  return { trials, successes: Math.min(successes, trials) };
};

const COUNTERS = ['sent', 'opens', 'clicks', 'replies', 'unsubscribes', 'complaints'] as const;

/** Refuses what no counter can hold: a negative, fractional or non-finite count, or an empty key. */
export const checkTally = (tally: VariantTally): void => {
  if (typeof tally.key !== 'string' || tally.key === '') throw new RangeError('a variant tally needs a non-empty key');
  for (const counter of COUNTERS) {
    const value = tally[counter];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`variant ${tally.key}: ${counter} must be a non-negative integer, got ${String(value)}`);
    }
  }
};
