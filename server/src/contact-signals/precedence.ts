import { CONTACT_STATES, type ContactState } from '../../../shared/contracts/contacts';
import type { SuppressionReason } from '../../../shared/contracts/suppressions';

/**
 * How much a contact state says about its address, least first. A signal moves a contact only up
 * this order: a complaint outranks a hard bounce (the person called the mail spam), a hard bounce
 * outranks an unsubscribe (the address no longer exists, whatever its owner wanted), and any of
 * them outranks `subscribed`. So a bounce arriving after an unsubscribe marks the dead address
 * `bounced` (it is mailed no more either way), and an unsubscribe arriving after a bounce or a
 * complaint changes nothing. The one way down is a resubscribe, below.
 */
export const STATE_PRECEDENCE: Readonly<Record<ContactState, number>> = { subscribed: 0, unsubscribed: 1, bounced: 2, complained: 3 };

export const CONTACT_SIGNALS = ['unsubscribe', 'bounce', 'complaint', 'resubscribe', 'soft-bounce-limit'] as const;
export type ContactSignalType = (typeof CONTACT_SIGNALS)[number];

export interface SignalRule {
  /** The state the signal sets. */
  state: ContactState;
  /** The states it may replace: the conditional update's `WHERE state IN (...)`. */
  overrides: readonly ContactState[];
  /** The global suppression it implies for the address it came from, if any. */
  suppression: SuppressionReason | null;
}

const above = (state: ContactState) => CONTACT_STATES.filter((s) => STATE_PRECEDENCE[s] < STATE_PRECEDENCE[state]);

const RULES: Record<Exclude<ContactSignalType, 'resubscribe'>, SignalRule> = {
  unsubscribe: { state: 'unsubscribed', overrides: above('unsubscribed'), suppression: 'unsubscribe' },
  bounce: { state: 'bounced', overrides: above('bounced'), suppression: 'hard-bounce' },
  complaint: { state: 'complained', overrides: above('complained'), suppression: 'complaint' },
  // Soft bounces on several campaigns rest the address for a while (its suppression expires); the
  // person neither left nor is known to be gone, so no contact state says so: it overrides none.
  'soft-bounce-limit': { state: 'subscribed', overrides: [], suppression: 'soft-bounce-limit' },
};

/**
 * What a signal does. A resubscribe is the person's own "yes" again (with a fresh consent record):
 * it brings an unsubscribed contact back, never a bounced or complained one, whose address is dead
 * or whose owner reported the mail, unless forced: the admin's explicit decision, consent in hand.
 * A resubscribe lifts no suppression.
 */
export const ruleOf = (type: ContactSignalType, options: { force?: boolean } = {}): SignalRule => {
  if (type !== 'resubscribe') return RULES[type];
  return {
    state: 'subscribed',
    overrides: options.force ? CONTACT_STATES.filter((s) => s !== 'subscribed') : ['unsubscribed'],
    suppression: null,
  };
};

/** The signal that sets this state (the contacts service's setState takes a state). */
export const signalFor = (state: ContactState): ContactSignalType =>
  (({ subscribed: 'resubscribe', unsubscribed: 'unsubscribe', bounced: 'bounce', complained: 'complaint' }) as const)[state];

/** The state a contact in `current` ends in after the signal: the table the conditional update applies. */
export const nextState = (current: ContactState, rule: SignalRule): ContactState =>
  rule.overrides.includes(current) ? rule.state : current;
