import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createOpenTimeClock, isOpenAt, type SendWindow } from '../send-window';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const WEEKDAYS_9_TO_5: SendWindow = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

test('inside the window an instant stays; outside it moves to the next opening', () => {
  // Wednesday 9 December 2026, Paris is UTC+1.
  const clock = (from: string) => createOpenTimeClock(WEEKDAYS_9_TO_5, 'Europe/Paris', at(from))(0);
  expect(clock('2026-12-09T10:00:00Z')).toBe(at('2026-12-09T10:00:00Z'));
  expect(clock('2026-12-09T07:59:00Z')).toBe(at('2026-12-09T08:00:00Z'));
  expect(clock('2026-12-09T16:00:00Z')).toBe(at('2026-12-10T08:00:00Z'));
  // Friday after closing: Monday morning.
  expect(clock('2026-12-11T16:30:00Z')).toBe(at('2026-12-14T08:00:00Z'));
  expect(clock('2026-12-12T12:00:00Z')).toBe(at('2026-12-14T08:00:00Z'));
});

test('open time is counted only while the window is open', () => {
  const clock = createOpenTimeClock(WEEKDAYS_9_TO_5, 'Europe/Paris', at('2026-12-11T15:00:00Z'));
  // Friday 16:00 Paris: one hour left today, then Monday.
  expect(clock(0)).toBe(at('2026-12-11T15:00:00Z'));
  expect(clock(HOUR - 1)).toBe(at('2026-12-11T15:59:59.999Z'));
  expect(clock(HOUR)).toBe(at('2026-12-14T08:00:00Z'));
  expect(clock(3 * HOUR)).toBe(at('2026-12-14T10:00:00Z'));
  expect(clock(9 * HOUR)).toBe(at('2026-12-15T08:00:00Z'));
  // Asking again for an earlier point starts over.
  expect(clock(30 * 60_000)).toBe(at('2026-12-11T15:30:00Z'));
});

test('the window follows the zone across a DST change', () => {
  const window: SendWindow = { days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '10:00' };
  const clock = createOpenTimeClock(window, 'Europe/Paris', at('2026-03-28T12:00:00Z'));
  // Sunday 29 March opens at 09:00 CEST = 07:00 UTC (the day before it was 08:00 UTC).
  expect(clock(0)).toBe(at('2026-03-29T07:00:00Z'));
  expect(clock(HOUR)).toBe(at('2026-03-30T07:00:00Z'));
});

test('a window a DST gap swallows is closed that day', () => {
  const window: SendWindow = { days: [1, 2, 3, 4, 5, 6, 7], start: '02:05', end: '02:55' };
  expect(createOpenTimeClock(window, 'Europe/Paris', at('2026-03-28T12:00:00Z'))(0)).toBe(at('2026-03-30T00:05:00Z'));
});

test('property: every planned instant is inside the window, in order, and never before the start', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe'),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      fc.integer({ min: 0, max: 22 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
      fc.array(fc.integer({ min: 0, max: 40 * HOUR }), { minLength: 1, maxLength: 40 }),
      (zone, days, startHour, length, from, offsets) => {
        const endHour = Math.min(24, startHour + length);
        const window: SendWindow = {
          days,
          start: `${String(startHour).padStart(2, '0')}:00`,
          end: endHour === 24 ? '23:59' : `${String(endHour).padStart(2, '0')}:00`,
        };
        const clock = createOpenTimeClock(window, zone, from);
        let last = from;
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const planned = clock(offset);
          expect(planned).toBeGreaterThanOrEqual(last);
          expect(isOpenAt(window, zone, planned)).toBe(true);
          const local = DateTime.fromMillis(planned, { zone });
          expect(days).toContain(local.weekday);
          last = planned;
        }
      }
    ),
    { numRuns: 300 }
  );
});
