/**
 * A campaign's A/B test (issue 19) as the admin API and the admin pages see it: its variants, how
 * it is decided, and the decisions recorded for it. Its states and moves are declared in
 * experiment-lifecycle.ts.
 */
import type { ExperimentAction, ExperimentState } from './experiment-lifecycle';

export type { ExperimentState };
/** The rule's own figures, as it stores them in a decision (experiments/stats, pure). */
export type { DecisionReason, GuardrailFigures, VariantFigures } from '../../server/src/features/experiments/stats/types';

/** Variant keys, in order: variant i has key VARIANT_KEYS[i]; A is the control. */
export const VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];
export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = VARIANT_KEYS.length;

/** The campaign fields a variant may override; a variant's message is the campaign's with these replaced. */
export const VARIANT_FIELDS = ['subject', 'preheader', 'fromName', 'content', 'sendAt'] as const;
export type VariantField = (typeof VARIANT_FIELDS)[number];

/**
 * One variant: a full override of each field it names, the campaign's own value for the rest (the
 * control, A, usually names nothing). A variant with content of its own gets its text part made
 * from that content, never the campaign's plain text (which describes the control's).
 */
export interface Variant {
  key: string;
  name: string;
  subject?: string;
  preheader?: string;
  fromName?: string;
  /** MJML, checked and compiled at save as a campaign's content is. */
  content?: string;
  /** A send-time variant: when its share goes out, ISO 8601 with an offset, in the future at save. */
  sendAt?: string;
  /** A factorial test's cell: the name of its level of each factor, by the factor's field (set by the server, never sent). */
  cell?: Partial<Record<VariantField, string>>;
}

/**
 * How the variants are made and sent: `ab`, the editor's variants to a test group, then the winner
 * to the rest; `factorial`, every combination of the levels of up to three factors (fields) as the
 * variants, sent and decided the same way, with each level's main effect reported; `bandit`, the
 * whole audience in waves, each wave's traffic shifted towards the variants doing best so far
 * (Thompson sampling), for long sends.
 */
export const EXPERIMENT_DESIGNS = ['ab', 'factorial', 'bandit'] as const;
export type ExperimentDesign = (typeof EXPERIMENT_DESIGNS)[number];

/** One value a factor takes: its name in the results, and the field's override (MJML for content, ISO 8601 for sendAt). */
export interface FactorLevel {
  name: string;
  value: string;
}

/** A factorial test's factor: a campaign field, and the levels it takes (its first is the control's). */
export interface Factor {
  field: VariantField;
  levels: FactorLevel[];
}

export const MAX_FACTORS = 3;
/** A factor's levels; the product of every factor's count is the number of variants (cells), 2 to MAX_VARIANTS. */
export const FACTOR_LEVELS = { min: 2, max: 4 } as const;

