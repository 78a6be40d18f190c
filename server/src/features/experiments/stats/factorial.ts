import { normalLowerTail } from './normal';

export interface FactorialCell {
  levels: Record<string, string>;
  trials: number;
  successes: number;
}

export interface MainEffect {
  factor: string;
  level: string;
  rate: number;
  /** The level's rate minus the mean of its factor's level rates. */
  effect: number;
  /** Two-sided p-value of this level against the mean of the factor's other levels; null when it cannot be told. */
  pValue: number | null;
}

const checkCells = (cells: ReadonlyArray<FactorialCell>): string[] => {
  if (cells.length === 0) throw new RangeError('mainEffects needs at least one cell');
  const factors = Object.keys(cells[0].levels).sort();
  if (factors.length === 0) throw new RangeError('a factorial cell needs at least one factor');
  for (const cell of cells) {
    const names = Object.keys(cell.levels).sort();
    if (names.join('\u0000') !== factors.join('\u0000')) {
      throw new RangeError(`every cell must name the same factors (${factors.join(', ')}), got ${names.join(', ')}`);
    }
    const { trials, successes } = cell;
    if (!(Number.isSafeInteger(trials) && Number.isSafeInteger(successes) && successes >= 0 && successes <= trials)) {
      throw new RangeError(`a cell needs whole counts with 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
    }
  }
  return factors;
};

/**
 * The main effect of each level of each factor in a full-factorial test. A level's rate is the
 * unweighted mean of its cells' rates (the least-squares marginal mean), so cells that received
 * unequal traffic do not mix one factor's effect into another's. Its effect is that rate minus the
 * mean of the factor's level rates. The p-value compares the level with the mean of the factor's
 * other levels, with each cell's variance taken at the pooled rate of all cells (as the pooled
 * two-proportion test does under "no difference"); cells without trials are left out.
 */
export const mainEffects = (cells: ReadonlyArray<FactorialCell>): MainEffect[] => {
  const factors = checkCells(cells);
  const measured = cells.filter((c) => c.trials > 0);
  const pooledTrials = measured.reduce((sum, c) => sum + c.trials, 0);
  const pooled = pooledTrials === 0 ? 0 : measured.reduce((sum, c) => sum + c.successes, 0) / pooledTrials;
  const nullVariance = pooled * (1 - pooled);

  return factors.flatMap((factor) => {
    const levelNames = [...new Set(cells.map((c) => c.levels[factor]))];
    const levels = levelNames.map((level) => {
      const own = measured.filter((c) => c.levels[factor] === level);
      const rate = own.length === 0 ? 0 : own.reduce((sum, c) => sum + c.successes / c.trials, 0) / own.length;
      const variance = own.length === 0 ? 0 : (nullVariance * own.reduce((sum, c) => sum + 1 / c.trials, 0)) / own.length ** 2;
      return { level, rate, variance, measured: own.length > 0 };
    });
    const usable = levels.filter((l) => l.measured);
    const mean = usable.length === 0 ? 0 : usable.reduce((sum, l) => sum + l.rate, 0) / usable.length;
    return levels.map(({ level, rate, variance, measured: hasCells }): MainEffect => {
      const others = usable.filter((l) => l.level !== level);
      let pValue: number | null = null;
      if (hasCells && others.length > 0) {
        const othersRate = others.reduce((sum, l) => sum + l.rate, 0) / others.length;
        const othersVariance = others.reduce((sum, l) => sum + l.variance, 0) / others.length ** 2;
        const spread = Math.sqrt(variance + othersVariance);
        if (spread > 0) pValue = Math.min(1, 2 * normalLowerTail(-Math.abs(rate - othersRate) / spread));
      }
      return { factor, level, rate, effect: hasCells ? rate - mean : 0, pValue };
    });
  });
};
