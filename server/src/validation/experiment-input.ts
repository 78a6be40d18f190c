import { z } from 'zod';
import {
  DECISION_RULES,
  EXPERIMENT_LIMITS,
  EXPERIMENT_METRICS,
  MAX_VARIANTS,
  MIN_VARIANTS,
  NO_WINNER_ACTIONS,
  VARIANT_KEYS,
} from '../../../shared/contracts/experiments';
import { campaignFields } from './campaign-input';
import { headerText, isoDateTime } from './fields';

const KEYS_IN_ORDER = `keys are ${VARIANT_KEYS.slice(0, 3).join(', ')}… in the variants' order`;

/** A field a variant names replaces the campaign's: empty would send an empty one, so it is left out instead. */
const named = <T extends z.ZodString>(field: T, what: string) =>
  field.refine((value) => value.trim() !== '', `must not be empty: leave it out to send the campaign's ${what}`);

/** A variant field left out or null keeps the campaign's value: the stored variant does not name it. */
const override = <T extends z.ZodType>(field: T) => field.nullish().transform((value) => value ?? undefined);

const variantInput = z.strictObject({
  key: z.string(),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
  subject: override(named(headerText(998), 'subject')),
  preheader: override(named(headerText(255), 'preheader')),
  fromName: override(named(headerText(200), 'from name')),
  content: override(named(campaignFields.content.unwrap(), 'content')),
  sendAt: override(isoDateTime),
});

const whole = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number(`must be ${what}`)
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

const { testShare, waitMinutes, minSamplePerVariant, probabilityToWin } = EXPERIMENT_LIMITS;

/**
 * A campaign's A/B test as a PUT sets it up: 2 to 8 variants keyed A, B, C… in order, and how it
 * is decided, a setting left out taking its default. What needs the campaign or the clock (a
 * variant identical to another, a send time in the past, content that does not compile) is
 * checked by the experiments feature after this.
 */
export const experimentInput = z
  .strictObject({
    variants: z
      .array(variantInput, 'must be a list of variants')
      .min(MIN_VARIANTS, `must have ${MIN_VARIANTS} to ${MAX_VARIANTS} variants`)
      .max(MAX_VARIANTS, `must have ${MIN_VARIANTS} to ${MAX_VARIANTS} variants`),
    testShare: whole('a percentage of the audience', testShare).default(testShare.default),
    metric: z.enum(EXPERIMENT_METRICS, `must be one of ${EXPERIMENT_METRICS.join(', ')}`).default('click'),
    waitMinutes: whole('a number of minutes', waitMinutes).default(waitMinutes.default),
    decisionRule: z.enum(DECISION_RULES, `must be one of ${DECISION_RULES.join(', ')}`).default('bayesian'),
    noWinner: z.enum(NO_WINNER_ACTIONS, `must be one of ${NO_WINNER_ACTIONS.join(', ')}`).default('wait'),
    defaultVariant: z.string().nullable().default(null),
    minSamplePerVariant: whole('a number of recipients', minSamplePerVariant).default(minSamplePerVariant.default),
    probabilityToWin: z
      .number('must be a probability')
      .min(probabilityToWin.min, `must be from ${probabilityToWin.min} to ${probabilityToWin.max}`)
      .max(probabilityToWin.max, `must be from ${probabilityToWin.min} to ${probabilityToWin.max}`)
      .default(probabilityToWin.default),
  })
  .superRefine((input, ctx) => {
    const keys = input.variants.map((variant) => variant.key);
    keys.forEach((key, index) => {
      const expected = VARIANT_KEYS[index];
      if (key === expected) return;
      const earlier = keys.indexOf(key);
      const message =
        earlier < index
          ? `"${key}" is already the key of variants[${earlier}]: ${KEYS_IN_ORDER}`
          : `must be "${expected}": ${KEYS_IN_ORDER}`;
      ctx.addIssue({ code: 'custom', path: ['variants', index, 'key'], message });
    });
    const listed = keys.join(', ');
    if (input.noWinner === 'send-default' && !(input.defaultVariant !== null && keys.includes(input.defaultVariant))) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultVariant'],
        message: `must be one of ${listed}: the variant sent to the rest when there is no clear winner`,
      });
    }
    if (input.noWinner === 'wait' && input.defaultVariant !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultVariant'],
        message: 'is only for noWinner "send-default": leave it out to wait for an editor',
      });
    }
  });

export type ExperimentInputParsed = z.output<typeof experimentInput>;
export type VariantInput = ExperimentInputParsed['variants'][number];

/** POST .../experiment/pickWinner */
export const pickWinnerInput = z.strictObject({
  variant: z.string('must be a variant key'),
  reason: z.string().trim().max(1000, 'at most 1,000 characters').optional(),
});

/** POST .../experiment/cancel */
export const cancelInput = z.strictObject({
  reason: z.string().trim().max(1000, 'at most 1,000 characters').optional(),
});
