import { VARIANT_KEYS, type Factor, type Variant, type VariantField } from './contracts/experiments';

/** A factor's field as a cell's name shows it. */
export const FACTOR_FIELD_LABELS: Record<VariantField, string> = {
  subject: 'Subject',
  preheader: 'Preheader',
  fromName: 'From name',
  content: 'Content',
  sendAt: 'Send time',
};

/**
 * A factorial test's variants: every combination of its factors' levels, the first factor's level
 * changing slowest, keyed A, B, C… in that order, so A (each factor's first level) is the control.
 * Each cell overrides its factors' fields with its levels' values and names its levels in `cell`.
 * Shared so the admin lists the combinations a save makes before it is made.
 */
export const cellsOf = (factors: readonly Factor[]): Variant[] => {
  const combinations = factors.reduce<Array<Array<[Factor, number]>>>(
    (partial, factor) => partial.flatMap((combo) => factor.levels.map((_, level) => [...combo, [factor, level] as [Factor, number]])),
    [[]]
  );
  return combinations.map((combo, index) => ({
    key: VARIANT_KEYS[index],
    name: combo.map(([factor, level]) => `${FACTOR_FIELD_LABELS[factor.field]}: ${factor.levels[level].name}`).join(' · '),
    ...Object.fromEntries(combo.map(([factor, level]) => [factor.field, factor.levels[level].value])),
    cell: Object.fromEntries(combo.map(([factor, level]) => [factor.field, factor.levels[level].name])),
  }));
};
