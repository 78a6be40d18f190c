import { FACTOR_LEVELS, MAX_FACTORS, VARIANT_FIELDS, type Factor, type VariantField } from '../../../../shared/contracts/experiments';

/** A factor as the panel edits it: its field and its levels' names and values as typed. */
export type FactorValues = Factor;

const newLevel = (index: number) => ({ name: `Level ${index + 1}`, value: '' });

/** The fields no factor varies yet: a field is one factor. */
export const fieldsLeft = (factors: readonly FactorValues[], except?: number): VariantField[] =>
  VARIANT_FIELDS.filter((field) => !factors.some((f, i) => i !== except && f.field === field));

/** A factor of the first field not yet used, with its two levels. */
export const newFactor = (factors: readonly FactorValues[]): FactorValues => ({
  field: fieldsLeft(factors)[0] ?? VARIANT_FIELDS[0],
  levels: [newLevel(0), newLevel(1)],
});

export const canAddFactor = (factors: readonly FactorValues[]) => factors.length < MAX_FACTORS && fieldsLeft(factors).length > 0;
export const canRemoveFactor = (factors: readonly FactorValues[]) => factors.length > 1;
export const canAddLevel = (factor: FactorValues) => factor.levels.length < FACTOR_LEVELS.max;
export const canRemoveLevel = (factor: FactorValues) => factor.levels.length > FACTOR_LEVELS.min;

export const addFactor = (factors: readonly FactorValues[]): FactorValues[] =>
  canAddFactor(factors) ? [...factors, newFactor(factors)] : [...factors];

export const removeFactor = (factors: readonly FactorValues[], index: number): FactorValues[] =>
  canRemoveFactor(factors) ? factors.filter((_, i) => i !== index) : [...factors];

const withFactor = (factors: readonly FactorValues[], index: number, change: (factor: FactorValues) => FactorValues) =>
  factors.map((factor, i) => (i === index ? change(factor) : factor));

/** Another field for a factor: its values were the old field's (a subject is no send time), so they start empty. */
export const setFactorField = (factors: readonly FactorValues[], index: number, field: VariantField): FactorValues[] =>
  withFactor(factors, index, (factor) =>
    factor.field === field ? factor : { field, levels: factor.levels.map((level) => ({ ...level, value: '' })) }
  );

export const addLevel = (factors: readonly FactorValues[], index: number): FactorValues[] =>
  withFactor(factors, index, (factor) =>
    canAddLevel(factor) ? { ...factor, levels: [...factor.levels, newLevel(factor.levels.length)] } : factor
  );

export const removeLevel = (factors: readonly FactorValues[], index: number, level: number): FactorValues[] =>
  withFactor(factors, index, (factor) =>
    canRemoveLevel(factor) ? { ...factor, levels: factor.levels.filter((_, i) => i !== level) } : factor
  );

export const setLevel = (
  factors: readonly FactorValues[],
  index: number,
  level: number,
  change: Partial<FactorValues['levels'][number]>
): FactorValues[] =>
  withFactor(factors, index, (factor) => ({ ...factor, levels: factor.levels.map((l, i) => (i === level ? { ...l, ...change } : l)) }));
