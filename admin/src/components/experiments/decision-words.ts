import type { DecisionAction, DecisionFigures, DecisionReason, VariantFigures } from '../../../../shared/contracts/experiments';
import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';

export interface RuleFigures {
  outcome: 'winner' | 'no-clear-winner' | 'not-enough-data';
  winner: string | null;
  reason: DecisionReason;
  variants: VariantFigures[];
}

/** The rule's figures when a stored decision holds them in the shape the rule writes, else null (stored JSON is read, not trusted). */
export const ruleFiguresOf = (figures: DecisionFigures | null): RuleFigures | null => {
  const reason = figures?.reason as Partial<DecisionReason> | undefined;
  if (!figures || !Array.isArray(figures.variants) || typeof reason?.code !== 'string' || typeof reason.params !== 'object') return null;
  return figures as unknown as RuleFigures;
};

/** A rate as percentage points, rounded to two decimals (0.0312 → 3.12). */
export const points = (rate: unknown): number => Math.round(Number(rate) * 10_000) / 100;

/** A probability in percent: one decimal near certainty (99.7%, not a misleading 100%), whole otherwise. */
export const percent = (probability: unknown): number => {
  const p = Number(probability) * 100;
  return p > 99 && p < 100 ? Math.floor(p * 10) / 10 : Math.round(p);
};

/** A p-value with two significant digits. */
const pValue = (p: unknown): number => Number(Number(p).toPrecision(2));

/** The rule's reason in the admin's language; the numbers are formatted by the message's locale. */
export const reasonMessage = ({ code, params }: DecisionReason): PluginMessage => {
  const variant = String(params.variant ?? '');
  switch (code) {
    case 'probable-best':
      return pluginMessage(
        'experiments.reason.probable-best',
        '{variant} is best with {probability, number}% probability; expected loss {loss, number} points',
        { variant, probability: percent(params.probability), loss: points(params.expectedLoss) }
      );
    case 'significant-lift':
      return pluginMessage(
        'experiments.reason.significant-lift',
        '{variant} beats the control: {rate, number}% against {controlRate, number}% (adjusted p = {p, number})',
        { variant, rate: points(params.rate), controlRate: points(params.controlRate), p: pValue(params.adjustedPValue) }
      );
    case 'control-leads':
      return pluginMessage('experiments.reason.control-leads', 'No clear winner: the control {variant} leads and no variant beats it', {
        variant,
      });
    case 'not-probable-enough':
      return pluginMessage(
        'experiments.reason.not-probable-enough',
        'No clear winner: {variant} leads with {probability, number}% probability of being best, under the {threshold, number}% needed',
        { variant, probability: percent(params.probability), threshold: percent(params.threshold) }
      );
    case 'loss-too-high':
      return pluginMessage(
        'experiments.reason.loss-too-high',
        'No clear winner: {variant} leads, but choosing it could cost {loss, number} points, more than the {maxLoss, number} allowed',
        { variant, loss: points(params.expectedLoss), maxLoss: points(params.maxExpectedLoss) }
      );
    case 'no-significant-lift':
      return pluginMessage(
        'experiments.reason.no-significant-lift',
        'No clear winner: {variant} leads ({rate, number}% against {controlRate, number}%) but not significantly (adjusted p = {p, number})',
        { variant, rate: points(params.rate), controlRate: points(params.controlRate), p: pValue(params.adjustedPValue) }
      );
    case 'guardrail-breached':
      return pluginMessage(
        params.guardrail === 'complaint' ? 'experiments.reason.guardrail-complaint' : 'experiments.reason.guardrail-unsubscribe',
        params.guardrail === 'complaint'
          ? 'No winner: {variant} leads but its complaint rate, {rate, number}%, is significantly worse than the control’s {controlRate, number}%'
          : 'No winner: {variant} leads but its unsubscribe rate, {rate, number}%, is significantly worse than the control’s {controlRate, number}%',
        { variant, rate: points(params.rate), controlRate: points(params.controlRate) }
      );
    case 'below-minimum':
      return pluginMessage(
        'experiments.reason.below-minimum',
        'Not enough data yet: {variant} has {trials, number} of the {minimum, number} recipients needed',
        { variant, trials: Number(params.trials), minimum: Number(params.minimum) }
      );
    default:
      return pluginMessage('experiments.reason.unknown', 'Decided on “{code}”', { code });
  }
};

/** What a logged decision did, in words. */
export const actionMessage = (action: DecisionAction, winner: string | null): PluginMessage => {
  switch (action) {
    case 'decide':
      return pluginMessage('experiments.action.decide', 'The rule chose {winner}', { winner: winner ?? '' });
    case 'wait':
      return pluginMessage('experiments.action.wait', 'No clear winner: waiting for an editor');
    case 'pickWinner':
      return pluginMessage('experiments.action.pickWinner', 'Picked {winner} by hand', { winner: winner ?? '' });
    case 'cancel':
      return pluginMessage('experiments.action.cancel', 'Test cancelled');
    case 'reallocate':
      return pluginMessage('experiments.action.reallocate', 'Next wave’s traffic shifted towards the variants doing best');
    case 'conclude':
      return pluginMessage('experiments.action.conclude', 'Every wave sent, no clear winner: the test ended');
  }
};

/** A bandit's reallocation: the wave and each variant's share of it (its figures as the runner stored them, read, not trusted). */
export const reallocationMessage = (figures: DecisionFigures | null): PluginMessage => {
  const variants = Array.isArray(figures?.variants) ? (figures.variants as Array<{ key?: unknown; share?: unknown }>) : [];
  return pluginMessage('experiments.reason.reallocate', 'Wave {wave}: {shares}, by each variant’s probability of being best so far', {
    wave: String(figures?.wave ?? '?'),
    shares: variants.map((v) => `${String(v.key)} ${percent(v.share)}%`).join(', '),
  });
};
