import { DateTime } from 'luxon';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A wall-clock time: what a clock on the wall of a room in some zone shows. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The zone's offset from UTC at an instant, in minutes. */
export const offsetAt = (instant: number, zone: string): number => DateTime.fromMillis(instant, { zone }).offset;

/**
 * The instant a wall-clock time names in a zone. On the night clocks spring forward (02:00 to
 * 03:00 in Europe/Paris) 02:30 never happens: the answer is the first instant after the gap, 03:00.
 * On the night they fall back 01:30 happens twice: the answer is the first. Both are what an editor
 * who asked for "02:30" or "01:30" that night would least be surprised by, and the README says so.
 */
export const instantOf = (wall: WallTime, zone: string): number => {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(asUtc - DAY, zone);
  const after = offsetAt(asUtc + DAY, zone);
  const candidates = [...new Set([before, after, offsetAt(asUtc, zone)])].map((offset) => asUtc - offset * MINUTE);
  const valid = candidates.filter((instant) => asUtc - offsetAt(instant, zone) * MINUTE === instant);
  if (valid.length) return Math.min(...valid);
  // In the gap: the transition lies between the two readings, where the offset stops being `before`.
  let low = asUtc - after * MINUTE;
  let high = asUtc - before * MINUTE;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, zone) === before) low = middle;
    else high = middle;
  }
  return high;
};

/** The wall-clock time at an instant in a zone. */
export const wallTimeAt = (instant: number, zone: string): WallTime & { weekday: number } => {
  const at = DateTime.fromMillis(instant, { zone });
  return { year: at.year, month: at.month, day: at.day, hour: at.hour, minute: at.minute, weekday: at.weekday };
};

/** `HH:mm`, 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `2026-12-09` and `09:00` as a wall time, or null when either is not a real date or time. */
export const parseWallTime = (date: string, time: string): WallTime | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !CLOCK_TIME.test(time)) return null;
  const parsed = DateTime.fromFormat(`${date} ${time}`, 'yyyy-MM-dd HH:mm', { zone: 'UTC' });
  if (!parsed.isValid) return null;
  return { year: parsed.year, month: parsed.month, day: parsed.day, hour: parsed.hour, minute: parsed.minute };
};
