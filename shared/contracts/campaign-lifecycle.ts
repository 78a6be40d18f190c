/**
 * The campaign lifecycle: its states, what moves a campaign from one to another, and what an editor
 * may change or delete in each. The server takes every move through its lifecycle module as a
 * conditional UPDATE; the admin shows the buttons and unlocks the fields this module allows.
 * Nothing else declares campaign states.
 */
import { defineLifecycle, type Transition } from './lifecycle';

/** In the order a campaign usually passes through them; the content type's enum lists the same. */
export const CAMPAIGN_STATES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const CAMPAIGN_TRANSITIONS = {
  send: { from: ['draft', 'scheduled'], to: 'sending', by: 'editor' },
  /** A draft gets its send time (the schedule panel). A new time for a scheduled campaign changes its schedule, not its state. */
  schedule: { from: ['draft'], to: 'scheduled', by: 'editor' },
  unschedule: { from: ['scheduled'], to: 'draft', by: 'editor' },
  /** Its time came: the schedule's job starts the send. */
  start: { from: ['scheduled'], to: 'sending', by: 'system' },
  /** Its time passed while nothing ran, longer ago than the grace period: paused, for an editor to decide. */
  miss: { from: ['scheduled'], to: 'paused', by: 'system' },
  pause: { from: ['sending'], to: 'paused', by: 'editor' },
  resume: { from: ['paused'], to: 'sending', by: 'editor' },
  cancel: { from: ['scheduled', 'sending', 'paused'], to: 'cancelled', by: 'editor' },
  /** The dispatch is done and no delivery is pending. */
  complete: { from: ['sending'], to: 'sent', by: 'system' },
  /** The dispatch is done, no delivery is pending, and not one message went out: every delivery failed. */
  fail: { from: ['sending'], to: 'failed', by: 'system' },
  /** The content cannot be rendered any more (checked when saved, so rare): stopped, not failed delivery by delivery. */
  halt: { from: ['sending'], to: 'paused', by: 'system' },
} as const satisfies Record<string, Transition<CampaignState>>;

export type CampaignAction = keyof typeof CAMPAIGN_TRANSITIONS;
export type EditorAction = { [A in CampaignAction]: (typeof CAMPAIGN_TRANSITIONS)[A]['by'] extends 'editor' ? A : never }[CampaignAction];

export const campaignLifecycle = defineLifecycle<CampaignState, CampaignAction>({
  noun: 'Campaign',
  states: CAMPAIGN_STATES,
  transitions: CAMPAIGN_TRANSITIONS,
  done: {
    send: 'sent',
    schedule: 'scheduled',
    unschedule: 'unscheduled',
    start: 'started',
    miss: 'marked as missed',
    pause: 'paused',
    resume: 'resumed',
    cancel: 'cancelled',
    complete: 'completed',
    fail: 'failed',
    halt: 'halted',
  },
});

export const canTake = campaignLifecycle.canTake;
export const refusalOf = campaignLifecycle.refusalOf;
export const editorActionsFor = (state: CampaignState) => campaignLifecycle.editorActionsFor(state) as EditorAction[];

/**
 * Before sending starts, and while it is paused, everything may change; once it is sending or
 * over, only the name (the message that went out must stay what it was).
 */
const FULLY_EDITABLE: readonly CampaignState[] = ['draft', 'scheduled', 'paused'];

export const isFullyEditable = (state: CampaignState): boolean => FULLY_EDITABLE.includes(state);

/** Whether a field may change in this state: the name always, the rest only while fully editable. */
export const canEditField = (state: CampaignState, field: string): boolean => field === 'name' || isFullyEditable(state);

/** A sending campaign has jobs in flight that need its row: pause or cancel it first. */
export const canDelete = (state: CampaignState): boolean => state !== 'sending';
