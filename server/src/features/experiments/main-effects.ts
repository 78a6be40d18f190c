import type { ExperimentMetric, MainEffectFigures, Variant, VariantField } from '../../../../shared/contracts/experiments';
import { holm, mainEffects, proportionOf, type FactorialCell, type MainEffect, type VariantTally } from './stats';

const NOTHING_YET = { sent: 0, opens: 0, clicks: 0, replies: 0, unsubscribes: 0, complaints: 0 };

/**
 * Each effect's p-value adjusted for the test's other comparisons (Holm, as the decision rule
 * adjusts its challengers'): a test of 3 factors makes up to 12 comparisons, and unadjusted one of
 * them would pass the test's confidence by chance far more often than it asks. A factor of two
 * levels makes one comparison (each level against the other: the same test twice), counted once.
 */
const adjustedPValues = (effects: readonly MainEffect[]): Array<number | null> => {
  const levelsOf = new Map<string, number>();
  for (const effect of effects) levelsOf.set(effect.factor, (levelsOf.get(effect.factor) ?? 0) + 1);
  const counted = effects.map(
    (effect, i) =>
      effect.pValue !== null && (levelsOf.get(effect.factor) !== 2 || effects.findIndex((e) => e.factor === effect.factor) === i)
  );
  const adjusted = holm(effects.flatMap((effect, i) => (counted[i] ? [effect.pValue!] : [])));
  const byFactor = new Map<string, number>();
  let next = 0;
  return effects.map((effect, i) => {
    if (effect.pValue === null) return null;
    if (counted[i]) {
      const value = adjusted[next++];
      byFactor.set(effect.factor, value);
      return value;
    }
    return byFactor.get(effect.factor) ?? null;
  });
};

/**
 * A factorial test's main effects on its metric: each cell's trials and successes from its
 * variant's tally (what the decision rule reads), each level's effect by stats/factorial.ts,
 * factors in the test's order and levels in theirs, each p-value adjusted for the test's
 * comparisons (adjustedPValues). A level is significant at the confidence the test asks of a
 * winner (adjusted p ≤ 1 − probabilityToWin). Null for variants that are not cells (an A/B test
 * or a bandit).
 */
export const mainEffectsOf = (
  variants: readonly Variant[],
  tallies: readonly VariantTally[],
  metric: ExperimentMetric,
  probabilityToWin: number
): MainEffectFigures[] | null => {
  if (variants.length === 0 || !variants.every((variant) => variant.cell)) return null;
  const cells: FactorialCell[] = variants.map((variant) => ({
    levels: variant.cell as Record<string, string>,
    ...proportionOf(tallies.find((t) => t.key === variant.key) ?? { key: variant.key, ...NOTHING_YET }, metric),
  }));
  const factorOrder = Object.keys(cells[0].levels);
  const alpha = 1 - probabilityToWin;
  const effects = mainEffects(cells).sort((a, b) => factorOrder.indexOf(a.factor) - factorOrder.indexOf(b.factor));
  const pValues = adjustedPValues(effects);
  return effects.map((effect, i) => {
    const own = cells.filter((cell) => cell.levels[effect.factor] === effect.level);
    const pValue = pValues[i];
    return {
      ...effect,
      factor: effect.factor as VariantField,
      pValue,
      significant: pValue !== null && pValue <= alpha,
      trials: own.reduce((sum, cell) => sum + cell.trials, 0),
      successes: own.reduce((sum, cell) => sum + cell.successes, 0),
    };
  });
};
