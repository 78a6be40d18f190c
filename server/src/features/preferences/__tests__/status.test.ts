import { mailStatus } from '../status';

test('only an unsubscribe can be taken back; bounces, complaints and other suppressions read as not mailed', () => {
  expect(mailStatus('subscribed', [])).toBe('subscribed');
  expect(mailStatus('unsubscribed', [])).toBe('unsubscribed');
  expect(mailStatus('subscribed', ['unsubscribe'])).toBe('unsubscribed');
  expect(mailStatus('unsubscribed', ['unsubscribe', 'manual'])).toBe('not-mailed');
  expect(mailStatus('bounced', [])).toBe('not-mailed');
  expect(mailStatus('complained', ['complaint'])).toBe('not-mailed');
  expect(mailStatus('subscribed', ['soft-bounce-limit'])).toBe('not-mailed');
});

test('a deleted contact can still be unsubscribed by its address, never resubscribed', () => {
  expect(mailStatus(null, [])).toBe('subscribed');
  expect(mailStatus(null, ['unsubscribe'])).toBe('not-mailed');
});
