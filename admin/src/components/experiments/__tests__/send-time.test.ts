import { dateOf, isoWithOffset } from '../send-time';

test.each([
  ['Europe/Paris', '2026-12-10T08:00:00.000Z', '2026-12-10T09:00:00+01:00'],
  ['Europe/Paris', '2026-07-10T07:30:00.000Z', '2026-07-10T09:30:00+02:00'],
  ['America/St_Johns', '2026-12-10T12:30:00.000Z', '2026-12-10T09:00:00-03:30'],
  ['UTC', '2026-12-31T23:59:00.000Z', '2026-12-31T23:59:00+00:00'],
])('in %s, %s is stored as %s: the admin’s wall-clock time and its offset, the same instant', (tz, instant, stored) => {
  expect(isoWithOffset(new Date(instant), tz)).toBe(stored);
  expect(Date.parse(stored)).toBe(Date.parse(instant));
  expect(dateOf(stored)?.toISOString()).toBe(instant);
});

test('an empty or unreadable send time is none', () => {
  expect(dateOf('')).toBeUndefined();
  expect(dateOf('tomorrow morning')).toBeUndefined();
});
