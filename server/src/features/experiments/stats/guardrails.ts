import { greaterPValue } from './frequentist';
import type { GuardrailFigures, VariantTally } from './types';

export const DEFAULT_GUARDRAIL_ALPHA = 0.05;

const guardrail = (
  variant: VariantTally,
  control: VariantTally,
  count: 'unsubscribes' | 'complaints',
  alpha: number,
  isControl: boolean
): GuardrailFigures => {
  const rate = variant.sent === 0 ? 0 : variant[count] / variant.sent;
  const controlRate = control.sent === 0 ? 0 : control[count] / control.sent;
  if (isControl) return { rate, controlRate, pValue: null, breached: false };
  const pValue = greaterPValue({ trials: control.sent, successes: control[count] }, { trials: variant.sent, successes: variant[count] });
  return { rate, controlRate, pValue, breached: pValue < alpha };
};

/**
 * A variant's unsubscribe and complaint rates (out of the messages sent) against the control's,
 * each with the one-sided p-value of "worse than the control". Not corrected for several variants
 * on purpose: a guardrail protects the list, so it errs towards blocking a variant.
 */
export const guardrailsOf = (
  variant: VariantTally,
  control: VariantTally,
  alpha: number = DEFAULT_GUARDRAIL_ALPHA
): { unsubscribe: GuardrailFigures; complaint: GuardrailFigures } => {
  const isControl = variant.key === control.key;
  return {
    unsubscribe: guardrail(variant, control, 'unsubscribes', alpha, isControl),
    complaint: guardrail(variant, control, 'complaints', alpha, isControl),
  };
};

export const isBreached = (figures: { unsubscribe: GuardrailFigures; complaint: GuardrailFigures }): boolean =>
  figures.unsubscribe.breached || figures.complaint.breached;
