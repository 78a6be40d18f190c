import { eventReference, noticeKey } from '../notice-key';

test('origin, reference and recipient make the key; each part changes it', () => {
  const key = noticeKey('ses', 'evt-1', 'ann@example.org');
  expect(key).toBe('ses|5:evt-1|ann@example.org');
  expect(noticeKey('mailgun', 'evt-1', 'ann@example.org')).not.toBe(key);
  expect(noticeKey('ses', 'evt-2', 'ann@example.org')).not.toBe(key);
  expect(noticeKey('ses', 'evt-1', 'bob@example.org')).not.toBe(key);
  expect(noticeKey('ses', 'evt-1', null)).toBe('ses|5:evt-1|');
});

test('a reference cannot end where a recipient begins', () => {
  expect(noticeKey('raw', 'a|b', 'c@x')).not.toBe(noticeKey('raw', 'a', 'b|c@x'));
});

test('a long key is hashed to fit the column, keeping its origin; the same input gives the same key', () => {
  const reference = `<${'x'.repeat(300)}@mx.example.net>`;
  const key = noticeKey('imap:bounces', reference, 'ann@example.org');
  expect(key).toMatch(/^imap:bounces\|sha256:[0-9a-f]{64}$/);
  expect(key.length).toBeLessThanOrEqual(191);
  expect(noticeKey('imap:bounces', reference, 'ann@example.org')).toBe(key);
  expect(noticeKey('imap:bounces', reference, 'bob@example.org')).not.toBe(key);
});

test('event references stay short', () => {
  expect(eventReference('12:1')).toBe('12:1');
  expect(eventReference('y'.repeat(200))).toMatch(/^sha256:[0-9a-f]{64}$/);
});
