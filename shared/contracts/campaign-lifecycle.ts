/**
 * The campaign lifecycle: its states, what moves a campaign from one to another, and what an editor
 * may change or delete in each. The server applies every move as a conditional UPDATE from the
 * action's `from` states (so two racing moves change a campaign once); the admin shows the buttons
 * and unlocks the fields this module allows. Nothing else declares campaign states.
 */

/** In the order a campaign usually passes through them; the content type's enum lists the same. */
export const CAMPAIGN_STATES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

interface Transition {
  readonly from: readonly CampaignState[];
  readonly to: CampaignState;
  /** `editor`: a button in the admin and an admin API route; `system`: only the send pipeline takes it. */
  readonly by: 'editor' | 'system';
}

export const CAMPAIGN_TRANSITIONS = {
  send: { from: ['draft', 'scheduled'], to: 'sending', by: 'editor' },
  pause: { from: ['sending'], to: 'paused', by: 'editor' },
  resume: { from: ['paused'], to: 'sending', by: 'editor' },
  cancel: { from: ['scheduled', 'sending', 'paused'], to: 'cancelled', by: 'editor' },
  /** The dispatch is done and no delivery is pending. */
  complete: { from: ['sending'], to: 'sent', by: 'system' },
  /** The content cannot be rendered any more (checked when saved, so rare): stopped, not failed delivery by delivery. */
  halt: { from: ['sending'], to: 'paused', by: 'system' },
} as const satisfies Record<string, Transition>;

export type CampaignAction = keyof typeof CAMPAIGN_TRANSITIONS;
export type EditorAction = { [A in CampaignAction]: (typeof CAMPAIGN_TRANSITIONS)[A]['by'] extends 'editor' ? A : never }[CampaignAction];

export const EDITOR_ACTIONS = (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignAction[]).filter(
  (action): action is EditorAction => CAMPAIGN_TRANSITIONS[action].by === 'editor'
);

export const canTake = (state: CampaignState, action: CampaignAction): boolean =>
  (CAMPAIGN_TRANSITIONS[action].from as readonly CampaignState[]).includes(state);

/** The buttons an editor gets for a campaign in this state, in display order. */
export const editorActionsFor = (state: CampaignState): EditorAction[] => EDITOR_ACTIONS.filter((action) => canTake(state, action));

/** Says what was wrong, in the words the API answers with. */
export const refusalOf = (name: string, state: CampaignState, action: CampaignAction): string => {
  const from = CAMPAIGN_TRANSITIONS[action].from;
  const listed = from.length === 1 ? from[0] : `${from.slice(0, -1).join(', ')} or ${from[from.length - 1]}`;
  return `Campaign "${name}" is ${state}: only a ${listed} campaign can be ${PAST_PARTICIPLE[action]}`;
};

const PAST_PARTICIPLE: Record<CampaignAction, string> = {
  send: 'sent',
  pause: 'paused',
  resume: 'resumed',
  cancel: 'cancelled',
  complete: 'completed',
  halt: 'halted',
};

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
