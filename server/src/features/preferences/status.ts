import type { ContactState } from '../../../../shared/contracts/contacts';
import type { MailStatus } from './pages';

/**
 * Whether campaigns reach an address, from its contact's state (null: the contact is gone) and the
 * reasons of its active global suppressions. Only an unsubscribe, the person's own no, can be taken
 * back on the page: a bounce, a complaint or an editor's suppression cannot, so those read as "not
 * mailed", with no button and no reason given to whoever holds the link.
 */
export const mailStatus = (state: ContactState | null, suppressionReasons: readonly string[]): MailStatus => {
  if (state === null) return suppressionReasons.length ? 'not-mailed' : 'subscribed';
  if (state === 'bounced' || state === 'complained' || suppressionReasons.some((r) => r !== 'unsubscribe')) return 'not-mailed';
  return state === 'unsubscribed' || suppressionReasons.length ? 'unsubscribed' : 'subscribed';
};
