import type { Factor, Variant, VariantField } from '../../../../shared/contracts/experiments';
import { FACTOR_FIELD_LABELS } from '../../../../shared/factorial-cells';
import type { VariantFieldPath, VariantProblem } from './variant-checks';

/**
 * A factorial test's cells are made by the server (shared/factorial-cells.ts): the editor typed
 * its factors' levels, so a problem found on a cell is answered at the level that made it
 * (`factors[0].levels[1].value`), never at a `variants[2]` the editor never saw.
 */

interface LevelAt {
  factor: number;
  level: number;
}

/** The factor that makes a cell's field and the cell's level of it, by the level names the cell records. */
const levelOf = (factors: readonly Factor[], cell: Variant, field: VariantField): LevelAt | null => {
  const factor = factors.findIndex((f) => f.field === field);
  if (factor === -1) return null;
  const level = factors[factor].levels.findIndex((l) => l.name === cell.cell?.[field]);
  return level === -1 ? null : { factor, level };
};

const levelPath = ({ factor, level }: LevelAt) => ['factors', String(factor), 'levels', String(level), 'value'];

/** checkVariantContent's paths for a factorial test's cells: the level whose value the cell's field is. */
export const factorFieldPath =
  (factors: readonly Factor[], cells: readonly Variant[]): VariantFieldPath =>
  (variant, field) => {
    const at = levelOf(factors, cells[variant], field as VariantField);
    return at ? levelPath(at) : ['variants', String(variant), field];
  };

/**
 * Two cells send one message only when every factor they differ on has levels of equal values
 * (a send time compared as the instant it names): the first such level of the later cell is the
 * one to change, and the message says which cells it makes equal.
 */
const repeatedLevel = (problem: VariantProblem, twin: number, factors: readonly Factor[], cells: readonly Variant[]): VariantProblem => {
  const cell = cells[problem.variant];
  const earlier = cells[twin];
  for (const [index, factor] of factors.entries()) {
    const mine = levelOf(factors, cell, factor.field);
    const theirs = levelOf(factors, earlier, factor.field);
    if (!mine || !theirs || mine.level === theirs.level) continue;
    const label = FACTOR_FIELD_LABELS[factor.field].toLowerCase();
    const [level, other] = [factor.levels[mine.level], factor.levels[theirs.level]];
    return {
      ...problem,
      path: levelPath({ factor: index, level: mine.level }),
      field: factor.field,
      message:
        `level "${level.name}" gives the same ${label} as level "${other.name}" (levels[${theirs.level}]), ` +
        `so combination ${cell.key} (${cell.name}) sends the same message as ${earlier.key} (${earlier.name}): give each level a ${label} of its own`,
    };
  }
  return problem;
};

/** A problem variantProblem found on a factorial test's cells, at the factor level the editor typed. */
export const factorProblemOf = (problem: VariantProblem, factors: readonly Factor[], cells: readonly Variant[]): VariantProblem => {
  if (problem.twin !== undefined) return repeatedLevel(problem, problem.twin, factors, cells);
  const at = problem.field && levelOf(factors, cells[problem.variant], problem.field);
  return at ? { ...problem, path: levelPath(at) } : problem;
};
