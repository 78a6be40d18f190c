import { betaQuantile, logBeta } from './beta';
import { createRandom, DEFAULT_SEED } from './random';
import type { Proportion } from './types';

// Math's functions held in module scope: under jest's vm context every `Math.x` in a hot loop is a slow global lookup.
const { log, exp, min, max } = Math;

export interface BetaPosterior {
  alpha: number;
  beta: number;
}

export const DEFAULT_DRAWS = 20_000;

const NEGLIGIBLE = 1e-18;

/** Beta(1 + successes, 1 + failures): the posterior of a rate under a uniform prior. */
export const posteriorOf = ({ trials, successes }: Proportion): BetaPosterior => ({
  alpha: 1 + successes,
  beta: 1 + trials - successes,
});

/** The central 95% credible interval of a posterior. */
export const credibleInterval = ({ alpha, beta }: BetaPosterior): [number, number] => [
  betaQuantile(0.025, alpha, beta),
  betaQuantile(0.975, alpha, beta),
];

/**
 * P(X_b > X_a) for independent Beta variables, exactly, when b's alpha is a whole number: the sum
 * over i < alpha_b of Evan Miller's "Formulas for Bayesian A/B testing" (2015). Its terms form a
 * unimodal sequence (each is the previous times r(i), and r(i) − 1 changes sign at most once), so
 * the sum starts at the largest term, found in closed form, and walks out both ways until the terms
 * no longer count: a few thousand steps even for a million recipients, each one multiplication.
 */
const exceedsBySum = (b: BetaPosterior, a: BetaPosterior): number => {
  const last = b.alpha - 1;
  const joint = a.alpha + a.beta + b.beta;
  const ratio = (i: number) => ((a.alpha + i) * (b.beta + i)) / ((joint + i) * (1 + i));
  const logTerm = (i: number) =>
    logBeta(a.alpha + i, a.beta + b.beta) - log(b.beta + i) - logBeta(1 + i, b.beta) - logBeta(a.alpha, a.beta);
  // r(i) ≥ 1 exactly while i ≤ (alpha_a·beta_b − joint) / (beta_a + 1).
  const rising = (a.alpha * b.beta - joint) / (a.beta + 1);
  const peak = min(last, rising < 0 ? 0 : Math.floor(rising) + 1);
  let sum = 1;
  let term = 1;
  for (let i = peak; i < last; i += 1) {
    term *= ratio(i);
    sum += term;
    if (term < NEGLIGIBLE * sum) break;
  }
  term = 1;
  for (let i = peak - 1; i >= 0; i -= 1) {
    term /= ratio(i);
    sum += term;
    if (term < NEGLIGIBLE * sum) break;
  }
  return min(1, max(0, exp(logTerm(peak)) * sum));
};

/** P(X_b > X_a), summing over the smaller of the two alphas that is a whole number (one must be). */
const exceeds = (b: BetaPosterior, a: BetaPosterior): number =>
  Number.isInteger(b.alpha) && (!Number.isInteger(a.alpha) || b.alpha <= a.alpha) ? exceedsBySum(b, a) : 1 - exceedsBySum(a, b);

/**
 * Two variants, exactly: P(best) is P(X_i > X_j), and the expected loss of choosing i,
 * E[max(X_i, X_j) − X_i] = E[(X_j − X_i)⁺], is (Chris Stucchio, "Bayesian A/B testing at VWO", 2015)
 * mean_j·P(X'_j > X_i) − mean_i·P(X_j > X'_i), where X' has one more success than X.
 */
const exactPair = (first: BetaPosterior, second: BetaPosterior) => {
  const secondBeats = exceeds(second, first);
  const plusOne = (p: BetaPosterior) => ({ alpha: p.alpha + 1, beta: p.beta });
  const mean = (p: BetaPosterior) => p.alpha / (p.alpha + p.beta);
  const lossOf = (chosen: BetaPosterior, other: BetaPosterior) =>
    max(0, mean(other) * exceeds(plusOne(other), chosen) - mean(chosen) * exceeds(other, plusOne(chosen)));
  return {
    probabilityBest: [1 - secondBeats, secondBeats],
    expectedLoss: [lossOf(first, second), lossOf(second, first)],
  };
};

const monteCarlo = (posteriors: readonly BetaPosterior[], draws: number, seed: number) => {
  const random = createRandom(seed);
  const count = posteriors.length;
  const wins = new Array<number>(count).fill(0);
  const losses = new Array<number>(count).fill(0);
  const sample = new Array<number>(count);
  for (let draw = 0; draw < draws; draw += 1) {
    let best = 0;
    for (let i = 0; i < count; i += 1) {
      sample[i] = random.beta(posteriors[i].alpha, posteriors[i].beta);
      if (sample[i] > sample[best]) best = i;
    }
    wins[best] += 1;
    for (let i = 0; i < count; i += 1) losses[i] += sample[best] - sample[i];
  }
  return { probabilityBest: wins.map((w) => w / draws), expectedLoss: losses.map((l) => l / draws) };
};

/**
 * Each variant's probability of having the highest rate, and the expected loss of choosing it (how
 * much rate one gives up, on average over the posteriors, if it is not the best). Exact for two
 * variants with whole-number alphas (posteriors of counts always have them); otherwise Monte Carlo
 * with a seeded generator, so the same posteriors always give the same figures.
 */
export const probabilityBest = (
  posteriors: ReadonlyArray<{ alpha: number; beta: number }>,
  options: { draws?: number; seed?: number } = {}
): { probabilityBest: number[]; expectedLoss: number[] } => {
  if (posteriors.length === 0) throw new RangeError('probabilityBest needs at least one posterior');
  for (const { alpha, beta } of posteriors) {
    if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) {
      throw new RangeError(`Beta posteriors need positive finite shapes, got alpha=${alpha}, beta=${beta}`);
    }
  }
  const draws = options.draws ?? DEFAULT_DRAWS;
  if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`draws must be a positive integer, got ${draws}`);
  if (posteriors.length === 1) return { probabilityBest: [1], expectedLoss: [0] };
  const [first, second] = posteriors;
  if (posteriors.length === 2 && (Number.isInteger(first.alpha) || Number.isInteger(second.alpha))) {
    return exactPair(first, second);
  }
  return monteCarlo(posteriors, draws, options.seed ?? DEFAULT_SEED);
};
