import { z } from 'zod';
import {
  DECISION_RULES,
  EXPERIMENT_DESIGNS,
  EXPERIMENT_LIMITS,
  EXPERIMENT_METRICS,
  FACTOR_LEVELS,
  MAX_FACTORS,
  MAX_VARIANTS,
  MIN_VARIANTS,
  NO_WINNER_ACTIONS,
  VARIANT_FIELDS,
  VARIANT_KEYS,
  type VariantField,
} from '../../../shared/contracts/experiments';
import { campaignFields } from './campaign-input';
import { headerText, isoDateTime } from './fields';

const KEYS_IN_ORDER = `keys are ${VARIANT_KEYS.slice(0, 3).join(', ')}… in the variants' order`;

/** A field a variant names replaces the campaign's: empty would send an empty one, so it is left out instead. */
const named = <T extends z.ZodString>(field: T, what: string) =>
  field.refine((value) => value.trim() !== '', `must not be empty: leave it out to send the campaign's ${what}`);

/** A variant field left out or null keeps the campaign's value: the stored variant does not name it. */
const override = <T extends z.ZodType>(field: T) => field.nullish().transform((value) => value ?? undefined);

/** What each field a variant (or a factor's level) may override takes. */
const FIELD_VALUES = {
  subject: named(headerText(998), 'subject'),
  preheader: named(headerText(255), 'preheader'),
  fromName: named(headerText(200), 'from name'),
  content: named(campaignFields.content.unwrap(), 'content'),
  sendAt: isoDateTime,
} satisfies Record<VariantField, z.ZodType<string>>;

const displayName = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');

const variantInput = z.strictObject({
  key: z.string(),
  name: displayName,
  subject: override(FIELD_VALUES.subject),
  preheader: override(FIELD_VALUES.preheader),
  fromName: override(FIELD_VALUES.fromName),
  content: override(FIELD_VALUES.content),
  sendAt: override(FIELD_VALUES.sendAt),
});

const levelsOf = (field: VariantField) =>
  z
    .array(z.strictObject({ name: displayName, value: FIELD_VALUES[field] }), 'must be a list of levels')
    .min(FACTOR_LEVELS.min, `must have ${FACTOR_LEVELS.min} to ${FACTOR_LEVELS.max} levels`)
    .max(FACTOR_LEVELS.max, `must have ${FACTOR_LEVELS.min} to ${FACTOR_LEVELS.max} levels`)
    .superRefine((levels, ctx) => {
      levels.forEach((level, index) => {
        const earlier = levels.findIndex((other) => other.name === level.name);
        if (earlier < index)
          ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${level.name}" is already the name of levels[${earlier}]` });
      });
    });

/** A factor is one of VARIANT_FIELDS and the levels it takes, each level's value checked as that field's. */
const factorInput = z.discriminatedUnion(
  'field',
  VARIANT_FIELDS.map((field) => z.strictObject({ field: z.literal(field), levels: levelsOf(field) })) as unknown as [
    z.ZodObject<{ field: z.ZodLiteral<VariantField>; levels: ReturnType<typeof levelsOf> }>,
  ],
  { error: `must be one of ${VARIANT_FIELDS.join(', ')}` }
);

const whole = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number(`must be ${what}`)
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);

const { testShare, waitMinutes, minSamplePerVariant, probabilityToWin, waves, waveMinutes } = EXPERIMENT_LIMITS;

const variantCount = `must have ${MIN_VARIANTS} to ${MAX_VARIANTS} variants`;

const experimentShape = z.strictObject({
  design: z.enum(EXPERIMENT_DESIGNS, `must be one of ${EXPERIMENT_DESIGNS.join(', ')}`).default('ab'),
  variants: z.array(variantInput, 'must be a list of variants').min(MIN_VARIANTS, variantCount).max(MAX_VARIANTS, variantCount).optional(),
  factors: z
    .array(factorInput, 'must be a list of factors')
    .min(1, `must have 1 to ${MAX_FACTORS} factors`)
    .max(MAX_FACTORS, `must have 1 to ${MAX_FACTORS} factors`)
    .nullish()
    .transform((value) => value ?? null),
  testShare: whole('a percentage of the audience', testShare).optional(),
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
  waves: whole('a number of waves', waves).default(waves.default),
  waveMinutes: whole('a number of minutes', waveMinutes).default(waveMinutes.default),
});

type Shaped = z.output<typeof experimentShape>;

/** The number of variants a factorial test's factors make: the product of their level counts. */
export const cellCount = (factors: ReadonlyArray<{ levels: readonly unknown[] }>) =>
  factors.reduce((product, factor) => product * factor.levels.length, 1);

