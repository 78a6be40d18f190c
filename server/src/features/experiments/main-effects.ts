import type { ExperimentMetric, MainEffectFigures, Variant, VariantField } from '../../../../shared/contracts/experiments';
import { mainEffects, proportionOf, type FactorialCell, type VariantTally } from './stats';

const NOTHING_YET = { sent: 0, opens: 0, clicks: 0, replies: 0, unsubscribes: 0, complaints: 0 };

/**
 * A factorial test's main effects on its metric: each cell's trials and successes from its
 * variant's tally (what the decision rule reads), each level's effect by stats/factorial.ts,
 * factors in the test's order and levels in theirs. A level is significant at the confidence the
 * test asks of a winner (p ≤ 1 − probabilityToWin). Null for variants that are not cells (an A/B
 * test or a bandit).
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
  return mainEffects(cells)
    .sort((a, b) => factorOrder.indexOf(a.factor) - factorOrder.indexOf(b.factor))
    .map((effect) => {
      const own = cells.filter((cell) => cell.levels[effect.factor] === effect.level);
      return {
        ...effect,
        factor: effect.factor as VariantField,
        significant: effect.pValue !== null && effect.pValue <= alpha,
        trials: own.reduce((sum, cell) => sum + cell.trials, 0),
        successes: own.reduce((sum, cell) => sum + cell.successes, 0),
      };
    });
};
