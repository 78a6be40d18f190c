/**
 * The experiments' statistics: pure functions with no Strapi, database or Redis, so the decision
 * can be unit-tested, benchmarked and re-run from recorded counters.
 */
export { assignVariant, assignWave, uniformOf, type AssignmentInput } from './assignment';
export { credibleInterval, posteriorOf, probabilityBest, type BetaPosterior } from './bayesian';
export { betaCdf, betaQuantile, logBeta, logGamma, regularizedIncompleteBeta } from './beta';
export { decide, DEFAULT_ALPHA, DEFAULT_MAX_EXPECTED_LOSS, DEFAULT_PROBABILITY_TO_WIN } from './decide';
export { mainEffects, type FactorialCell, type MainEffect } from './factorial';
export { greaterPValue, holm, twoProportionTest, wilsonInterval } from './frequentist';
export { DEFAULT_GUARDRAIL_ALPHA, guardrailsOf } from './guardrails';
export { proportionOf } from './metrics';
export { normalCdf, normalUpperTail } from './normal';
export { createRandom, mulberry32, type Random } from './random';
export { DEFAULT_THOMPSON_FLOOR, thompsonShares } from './thompson';
export * from './types';
