/** What an experiment is judged on: human opens, clicks, clicks among openers, or replies. */
export type ExperimentMetric = 'open' | 'click' | 'click-to-open' | 'reply';

export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = ['open', 'click', 'click-to-open', 'reply'];

/** One variant's counters: unique people per delivery (human opens and clicks, never a proxy's or a scanner's). */
export interface VariantTally {
  key: string;
  sent: number;
  opens: number;
  clicks: number;
  replies: number;
  unsubscribes: number;
  complaints: number;
}

export interface DecisionRule {
  rule: 'bayesian' | 'frequentist';
  metric: ExperimentMetric;
  /** The variant the others are measured against (the unchanged message). */
  control: string;
  minSamplePerVariant: number;
  /**
   * Bayesian: the probability of being best a winner needs, as a family-wise level: with k
   * variants each needs P(best) ≥ 1 − (1 − probabilityToWin) / k (see decide.ts). Default 0.95.
   */
  probabilityToWin?: number;
  /** Bayesian: the most a winner may cost if it is in fact not the best, in rate units (0.001 = 0.1 points). Default 0.001. */
  maxExpectedLoss?: number;
  /** Frequentist: the two-sided level of each challenger-vs-control test after Holm's correction. Default 0.05. */
  alpha?: number;
  /** The one-sided level at which a worse unsubscribe or complaint rate than the control's blocks a variant. Default 0.05. */
  guardrailAlpha?: number;
  /** Monte Carlo draws for P(best) with more than two variants. Default 20,000. */
  draws?: number;
  /** The Monte Carlo generator's seed, so the same tallies always give the same figures. */
  seed?: number;
}

export interface GuardrailFigures {
  rate: number;
  controlRate: number;
  /** One-sided p-value of "this variant's rate is higher than the control's"; null for the control itself. */
  pValue: number | null;
  breached: boolean;
}

export interface VariantFigures {
  key: string;
  trials: number;
  successes: number;
  rate: number;
  /** 95% credible interval (bayesian) or Wilson score interval (frequentist). */
  interval: [number, number];
  probabilityBest: number | null;
  expectedLoss: number | null;
  pValueVsControl: number | null;
  adjustedPValue: number | null;
  guardrails: { unsubscribe: GuardrailFigures; complaint: GuardrailFigures };
  eligible: boolean;
}

export interface DecisionReason {
  code: string;
  params: Record<string, string | number>;
}

export interface Decision {
  outcome: 'winner' | 'no-clear-winner' | 'not-enough-data';
  winner: string | null;
  /** A code and its figures, for the admin to word in each language. */
  reason: DecisionReason;
  variants: VariantFigures[];
  rule: DecisionRule;
}

export interface Proportion {
  trials: number;
  successes: number;
}
