import { parseOrThrow } from '../../../validation/errors';
import { scheduleInput } from '../schedule-input';

const valid = { mode: 'recipient-local', date: '2026-12-09', time: '09:00', timezone: 'Europe/Paris' };

const refusal = (input: unknown) => {
  try {
    parseOrThrow(scheduleInput, input, 'schedule');
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

test('a complete schedule is taken as it is', () => {
  const input = { ...valid, spreadHours: 6, window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', zone: 'recipient' } };
  expect(parseOrThrow(scheduleInput, input, 'schedule')).toEqual(input);
});

test.each([
  [{ ...valid, mode: 'later' }, /mode: Invalid option/],
  [{ ...valid, date: '09/12/2026' }, /date: must be a date as YYYY-MM-DD/],
  [{ ...valid, date: '2026-02-30' }, /date: is not a day of the calendar/],
  [{ ...valid, time: '24:00' }, /time: must be a time as HH:mm, 00:00 to 23:59/],
  [{ ...valid, timezone: 'Paris' }, /timezone: must be an IANA time zone/],
  [{ ...valid, timezone: 'Mars/Olympus' }, /timezone: must be an IANA time zone/],
  [{ ...valid, spreadHours: 0 }, /spreadHours: at least 1 hour/],
  [{ ...valid, spreadHours: 1.5 }, /spreadHours: must be whole hours/],
  [{ ...valid, spreadHours: 200 }, /spreadHours: at most 168 hours/],
  [{ ...valid, window: { days: [], start: '09:00', end: '17:00', zone: 'recipient' } }, /window.days: needs at least one day/],
  [{ ...valid, window: { days: [0, 8], start: '09:00', end: '17:00', zone: 'recipient' } }, /window.days.0: days are 1 \(Monday\) to 7/],
  [{ ...valid, window: { days: [1, 1], start: '09:00', end: '17:00', zone: 'recipient' } }, /window.days: names a day twice/],
  [{ ...valid, window: { days: [1], start: '22:00', end: '06:00', zone: 'recipient' } }, /window.start: must be before end/],
  [{ ...valid, window: { days: [1], start: '09:00', end: '17:00', zone: 'mine' } }, /window.zone: Invalid option/],
  [{ ...valid, sendAt: '2026-12-09T09:00:00Z' }, /sendAt: unknown field/],
  [{ mode: 'at' }, /date: .*time: .*timezone: /],
])('%o is refused, saying what to fix', (input, message) => {
  expect(refusal(input)).toMatch(message);
});
