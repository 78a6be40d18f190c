import fc from 'fast-check';
import { instantOf, offsetAt, parseWallTime, wallTimeAt } from '../local-time';

const at = (iso: string) => Date.parse(iso);
const wall = (date: string, time: string) => parseWallTime(date, time)!;

test('an ordinary time is the instant its zone gives it', () => {
  expect(instantOf(wall('2026-12-09', '09:00'), 'Europe/Paris')).toBe(at('2026-12-09T08:00:00Z'));
  expect(instantOf(wall('2026-07-09', '09:00'), 'America/New_York')).toBe(at('2026-07-09T13:00:00Z'));
  expect(instantOf(wall('2026-07-09', '09:00'), 'Asia/Kolkata')).toBe(at('2026-07-09T03:30:00Z'));
  expect(instantOf(wall('2026-07-09', '09:00'), 'UTC')).toBe(at('2026-07-09T09:00:00Z'));
});

test('a time in the spring-forward gap is the first instant after the gap', () => {
  // Paris: 29 March 2026, 02:00 CET becomes 03:00 CEST (01:00 UTC).
  expect(instantOf(wall('2026-03-29', '02:30'), 'Europe/Paris')).toBe(at('2026-03-29T01:00:00Z'));
  expect(instantOf(wall('2026-03-29', '02:00'), 'Europe/Paris')).toBe(at('2026-03-29T01:00:00Z'));
  expect(instantOf(wall('2026-03-29', '03:00'), 'Europe/Paris')).toBe(at('2026-03-29T01:00:00Z'));
  expect(instantOf(wall('2026-03-29', '01:59'), 'Europe/Paris')).toBe(at('2026-03-29T00:59:00Z'));
  // New York: 8 March 2026, 02:00 EST becomes 03:00 EDT (07:00 UTC).
  expect(instantOf(wall('2026-03-08', '02:30'), 'America/New_York')).toBe(at('2026-03-08T07:00:00Z'));
});

test('a time in the fall-back overlap is its first occurrence', () => {
  // Paris: 25 October 2026, 03:00 CEST becomes 02:00 CET: 02:30 happens at 00:30 and 01:30 UTC.
  expect(instantOf(wall('2026-10-25', '02:30'), 'Europe/Paris')).toBe(at('2026-10-25T00:30:00Z'));
  // New York: 1 November 2026, 02:00 EDT becomes 01:00 EST: 01:30 happens at 05:30 and 06:30 UTC.
  expect(instantOf(wall('2026-11-01', '01:30'), 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'));
  expect(instantOf(wall('2026-11-01', '02:00'), 'America/New_York')).toBe(at('2026-11-01T07:00:00Z'));
});

test('a time that is not on the calendar or the clock is refused', () => {
  expect(parseWallTime('2026-02-29', '09:00')).toBeNull();
  expect(parseWallTime('2026-12-09', '24:00')).toBeNull();
  expect(parseWallTime('2026-12-09', '9:00')).toBeNull();
  expect(parseWallTime('09/12/2026', '09:00')).toBeNull();
  expect(parseWallTime('2028-02-29', '23:59')).toEqual({ year: 2028, month: 2, day: 29, hour: 23, minute: 59 });
});

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago', 'UTC'];

test('property: the instant shows the asked time, or is the end of a gap; nothing earlier shows it', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }), (zone, instant) => {
      const shown = wallTimeAt(instant - (instant % 60_000), zone);
      const found = instantOf(shown, zone);
      const back = wallTimeAt(found, zone);
      expect([back.hour, back.minute, back.day]).toEqual([shown.hour, shown.minute, shown.day]);
      // The first occurrence: a minute before, or an hour before, shows something else.
      expect(found).toBeLessThanOrEqual(instant - (instant % 60_000));
    }),
    { numRuns: 2000 }
  );
});

test('property: the instant of a time in a gap is where the offset changes', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 4 * 365 }), (zone, days) => {
      const day = Date.UTC(2025, 0, 1) + days * 86_400_000;
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const asked = wallTimeAt(day, 'UTC');
        const wallTime = { ...asked, hour: Math.floor(minute / 60), minute: minute % 60 };
        const found = instantOf(wallTime, zone);
        const shown = wallTimeAt(found, zone);
        if (shown.hour !== wallTime.hour || shown.minute !== wallTime.minute) {
          expect(offsetAt(found - 1, zone)).not.toBe(offsetAt(found, zone));
        }
      }
    }),
    { numRuns: 200 }
  );
});
