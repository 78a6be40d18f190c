import {
  EXPERIMENT_LIMITS,
  MAX_VARIANTS,
  MIN_VARIANTS,
  VARIANT_KEYS,
  type DecisionRule,
  type Experiment,
  type ExperimentDesign,
  type ExperimentInput,
  type ExperimentMetric,
  type Factor,
  type NoWinnerAction,
  type Variant,
} from '../../../../shared/contracts/experiments';
import { cellsOf } from '../../../../shared/factorial-cells';
import { newFactor, type FactorValues } from './factorial-form';

/** The fields a variant may override in the panel, as typed; an empty one keeps the campaign's (a send time: sent with the others). */
export const VARIANT_OVERRIDES = ['subject', 'preheader', 'fromName', 'content', 'sendAt'] as const;
export type VariantOverride = (typeof VARIANT_OVERRIDES)[number];

export type VariantValues = { key: string; name: string } & Record<VariantOverride, string>;

export const WAIT_UNITS = ['minutes', 'hours', 'days'] as const;
export type WaitUnit = (typeof WAIT_UNITS)[number];
const MINUTES_PER: Record<WaitUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** The panel's form: numbers as typed (the server names what is wrong with them), the probability in percent. */
export interface ExperimentFormValues {
  design: ExperimentDesign;
  /** The editor's variants (`ab`, `bandit`). */
  variants: VariantValues[];
  /** A factorial test's factors, whose combinations are its variants. */
  factors: FactorValues[];
  /** A bandit's waves and the minutes between them. */
  waves: string;
  waveMinutes: string;
  testShare: string;
  metric: ExperimentMetric;
  waitAmount: string;
  waitUnit: WaitUnit;
  decisionRule: DecisionRule;
  probabilityToWin: string;
  minSamplePerVariant: string;
  noWinner: NoWinnerAction;
  defaultVariant: string;
}

const variantValues = (variant: Variant): VariantValues => ({
  key: variant.key,
  name: variant.name,
  subject: variant.subject ?? '',
  preheader: variant.preheader ?? '',
  fromName: variant.fromName ?? '',
  content: variant.content ?? '',
  sendAt: variant.sendAt ?? '',
});

const emptyVariant = (index: number): VariantValues => ({
  key: VARIANT_KEYS[index],
  name: index === 0 ? 'Control' : `Variant ${VARIANT_KEYS[index]}`,
  subject: '',
  preheader: '',
  fromName: '',
  content: '',
  sendAt: '',
});

/** The largest unit that states the wait exactly: 1440 minutes read as 1 day, 90 as 90 minutes. */
export const waitOf = (minutes: number): { waitAmount: string; waitUnit: WaitUnit } => {
  const unit = [...WAIT_UNITS].reverse().find((u) => minutes % MINUTES_PER[u] === 0) ?? 'minutes';
  return { waitAmount: String(minutes / MINUTES_PER[unit]), waitUnit: unit };
};

/** The panel's values of a stored test, or of a new one (a control and one variant, the server's defaults). */
export const experimentFormValuesOf = (experiment: Experiment | null): ExperimentFormValues => ({
  design: experiment?.design ?? 'ab',
  variants: experiment ? experiment.variants.map(variantValues) : [emptyVariant(0), emptyVariant(1)],
  factors: experiment?.factors?.map((f) => ({ field: f.field, levels: f.levels.map((l) => ({ ...l })) })) ?? [newFactor([])],
  waves: String(experiment?.waves ?? EXPERIMENT_LIMITS.waves.default),
  waveMinutes: String(experiment?.waveMinutes ?? EXPERIMENT_LIMITS.waveMinutes.default),
  testShare: String(experiment?.testShare ?? EXPERIMENT_LIMITS.testShare.default),
  metric: experiment?.metric ?? 'click',
  ...waitOf(experiment?.waitMinutes ?? EXPERIMENT_LIMITS.waitMinutes.default),
  decisionRule: experiment?.decisionRule ?? 'bayesian',
  probabilityToWin: String(Math.round((experiment?.probabilityToWin ?? EXPERIMENT_LIMITS.probabilityToWin.default) * 1000) / 10),
  minSamplePerVariant: String(experiment?.minSamplePerVariant ?? EXPERIMENT_LIMITS.minSamplePerVariant.default),
  noWinner: experiment?.noWinner ?? 'wait',
  defaultVariant: experiment?.defaultVariant ?? 'A',
});

export const canAddVariant = (values: ExperimentFormValues) => values.variants.length < MAX_VARIANTS;
export const canRemoveVariant = (values: ExperimentFormValues) => values.variants.length > MIN_VARIANTS;

/** Keys follow the order (A, B, C…), so removing one renames the later ones' keys; a default that no longer exists falls back to A. */
const rekeyed = (values: ExperimentFormValues, variants: VariantValues[]): ExperimentFormValues => {
  const keyed = variants.map((v, i) => ({ ...v, key: VARIANT_KEYS[i] }));
  const keys: string[] = keyed.map((v) => v.key);
  return { ...values, variants: keyed, defaultVariant: keys.includes(values.defaultVariant) ? values.defaultVariant : 'A' };
};

export const addVariant = (values: ExperimentFormValues): ExperimentFormValues =>
  canAddVariant(values) ? rekeyed(values, [...values.variants, emptyVariant(values.variants.length)]) : values;

export const removeVariant = (values: ExperimentFormValues, index: number): ExperimentFormValues =>
  canRemoveVariant(values)
    ? rekeyed(
        values,
        values.variants.filter((_, i) => i !== index)
      )
    : values;

/** A typed number, or the text itself when it is not one, for the server to refuse at its field. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The variants a save makes: a factorial test's combinations (as the server makes them), else the editor's. */
export const variantsOf = (values: ExperimentFormValues): Array<Pick<Variant, 'key' | 'name'>> =>
  values.design === 'factorial' ? cellsOf(values.factors as Factor[]).slice(0, MAX_VARIANTS) : values.variants;

/** What the design sends: a factorial test its factors (the server makes its variants), a bandit its waves and no test share (it sends to everyone). */
const designInputOf = (values: ExperimentFormValues): ExperimentInput => {
  // A bandit's waves go out one after another: a send time typed before switching to it is not sent.
  const fields = VARIANT_OVERRIDES.filter((f) => values.design !== 'bandit' || f !== 'sendAt');
  const variants = values.variants.map((v) => {
    const overrides = Object.fromEntries(fields.filter((f) => v[f].trim() !== '').map((f) => [f, v[f]]));
    return { key: v.key, name: v.name, ...overrides };
  });
  if (values.design === 'factorial') return { design: 'factorial', factors: values.factors, testShare: numberOf(values.testShare) };
  if (values.design === 'bandit')
    return { design: 'bandit', variants, waves: numberOf(values.waves), waveMinutes: numberOf(values.waveMinutes) };
  return { design: 'ab', variants, testShare: numberOf(values.testShare) };
};

/** What PUT sends: only the overrides a variant fills in, the wait in minutes, the probability as a fraction. */
export const experimentInputOf = (values: ExperimentFormValues): ExperimentInput => ({
  ...designInputOf(values),
  metric: values.metric,
  waitMinutes: numberOf(values.waitAmount) * MINUTES_PER[values.waitUnit],
  decisionRule: values.decisionRule,
  probabilityToWin: Math.round(numberOf(values.probabilityToWin) * 10) / 1000,
  minSamplePerVariant: numberOf(values.minSamplePerVariant),
  noWinner: values.noWinner,
  defaultVariant: values.noWinner === 'send-default' ? values.defaultVariant : null,
});
