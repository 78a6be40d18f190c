import { CONTACT_STATES, type ContactState } from '../../../../shared/contracts/contacts';
import { nextState, ruleOf, signalFor, type ContactSignalType } from '../precedence';

/** Rows: the contact's state before; columns: the state after each signal (resubscribe unforced, then forced). */
const TABLE: Record<
  ContactState,
  [unsubscribe: ContactState, bounce: ContactState, complaint: ContactState, resubscribe: ContactState, forced: ContactState]
> = {
  subscribed: ['unsubscribed', 'bounced', 'complained', 'subscribed', 'subscribed'],
  unsubscribed: ['unsubscribed', 'bounced', 'complained', 'subscribed', 'subscribed'],
  bounced: ['bounced', 'bounced', 'complained', 'bounced', 'subscribed'],
  complained: ['complained', 'complained', 'complained', 'complained', 'subscribed'],
};

test.each(CONTACT_STATES.map((state) => [state]))('from %s, each signal ends where the precedence table says', (state) => {
  const [unsubscribe, bounce, complaint, resubscribe, forced] = TABLE[state];
  expect(nextState(state, ruleOf('unsubscribe'))).toBe(unsubscribe);
  expect(nextState(state, ruleOf('bounce'))).toBe(bounce);
  expect(nextState(state, ruleOf('complaint'))).toBe(complaint);
  expect(nextState(state, ruleOf('resubscribe'))).toBe(resubscribe);
  expect(nextState(state, ruleOf('resubscribe', { force: true }))).toBe(forced);
});

test('a signal never lists its own state among those it overrides: a repeat updates nothing', () => {
  for (const type of ['unsubscribe', 'bounce', 'complaint', 'resubscribe'] as ContactSignalType[]) {
    for (const force of [false, true]) {
      const rule = ruleOf(type, { force });
      expect(rule.overrides).not.toContain(rule.state);
    }
  }
});

test('the signals from an address imply its suppression; a resubscribe lifts none', () => {
  expect(ruleOf('unsubscribe').suppression).toBe('unsubscribe');
  expect(ruleOf('bounce').suppression).toBe('hard-bounce');
  expect(ruleOf('complaint').suppression).toBe('complaint');
  expect(ruleOf('resubscribe', { force: true }).suppression).toBeNull();
});

test.each(CONTACT_STATES.map((state) => [state]))('setting %s goes through the signal that sets it', (state) => {
  expect(ruleOf(signalFor(state), { force: true }).state).toBe(state);
});
