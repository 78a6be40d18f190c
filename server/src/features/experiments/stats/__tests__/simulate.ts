import { logGamma } from '../beta';
import type { Random } from '../random';
import type { VariantTally } from '../types';

// Math's functions held in module scope: under jest's vm context every `Math.x` in a hot loop is a slow global lookup.
const { exp, log, log1p, floor } = Math;

/**
 * An exact Binomial(n, p) draw by inversion from the mode: one uniform, then the probabilities of
 * mode − 1, mode + 1, mode − 2, ... (each from its neighbour by the pmf's ratio) are taken from it
 * until it is used up, so a draw costs about two standard deviations of steps, not n.
 */
export const binomial = (random: Random, n: number, p: number): number => {
  if (p <= 0) return 0;
  if (p >= 1) return n;
  const mode = floor((n + 1) * p);
  const odds = p / (1 - p);
  const atMode = exp(logGamma(n + 1) - logGamma(mode + 1) - logGamma(n - mode + 1) + mode * log(p) + (n - mode) * log1p(-p));
  let u = random.uniform() - atMode;
  let low = mode;
  let high = mode;
  let pLow = atMode;
  let pHigh = atMode;
  while (u >= 0 && (low > 0 || high < n)) {
    if (low > 0) {
      pLow *= low / ((n - low + 1) * odds);
      low -= 1;
      u -= pLow;
      if (u < 0) return low;
    }
    if (high < n) {
      pHigh *= ((n - high) / (high + 1)) * odds;
      high += 1;
      u -= pHigh;
      if (u < 0) return high;
    }
  }
  // Only rounding can leave u unspent once every value is counted: the mode is then as good as any.
  return mode;
};

export interface TrueRates {
  open: number;
  click: number;
  unsubscribe: number;
  complaint?: number;
}

/** One variant's counters after `sent` messages with these true rates. */
export const simulateTally = (random: Random, key: string, sent: number, rates: TrueRates): VariantTally => {
  const opens = binomial(random, sent, rates.open);
  return {
    key,
    sent,
    opens,
    clicks: binomial(random, sent, rates.click),
    replies: 0,
    unsubscribes: binomial(random, sent, rates.unsubscribe),
    complaints: binomial(random, sent, rates.complaint ?? 0),
  };
};

export const tally = (key: string, counts: Partial<Omit<VariantTally, 'key'>>): VariantTally => ({
  key,
  sent: 0,
  opens: 0,
  clicks: 0,
  replies: 0,
  unsubscribes: 0,
  complaints: 0,
  ...counts,
});
