import { credibleInterval, DEFAULT_DRAWS, posteriorOf, probabilityBest } from './bayesian';
import { holm, twoProportionTest, wilsonInterval } from './frequentist';
import { DEFAULT_GUARDRAIL_ALPHA, guardrailsOf, isBreached } from './guardrails';
import { checkTally, proportionOf } from './metrics';
import { DEFAULT_SEED } from './random';
import { EXPERIMENT_METRICS, type Decision, type DecisionReason, type DecisionRule, type VariantFigures, type VariantTally } from './types';

export const DEFAULT_PROBABILITY_TO_WIN = 0.95;
export const DEFAULT_MAX_EXPECTED_LOSS = 0.001;
export const DEFAULT_ALPHA = 0.05;

const inOpenUnit = (value: number) => value > 0 && value < 1;

interface Settings {
  guardrailAlpha: number;
  alpha: number;
  probabilityToWin: number;
  maxExpectedLoss: number;
  draws: number;
  seed: number;
}

/** The rule with its defaults filled in (what a recorded decision keeps), refused when it cannot be applied. */
const resolveRule = (rule: DecisionRule): { resolved: DecisionRule; settings: Settings } => {
  if (rule.rule !== 'bayesian' && rule.rule !== 'frequentist') throw new RangeError(`unknown decision rule ${String(rule.rule)}`);
  if (!EXPERIMENT_METRICS.includes(rule.metric)) throw new RangeError(`unknown experiment metric ${String(rule.metric)}`);
  if (!Number.isSafeInteger(rule.minSamplePerVariant) || rule.minSamplePerVariant < 0) {
    throw new RangeError(`minSamplePerVariant must be a non-negative integer, got ${rule.minSamplePerVariant}`);
  }
  const settings: Settings = {
    guardrailAlpha: rule.guardrailAlpha ?? DEFAULT_GUARDRAIL_ALPHA,
    alpha: rule.alpha ?? DEFAULT_ALPHA,
    probabilityToWin: rule.probabilityToWin ?? DEFAULT_PROBABILITY_TO_WIN,
    maxExpectedLoss: rule.maxExpectedLoss ?? DEFAULT_MAX_EXPECTED_LOSS,
    draws: rule.draws ?? DEFAULT_DRAWS,
    seed: rule.seed ?? DEFAULT_SEED,
  };
  const { guardrailAlpha, alpha, probabilityToWin, maxExpectedLoss, draws, seed } = settings;
  if (!inOpenUnit(guardrailAlpha)) throw new RangeError(`guardrailAlpha must be in (0, 1), got ${guardrailAlpha}`);
  if (rule.rule === 'frequentist') {
    if (!inOpenUnit(alpha)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
    return { resolved: { ...rule, alpha, guardrailAlpha }, settings };
  }
  if (!inOpenUnit(probabilityToWin)) throw new RangeError(`probabilityToWin must be in (0, 1), got ${probabilityToWin}`);
  if (!(maxExpectedLoss >= 0 && maxExpectedLoss <= 1)) {
    throw new RangeError(`maxExpectedLoss must be in [0, 1], got ${maxExpectedLoss}`);
  }
  if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`draws must be a positive integer, got ${draws}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return { resolved: { ...rule, probabilityToWin, maxExpectedLoss, guardrailAlpha, draws, seed }, settings };
};

type Verdict = DecisionReason & { winner: string | null };

/** The first breached guardrail of a variant, as reason params. */
const breachOf = (figures: VariantFigures): Record<string, string | number> => {
  const [guardrail, values] = figures.guardrails.unsubscribe.breached
    ? (['unsubscribe', figures.guardrails.unsubscribe] as const)
    : (['complaint', figures.guardrails.complaint] as const);
  return { variant: figures.key, guardrail, rate: values.rate, controlRate: values.controlRate, pValue: values.pValue ?? 1 };
};

/** The index of the highest value, the first one on a tie. */
const argMax = (values: readonly number[]) => values.reduce((best, value, i) => (value > values[best] ? i : best), 0);

/**
 * Bayesian: a challenger wins when its probability of being best reaches the threshold, its
 * expected loss is small enough and no guardrail blocks it. The threshold is probabilityToWin
 * spread over the k variants, 1 − (1 − probabilityToWin)/k: with the plain threshold an A/A test of
 * two variants crowns one of them about 5% of the time and of k variants about k·5%, because every
 * variant gets its own chance to cross it by luck. Split this way, the chance that any variant
 * crosses it in an A/A test stays under 1 − probabilityToWin, the promise the setting makes.
 */
const decideBayesian = (
  variants: VariantFigures[],
  { probabilityToWin, maxExpectedLoss }: { probabilityToWin: number; maxExpectedLoss: number },
  controlIndex: number
): Verdict => {
  const threshold = 1 - (1 - probabilityToWin) / variants.length;
  const leader = argMax(variants.map((v) => v.probabilityBest ?? 0));
  const figures = variants[leader];
  const probability = figures.probabilityBest ?? 0;
  const expectedLoss = figures.expectedLoss ?? 0;
  if (leader === controlIndex) return { winner: null, code: 'control-leads', params: { variant: figures.key, probability, threshold } };
  if (probability < threshold)
    return { winner: null, code: 'not-probable-enough', params: { variant: figures.key, probability, threshold } };
  if (expectedLoss > maxExpectedLoss) {
    return { winner: null, code: 'loss-too-high', params: { variant: figures.key, probability, expectedLoss, maxExpectedLoss } };
  }
  if (!figures.eligible) return { winner: null, code: 'guardrail-breached', params: breachOf(figures) };
  return { winner: figures.key, code: 'probable-best', params: { variant: figures.key, probability, expectedLoss, threshold } };
};

/**
 * Frequentist: each challenger against the control, two-sided, Holm-adjusted over the challengers;
 * the winner is the highest rate among the challengers significantly above the control. When that
 * one is blocked by a guardrail, no other is crowned in its place: it is still the best on the
 * metric, so choosing among the rest is the editor's call (the Bayesian rule behaves the same way).
 */
const decideFrequentist = (variants: VariantFigures[], alpha: number, controlIndex: number): Verdict => {
  const control = variants[controlIndex];
  const lifted = variants.filter((v, i) => i !== controlIndex && v.rate > control.rate && (v.adjustedPValue ?? 1) <= alpha);
  if (lifted.length === 0) {
    const leader = variants[argMax(variants.map((v) => v.rate))];
    if (leader === control) return { winner: null, code: 'control-leads', params: { variant: control.key, rate: control.rate } };
    return {
      winner: null,
      code: 'no-significant-lift',
      params: { variant: leader.key, rate: leader.rate, controlRate: control.rate, adjustedPValue: leader.adjustedPValue ?? 1, alpha },
    };
  }
  const best = lifted[argMax(lifted.map((v) => v.rate))];
  if (!best.eligible) return { winner: null, code: 'guardrail-breached', params: breachOf(best) };
  return {
    winner: best.key,
    code: 'significant-lift',
    params: { variant: best.key, rate: best.rate, controlRate: control.rate, adjustedPValue: best.adjustedPValue ?? 1, alpha },
  };
};

/**
 * Decides an experiment from its variants' counters. Every variant needs at least
 * minSamplePerVariant trials of the metric (messages sent, or opens for click-to-open) before any
 * verdict; until then the outcome is 'not-enough-data'. A variant whose unsubscribe or complaint
 * rate is significantly worse than the control's is not eligible.
 *
 * The control is never declared the winner, under either rule: a test asks whether a challenger
 * beats the unchanged message, and "the control is best" is not what either rule measures (the
 * frequentist tests only look for a challenger's lift; a probable-best control only says no change
 * helped). It ends 'no-clear-winner' with the code 'control-leads', and the experiment's own
 * "without a clear winner" setting (send a default variant, usually the control, or wait for the
 * editor) decides what goes out.
 */
export const decide = (tallies: readonly VariantTally[], rule: DecisionRule): Decision => {
  const { resolved, settings } = resolveRule(rule);
  if (tallies.length < 2) throw new RangeError(`an experiment needs at least two variants, got ${tallies.length}`);
  tallies.forEach(checkTally);
  const keys = new Set(tallies.map((t) => t.key));
  if (keys.size !== tallies.length) throw new RangeError('variant keys must be unique');
  const controlIndex = tallies.findIndex((t) => t.key === resolved.control);
  if (controlIndex < 0) throw new RangeError(`the control ${resolved.control} is not among the variants`);

  const control = tallies[controlIndex];
  const proportions = tallies.map((t) => proportionOf(t, resolved.metric));
  const bayesian = resolved.rule === 'bayesian';
  const posteriors = proportions.map(posteriorOf);
  const best = bayesian ? probabilityBest(posteriors, settings) : null;
  const challengerTests = tallies.map((_, i) => (i === controlIndex ? null : twoProportionTest(proportions[controlIndex], proportions[i])));
  const adjusted = bayesian ? [] : holm(challengerTests.flatMap((test) => (test ? [test.pValue] : [])));

  let challenger = 0;
  const variants = tallies.map((tally, i): VariantFigures => {
    const { trials, successes } = proportions[i];
    const guardrails = guardrailsOf(tally, control, settings.guardrailAlpha);
    const test = challengerTests[i];
    return {
      key: tally.key,
      trials,
      successes,
      rate: trials === 0 ? 0 : successes / trials,
      interval: bayesian ? credibleInterval(posteriors[i]) : wilsonInterval(proportions[i]),
      probabilityBest: best ? best.probabilityBest[i] : null,
      expectedLoss: best ? best.expectedLoss[i] : null,
      pValueVsControl: bayesian || !test ? null : test.pValue,
      adjustedPValue: bayesian || !test ? null : adjusted[challenger++],
      guardrails,
      eligible: trials >= resolved.minSamplePerVariant && !isBreached(guardrails),
    };
  });

  const short = variants.filter((v) => v.trials < resolved.minSamplePerVariant);
  if (short.length > 0) {
    const fewest = short[argMax(short.map((v) => -v.trials))];
    return {
      outcome: 'not-enough-data',
      winner: null,
      reason: { code: 'below-minimum', params: { variant: fewest.key, trials: fewest.trials, minimum: resolved.minSamplePerVariant } },
      variants,
      rule: resolved,
    };
  }

  const { winner, code, params } = bayesian
    ? decideBayesian(variants, settings, controlIndex)
    : decideFrequentist(variants, settings.alpha, controlIndex);
  return { outcome: winner ? 'winner' : 'no-clear-winner', winner, reason: { code, params }, variants, rule: resolved };
};
