import type { ExperimentMetric, MainEffectFigures } from '../../../../shared/contracts/experiments';
import type { ReallocationFigures } from './bandit-plan';
import { FACTOR_FIELD_LABELS } from '../../../../shared/factorial-cells';
import type { Decision } from './stats';

const percent = (p: unknown) => `${(Number(p) * 100).toFixed(Number(p) > 0.99 && Number(p) < 1 ? 1 : 0)}%`;
const points = (rate: unknown) => `${(Number(rate) * 100).toFixed(2)} points`;
const pValue = (p: unknown) => Number(p).toPrecision(2);

/** The rule's reason in plain English, for the decisions log (the admin words the code and figures in each language). */
export const reasonInWords = ({ reason: { code, params } }: Pick<Decision, 'reason'>): string => {
  const v = params.variant;
  switch (code) {
    case 'probable-best':
      return `${v} is best with ${percent(params.probability)} probability; expected loss ${points(params.expectedLoss)}`;
    case 'significant-lift':
      return `${v} beats the control: ${points(params.rate)} against ${points(params.controlRate)} (adjusted p = ${pValue(params.adjustedPValue)})`;
    case 'control-leads':
      return `The control ${v} leads: no variant beats it`;
    case 'not-probable-enough':
      return `${v} leads with ${percent(params.probability)} probability of being best, under the ${percent(params.threshold)} needed`;
    case 'loss-too-high':
      return `${v} leads, but choosing it could cost ${points(params.expectedLoss)}, more than the ${points(params.maxExpectedLoss)} allowed`;
    case 'no-significant-lift':
      return `${v} leads (${points(params.rate)} against ${points(params.controlRate)}) but not significantly (adjusted p = ${pValue(params.adjustedPValue)})`;
    case 'guardrail-breached':
      return `${v} leads but cannot win: its ${params.guardrail} rate ${points(params.rate)} is significantly worse than the control's ${points(params.controlRate)} (p = ${pValue(params.pValue)})`;
    case 'below-minimum':
      return `Not enough data: ${v} has ${params.trials} of the ${params.minimum} needed per variant`;
    default:
      return code;
  }
};

const METRIC_WORDS: Record<ExperimentMetric, string> = {
  open: 'opens',
  click: 'clicks',
  'click-to-open': 'clicks of openers',
  reply: 'replies',
};

/**
 * A factorial test's significant main effects that raise its metric, in plain English ('Subject
 * “Long” raises clicks by 1.20 points (p = 0.010)': above the mean of the subject's levels); empty
 * when none is significant.
 */
export const mainEffectsInWords = (effects: readonly MainEffectFigures[], metric: ExperimentMetric): string =>
  effects
    .filter((e) => e.significant && e.effect > 0)
    .map(
      (e) =>
        `${FACTOR_FIELD_LABELS[e.factor]} “${e.level}” raises ${METRIC_WORDS[metric]} by ${points(e.effect)} (adjusted p = ${pValue(e.pValue)})`
    )
    .join('; ');

/** A reallocation in plain English, for the decisions log: the wave's shares and the P(best) they come from. */
export const reallocationInWords = ({ wave, variants }: ReallocationFigures): string => {
  const each = (value: (v: ReallocationFigures['variants'][number]) => number) =>
    variants.map((v) => `${v.key} ${percent(value(v))}`).join(', ');
  return `Wave ${wave}: ${each((v) => v.share)} of its contacts (probability of being best: ${each((v) => v.probabilityBest)})`;
};
