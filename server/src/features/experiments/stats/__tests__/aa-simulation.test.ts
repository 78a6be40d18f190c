import { decide } from '../decide';
import { createRandom } from '../random';
import type { DecisionRule, ExperimentMetric } from '../types';
import { simulateTally, type TrueRates } from './simulate';

const EXPERIMENTS = 1000;
const RATES: TrueRates = { open: 0.25, click: 0.03, unsubscribe: 0.002, complaint: 0.0002 };
const METRICS: ExperimentMetric[] = ['open', 'click', 'click-to-open'];

/**
 * Simulated experiments on realistic sizes (2,000 to 20,000 messages per variant, each experiment
 * judged on one of opens, clicks or click-to-open), every variant drawn from `ratesOf`.
 */
const simulate = (rule: Omit<DecisionRule, 'metric'>, variants: number, ratesOf: (variant: number) => TrueRates, seed: number) => {
  const random = createRandom(seed);
  const outcomes = { winner: 0, 'no-clear-winner': 0, 'not-enough-data': 0 };
  const winners = new Map<string, number>();
  for (let experiment = 0; experiment < EXPERIMENTS; experiment += 1) {
    const sent = 2000 + Math.floor(random.uniform() * 18000);
    const metric = METRICS[experiment % METRICS.length];
    const tallies = Array.from({ length: variants }, (_, i) => simulateTally(random, String.fromCharCode(65 + i), sent, ratesOf(i)));
    const decision = decide(tallies, { ...rule, metric, seed: experiment });
    outcomes[decision.outcome] += 1;
    if (decision.winner) winners.set(decision.winner, (winners.get(decision.winner) ?? 0) + 1);
  }
  return { outcomes, winners };
};

const RULES: Array<Omit<DecisionRule, 'metric'>> = [
  { rule: 'bayesian', control: 'A', minSamplePerVariant: 400 },
  { rule: 'frequentist', control: 'A', minSamplePerVariant: 400 },
];

describe('A/A experiments: the same true rate for every variant', () => {
  it.each(RULES)('declare a winner in at most 5% of 1,000 two-variant experiments ($rule)', (rule) => {
    const { outcomes } = simulate(rule, 2, () => RATES, 1);
    expect(outcomes['not-enough-data']).toBe(0);
    expect(outcomes.winner / EXPERIMENTS).toBeLessThanOrEqual(0.05);
  });

  it.each(RULES)('declare a winner in at most 5% of 1,000 four-variant experiments ($rule)', (rule) => {
    // Fewer Monte Carlo draws keep the 1,000 Bayesian decisions quick: P(best) stays within ±0.01.
    const { outcomes } = simulate({ ...rule, draws: 2000 }, 4, () => RATES, 2);
    expect(outcomes.winner / EXPERIMENTS).toBeLessThanOrEqual(0.05);
  });
});

describe('A/B experiments: B clearly better', () => {
  it.each(RULES)('find B in most of 1,000 experiments and crown nothing else ($rule)', (rule) => {
    // Opens 25% → 30%, clicks 3% → 4.5%: lifts an editor would want found at these sizes.
    const better = { ...RATES, open: 0.3, click: 0.045 };
    const { outcomes, winners } = simulate(rule, 2, (i) => (i === 1 ? better : RATES), 3);
    expect(outcomes.winner / EXPERIMENTS).toBeGreaterThan(0.8);
    expect(winners.get('B')).toBe(outcomes.winner);
  });
});
