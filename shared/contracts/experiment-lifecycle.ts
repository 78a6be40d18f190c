/**
 * The A/B experiment lifecycle, declared the same way as the campaign's: a draft is configured with
 * its campaign, tested on a share of the audience, then decided (a winner, picked by the rule or by
 * the editor) or cancelled. Its variants and rule are fixed once testing starts: a result is only
 * honest for the set-up that produced it.
 */
import { defineLifecycle, type Transition } from './lifecycle';

export const EXPERIMENT_STATES = ['draft', 'testing', 'decided', 'cancelled'] as const;
export type ExperimentState = (typeof EXPERIMENT_STATES)[number];

export const EXPERIMENT_TRANSITIONS = {
  /** The campaign's send starts the test group. */
  start: { from: ['draft'], to: 'testing', by: 'system' },
  /** The decision rule found a winner after the wait. */
  decide: { from: ['testing'], to: 'decided', by: 'system' },
  /** The editor stops the test early or settles a "no clear winner". */
  pickWinner: { from: ['testing'], to: 'decided', by: 'editor' },
  cancel: { from: ['draft', 'testing'], to: 'cancelled', by: 'editor' },
} as const satisfies Record<string, Transition<ExperimentState>>;

export type ExperimentAction = keyof typeof EXPERIMENT_TRANSITIONS;

export const experimentLifecycle = defineLifecycle<ExperimentState, ExperimentAction>({
  noun: 'Experiment',
  states: EXPERIMENT_STATES,
  transitions: EXPERIMENT_TRANSITIONS,
  done: { start: 'started', decide: 'decided', pickWinner: 'decided by hand', cancel: 'cancelled' },
});

export const canEditExperiment = (state: ExperimentState): boolean => state === 'draft';
