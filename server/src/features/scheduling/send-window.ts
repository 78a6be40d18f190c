import { DateTime } from 'luxon';
import { instantOf } from './local-time';

/** When sending may happen: on these ISO weekdays (1 Monday to 7 Sunday), from `start` to `end` (`HH:mm`, start before end). */
export interface SendWindow {
  days: readonly number[];
  start: string;
  end: string;
}

const clockOf = (time: string) => ({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });

/** The window's open stretches in a zone, as [open, close) instants, from the one open at `from` (cut to start there) onward. */
function* openingsFrom(window: SendWindow, zone: string, from: number): Generator<[number, number]> {
  const start = clockOf(window.start);
  const end = clockOf(window.end);
  // The window never crosses midnight: the day `from` falls on is the first that can hold it.
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  for (;;) {
    if (window.days.includes(day.weekday)) {
      const date = { year: day.year, month: day.month, day: day.day };
      const open = instantOf({ ...date, ...start }, zone);
      const close = instantOf({ ...date, ...end }, zone);
      // A window that a DST gap swallows whole (02:00 to 02:30 on that night) is not open that day.
      if (close > from && close > open) yield [Math.max(open, from), close];
    }
    day = day.plus({ days: 1 });
  }
}

/**
 * The instant at which `openMs` of the window's open time has passed since `from`: with 0, `from`
 * itself when the window is open then, else its next opening. Queries with growing `openMs` (a
 * spread campaign's contacts in order) walk the openings once; a smaller one starts again.
 */
export const createOpenTimeClock = (window: SendWindow, zone: string, from: number) => {
  let openings = openingsFrom(window, zone, from);
  let current = openings.next().value as [number, number];
  // Open time used by the openings before `current`.
  let passed = 0;
  return (openMs: number): number => {
    if (openMs < passed) {
      openings = openingsFrom(window, zone, from);
      current = openings.next().value as [number, number];
      passed = 0;
    }
    for (;;) {
      const [open, close] = current;
      if (open + (openMs - passed) < close) return open + (openMs - passed);
      passed += close - open;
      current = openings.next().value as [number, number];
    }
  };
};

/** Whether the instant falls inside the window in the zone. */
export const isOpenAt = (window: SendWindow, zone: string, instant: number): boolean =>
  createOpenTimeClock(window, zone, instant)(0) === instant;
