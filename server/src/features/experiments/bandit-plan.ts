import { posteriorOf, probabilityBest, proportionOf, thompsonShares, type ExperimentMetric, type VariantTally } from './stats';
import { DEFAULT_THOMPSON_FLOOR } from './stats';

/**
 * A bandit's waves (issue 19), as pure decisions: wave 1's even split, each later wave's Thompson
 * shares from the tallies so far with the figures they were made on, and what the runner does next
 * with a bandit from what the database says of it.
 */

/** Wave 1: nothing is known yet, every variant the same share. */
export const evenShares = (keys: readonly string[]): Record<string, number> =>
  Object.fromEntries(keys.map((key) => [key, 1 / keys.length]));

/** The Monte Carlo seed of a wave's shares: the same experiment and wave draw the same numbers, so recomputing agrees. */
export const waveSeed = (experimentId: number, wave: number) => (experimentId * 64 + wave) >>> 0;

/** What a reallocation is recorded with: each variant's counts, P(best) and the share it gets. */
export interface ReallocationFigures {
  wave: number;
  metric: ExperimentMetric;
  /** The share every variant keeps whatever its results (thompsonShares' floor). */
  floor: number;
  variants: Array<{ key: string; sent: number; trials: number; successes: number; probabilityBest: number; share: number }>;
}

/** The shares of wave `wave` (from 2) from the tallies of the waves before it, and their figures. */
export const nextWaveShares = (
  tallies: readonly VariantTally[],
  metric: ExperimentMetric,
  { experimentId, wave }: { experimentId: number; wave: number }
): { shares: Record<string, number>; figures: ReallocationFigures } => {
  const seed = waveSeed(experimentId, wave);
  const shares = thompsonShares(tallies, metric, { seed });
  const proportions = tallies.map((t) => proportionOf(t, metric));
  const best = probabilityBest(proportions.map(posteriorOf), { seed }).probabilityBest;
  return {
    shares,
    figures: {
      wave,
      metric,
      floor: DEFAULT_THOMPSON_FLOOR,
      variants: tallies.map((t, i) => ({ key: t.key, sent: t.sent, ...proportions[i], probabilityBest: best[i], share: shares[t.key] })),
    },
  };
};

/** What the database says of a testing bandit. */
export interface BanditFacts {
  waves: number;
  waveMinutes: number;
  /** The waves stored so far (1 at least once its send started), with when each had gone out. */
  stored: ReadonlyArray<{ wave: number; sentAt: number | null }>;
  /** Its send record: the wave its dispatch is for, whether that dispatch is done, a winner's rest started, the send over. */
  record: { wave: number; dispatched: boolean; winner: string | null; finished: boolean };
  /** Whether any delivery is still queued or being sent. */
  pending: boolean;
}

/**
 * The runner's next step for a testing bandit: `resume`, a stored wave whose dispatch never started
 * (the process died between the two); `sent`, the current wave has gone out (its dispatch done,
 * nothing queued or being sent): its pause starts now; `next`, the pause after the current wave is
 * over and another wave is due; `none` otherwise (going out, pausing, or the last wave gone).
 */
export type WaveStep =
  { kind: 'none' } | { kind: 'resume'; wave: number } | { kind: 'sent'; wave: number; last: boolean } | { kind: 'next'; wave: number };

export const waveStep = (facts: BanditFacts, now: number): WaveStep => {
  const { record } = facts;
  const current = facts.stored.reduce<BanditFacts['stored'][number] | null>((a, b) => (a === null || b.wave > a.wave ? b : a), null);
  if (current === null || record.winner !== null) return { kind: 'none' };
  // The last wave's send ends the campaign's: its pause (the experiment's wait) starts all the same.
  if (current.sentAt === null && current.wave <= record.wave) {
    return record.dispatched && !facts.pending ? { kind: 'sent', wave: current.wave, last: current.wave >= facts.waves } : { kind: 'none' };
  }
  // A send that is over (a cancelled campaign) starts no more waves.
  if (record.finished) return { kind: 'none' };
  if (current.wave > record.wave) return record.dispatched ? { kind: 'resume', wave: current.wave } : { kind: 'none' };
  if (current.wave < facts.waves && current.sentAt !== null && current.sentAt + facts.waveMinutes * 60_000 <= now)
    return { kind: 'next', wave: current.wave + 1 };
  return { kind: 'none' };
};