/** What the test group's figures are compared on: human opens, human clicks, clicks over opens, human replies. */
export const EXPERIMENT_METRICS = ['open', 'click', 'click-to-open', 'reply'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

/** Bayesian: P(best) and expected loss from Beta posteriors. Frequentist: two-proportion tests corrected for several variants. */
export const DECISION_RULES = ['bayesian', 'frequentist'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** Without a clear winner after the wait: send `defaultVariant` to the rest, or wait for an editor to pick. */
export const NO_WINNER_ACTIONS = ['send-default', 'wait'] as const;
export type NoWinnerAction = (typeof NO_WINNER_ACTIONS)[number];

/** The bounds the API checks, and the defaults of a field a PUT leaves out. */
export const EXPERIMENT_LIMITS = {
  testShare: { min: 1, max: 100, default: 20 },
  /** One minute to thirty days. */
  waitMinutes: { min: 1, max: 30 * 24 * 60, default: 240 },
  minSamplePerVariant: { min: 1, max: 1_000_000, default: 100 },
  probabilityToWin: { min: 0.5, max: 0.999, default: 0.95 },
  /** A bandit's waves: the first split evenly, each later one by the results so far. */
  waves: { min: 2, max: 50, default: 5 },
  /** A bandit's pause between one wave's send and the next wave's shares: one minute to seven days. */
  waveMinutes: { min: 1, max: 7 * 24 * 60, default: 60 },
} as const;

/** How the test runs and is decided; everything of an experiment but its variants, state and decisions. */
export interface ExperimentSettings {
  design: ExperimentDesign;
  /** A factorial test's factors (its variants are made from them); null for the other designs. */
  factors: Factor[] | null;
  /** Percent of the audience in the test group, split evenly between the variants; 100: every variant to its share, and stop. */
  testShare: number;
  metric: ExperimentMetric;
  /** How long after the test group's send the rule decides. */
  waitMinutes: number;
  decisionRule: DecisionRule;
  noWinner: NoWinnerAction;
  /** A variant key: required with `noWinner: 'send-default'`, null with `wait`. */
  defaultVariant: string | null;
  /** Below this many test recipients in any variant the outcome is "not enough data". */
  minSamplePerVariant: number;
  /** The probability of being best (Bayesian) or the confidence, 1 − α (frequentist), a winner needs. */
  probabilityToWin: number;
  /** A bandit's number of waves (the audience split evenly between them by the keyed hash). */
  waves: number;
  /** A bandit's minutes between a wave's send and the next wave. */
  waveMinutes: number;
}

/**
 * What a PUT sends: the variants (`ab`, `bandit`) or the factors (`factorial`, whose variants the
 * server makes), and any setting (a setting left out takes its default).
 */
export type ExperimentInput = { variants?: Variant[] } & Partial<ExperimentSettings>;

/**
 * A decision's figures, as the decision rule made them (per-variant rates, probabilities, the
 * outcome and its reason): stored and answered as given, whatever the rule puts in them.
 */
export type DecisionFigures = Record<string, unknown>;

/**
 * What a recorded decision did: `decide` (the rule named a winner, or the default variant when it
 * found none and `noWinner` is send-default), `wait` (the rule found no clear winner and the test
 * waits for an editor; the state stays testing), `pickWinner` (an editor chose), `cancel`; a bandit's
 * `reallocate` (the next wave's shares, by Thompson sampling; the state stays testing) and
 * `conclude` (its last wave went out and the rule found no clear winner: decided, without a winner).
 */
export const DECISION_ACTIONS = ['decide', 'wait', 'pickWinner', 'cancel', 'reallocate', 'conclude'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** One entry of an experiment's decisions log. */
export interface ExperimentDecision {
  id: number;
  action: DecisionAction;
  winner: string | null;
  /** The figures the decision was made on: the rule's own, or for an editor's, the last the rule made (null before it made any). */
  figures: DecisionFigures | null;
  /** In plain words, when the decider gave them. */
  reason: string | null;
  /** The admin who took it ("Ann Lee <ann@example.com>"); null when the rule did. */
  by: string | null;
  /** ISO 8601. */
  at: string;
}

/**
 * The main effect of one level of one factor of a factorial test: the level's rate is the mean of
 * its cells' rates (cells that got unequal traffic do not mix one factor's effect into another's).
 */
export interface MainEffectFigures {
  /** The factor's field. */
  factor: VariantField;
  /** The level's name. */
  level: string;
  /** The mean of its cells' rates of the test's metric, 0 to 1. */
  rate: number;
  /** The rate minus the mean of its factor's level rates (0.012: 1.2 points above the factor's average). */
  effect: number;
  /**
   * Two-sided, the level against the mean of its factor's other levels, adjusted (Holm) for the
   * test's other comparisons; null before there is data to tell.
   */
  pValue: number | null;
  /** pValue at most 1 − probabilityToWin (the confidence the test asks of a winner). */
  significant: boolean;
  /** Its cells' trials (sent, or opens for click-to-open) and successes, summed. */
  trials: number;
  successes: number;
}

/** One wave of a bandit: its traffic shares per variant key (summing to 1), stored when it started. */
export interface ExperimentWave {
  /** 1 to `waves`. */
  wave: number;
  shares: Record<string, number>;
  /** ISO 8601. */
  startedAt: string;
  /** When its messages had all gone out (ISO 8601); null while it is going out. */
  sentAt: string | null;
}

export interface Experiment extends ExperimentSettings {
  documentId: string;
  campaign: { documentId: string; name: string };
  state: ExperimentState;
  variants: Variant[];
  winner: string | null;
  /** When it was decided (ISO 8601), by the rule or an editor; null otherwise. */
  decidedAt: string | null;
  /** The last decision's figures (a "wait" among them), null before any. */
  decision: DecisionFigures | null;
  /** Whether its set-up may change now: a draft, on a campaign whose send has not started. */
  editable: boolean;
  /** The transitions an editor may take now (experiment-lifecycle's editor actions). */
  editorActions: ExperimentAction[];
  /** Every decision recorded, the newest first. */
  decisions: ExperimentDecision[];
  /** A factorial test's main effects on its metric from its test recipients so far, factor by factor; null for the other designs. */
  mainEffects: MainEffectFigures[] | null;
  /** A bandit's waves started so far, in order: each one's traffic shares and when it started; empty for the other designs. */
  waveShares: ExperimentWave[];
  createdAt: string;
  updatedAt: string;
}

/** GET /campaigns/campaigns/:documentId/experiment: null when the campaign has no A/B test; 404 for an unknown campaign. */
export declare namespace GetExperiment {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: Experiment | null;
  }
}

/**
 * PUT /campaigns/campaigns/:documentId/experiment: creates the campaign's A/B test or replaces its
 * set-up, while the campaign's send has not started and the experiment is a draft. 400 naming the
 * field ("variants[2].content: MJML errors: line 4: ...", with `details.errors[0].lines` as
 * template-problems.ts describes), and nothing stored.
 */
export declare namespace PutExperiment {
  interface Request {
    params: { documentId: string };
    body: { data: ExperimentInput };
  }
  interface Response {
    data: Experiment;
  }
}

/** DELETE /campaigns/campaigns/:documentId/experiment: a draft only (a test that ran keeps its record; cancel it instead). */
export declare namespace DeleteExperiment {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: { documentId: string };
  }
}

/** POST /campaigns/campaigns/:documentId/experiment/pickWinner: an editor decides a testing experiment. */
export declare namespace PickExperimentWinner {
  interface Request {
    params: { documentId: string };
    body: { data: { variant: string; reason?: string } };
  }
  interface Response {
    data: Experiment;
  }
}

/** POST /campaigns/campaigns/:documentId/experiment/cancel: a draft or testing experiment is cancelled. */
export declare namespace CancelExperiment {
  interface Request {
    params: { documentId: string };
    body: { data?: { reason?: string } };
  }
  interface Response {
    data: Experiment;
  }
}

/**
 * One point of a test's series: each variant's rate of the test's metric (0 to 1) counting
 * everything up to the end of the hour starting `at`; null when it has nothing to be out of (no
 * openers yet for click-to-open, a send-time variant not yet sent).
 */
export interface ExperimentSeriesPoint {
  /** The hour's start, ISO 8601 (UTC). */
  at: string;
  rates: Record<string, number | null>;
}

/**
 * The metric over time per variant (people's unique opens, clicks or replies, from the hourly
 * rollups): from the hour the campaign's send started to its test's decision or cancel (the
 * winner's send to the rest is not the test), or to now while it runs. Hourly for the first week,
 * then daily. Rates are out of each variant's test recipients (click-to-open: its openers so far).
 */
export interface ExperimentSeries {
  metric: ExperimentMetric;
  /** ISO 8601: the window the series covers. */
  from: string;
  until: string;
  /** At the window's end, in the variants' order. */
  variants: Array<{ key: string; trials: number; successes: number }>;
  points: ExperimentSeriesPoint[];
}

/** GET /campaigns/campaigns/:documentId/experiment/series: `data` null when the test has not started sending; 404 without a test. */
export declare namespace GetExperimentSeries {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: ExperimentSeries | null;
  }
}

/** A variant as the preview takes it: the panel's unsaved values; an empty or missing field is the campaign's. */
export interface VariantPreviewInput {
  key: string;
  name?: string;
  subject?: string | null;
  preheader?: string | null;
  fromName?: string | null;
  content?: string | null;
}

/** A variant's message as its recipients get it (the sample contact's), links untracked. */
export interface VariantPreview {
  key: string;
  name: string;
  subject: string;
  preheader: string;
  fromName: string;
  html: string;
  text: string;
}

/**
 * POST /campaigns/campaigns/:documentId/experiment/preview: each variant's message, the campaign's
 * saved fields with the variant's overrides, or only the variant keyed `only`. 400 naming the
 * variant's field when its template does not compile ("variants[1].content: MJML errors: line 4:
 * ...", `details.errors[0].lines`), 404 for an unknown campaign. Nothing is stored.
 */
export declare namespace PreviewExperimentVariants {
  interface Request {
    params: { documentId: string };
    body: { data: { variants: VariantPreviewInput[]; only?: string } };
  }
  interface Response {
    data: VariantPreview[];
  }
}