/** The editor's variants are keyed A, B, C… in their order. */
const keyProblems = (keys: readonly string[], ctx: z.RefinementCtx) => {
  keys.forEach((key, index) => {
    const expected = VARIANT_KEYS[index];
    if (key === expected) return;
    const earlier = keys.indexOf(key);
    const message =
      earlier < index ? `"${key}" is already the key of variants[${earlier}]: ${KEYS_IN_ORDER}` : `must be "${expected}": ${KEYS_IN_ORDER}`;
    ctx.addIssue({ code: 'custom', path: ['variants', index, 'key'], message });
  });
};

/** A factorial test names factors of distinct fields making 2 to 8 combinations, and no variants of its own; answers the combinations' count. */
const factorialProblems = (input: Shaped, ctx: z.RefinementCtx): number => {
  if (input.variants !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: 'are made from the factors in a factorial test: leave them out' });
  }
  const factors = input.factors ?? [];
  if (factors.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['factors'], message: `must have 1 to ${MAX_FACTORS} factors: the fields the test varies` });
    return 0;
  }
  factors.forEach((factor, index) => {
    const earlier = factors.findIndex((other) => other.field === factor.field);
    if (earlier < index) {
      ctx.addIssue({
        code: 'custom',
        path: ['factors', index, 'field'],
        message: `"${factor.field}" is already factors[${earlier}]: a field is one factor`,
      });
    }
  });
  const cells = cellCount(factors);
  if (cells > MAX_VARIANTS) {
    ctx.addIssue({
      code: 'custom',
      path: ['factors'],
      message: `make ${cells} combinations (${factors.map((f) => f.levels.length).join(' × ')}): at most ${MAX_VARIANTS}, so use fewer levels or factors`,
    });
  }
  return cells;
};

/** The editor's variants (`ab`, `bandit`): present, keyed in order, and no factors; answers their keys. */
const variantProblems = (input: Shaped, ctx: z.RefinementCtx): string[] => {
  if (input.factors !== null) {
    ctx.addIssue({ code: 'custom', path: ['factors'], message: 'are only for design "factorial": give the variants instead' });
  }
  if (input.design === 'bandit' && input.testShare !== undefined && input.testShare !== 100) {
    ctx.addIssue({
      code: 'custom',
      path: ['testShare'],
      message: 'must be 100 or left out: a bandit sends to the whole audience in its waves',
    });
  }
  if (!input.variants) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: variantCount });
    return [];
  }
  if (input.design === 'bandit') {
    input.variants.forEach((variant, index) => {
      if (variant.sendAt === undefined) return;
      ctx.addIssue({
        code: 'custom',
        path: ['variants', index, 'sendAt'],
        message: 'is not for a bandit: its waves go out one after another, so one send time cannot hold for every wave; leave it out',
      });
    });
  }
  const keys = input.variants.map((variant) => variant.key);
  keyProblems(keys, ctx);
  return keys;
};

/**
 * A campaign's A/B test as a PUT sets it up: by its design, 2 to 8 variants keyed A, B, C… in
 * order (`ab`, `bandit`) or 1 to 3 factors of distinct fields whose combinations make 2 to 8
 * variants keyed the same way (`factorial`: the experiments feature makes them), and how it is
 * decided, a setting left out taking its default. A bandit sends to the whole audience in its
 * waves, so its test share is 100. What needs the campaign or the clock (a variant identical to
 * another, a send time in the past, content that does not compile) is checked by the experiments
 * feature after this.
 */
export const experimentInput = experimentShape
  .superRefine((input, ctx) => {
    const keys = input.design === 'factorial' ? VARIANT_KEYS.slice(0, factorialProblems(input, ctx)) : variantProblems(input, ctx);
    if (
      input.noWinner === 'send-default' &&
      !(input.defaultVariant !== null && (keys as readonly string[]).includes(input.defaultVariant))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultVariant'],
        message: `must be one of ${keys.join(', ')}: the variant sent to the rest when there is no clear winner`,
      });
    }
    if (input.noWinner === 'wait' && input.defaultVariant !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultVariant'],
        message: 'is only for noWinner "send-default": leave it out to wait for an editor',
      });
    }
  })
  .transform(({ testShare: share, ...input }) => ({
    ...input,
    testShare: input.design === 'bandit' ? 100 : (share ?? testShare.default),
  }));

export type ExperimentInputParsed = z.output<typeof experimentInput>;
export type VariantInput = NonNullable<ExperimentInputParsed['variants']>[number];

/** POST .../experiment/pickWinner */
export const pickWinnerInput = z.strictObject({
  variant: z.string('must be a variant key'),
  reason: z.string().trim().max(1000, 'at most 1,000 characters').optional(),
});

/** POST .../experiment/cancel */
export const cancelInput = z.strictObject({
  reason: z.string().trim().max(1000, 'at most 1,000 characters').optional(),
});
