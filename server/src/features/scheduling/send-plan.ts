import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import { instantOf, parseWallTime, type WallTime } from './local-time';
import { createOpenTimeClock } from './send-window';

const HOUR = 3_600_000;

/** Contacts whose send starts at one instant: every zone whose wall clock shows the schedule's time then. */
export interface Wave {
  at: number;
  zones: string[];
}

const wallTimeOf = (schedule: CampaignSchedule): WallTime => {
  const wall = parseWallTime(schedule.date, schedule.time);
  if (!wall) throw new Error(`not a date and time: ${schedule.date} ${schedule.time}`);
  return wall;
};

/**
 * The instant each zone's send starts: the schedule's own for `at`, the zone's wall clock for
 * `recipient-local`. `zones` are the recipients' zones as each contact's send will use them (a
 * contact without a valid zone takes the campaign's).
 */
export const createStartOf = (schedule: CampaignSchedule) => {
  const wall = wallTimeOf(schedule);
  if (schedule.mode === 'at') {
    const at = instantOf(wall, schedule.timezone);
    return () => at;
  }
  const starts = new Map<string, number>();
  return (zone: string) => {
    let at = starts.get(zone);
    if (at === undefined) starts.set(zone, (at = instantOf(wall, zone)));
    return at;
  };
};

/** The waves of a send over these zones, earliest first: one for `at`, one per distinct start for `recipient-local`. */
export const wavesOf = (schedule: CampaignSchedule, zones: Iterable<string>): Wave[] => {
  const startOf = createStartOf(schedule);
  const waves = new Map<number, string[]>();
  for (const zone of zones) {
    const at = startOf(zone);
    const wave = waves.get(at) ?? [];
    if (!wave.includes(zone)) wave.push(zone);
    waves.set(at, wave);
  }
  return [...waves].sort(([a], [b]) => a - b).map(([at, waveZones]) => ({ at, zones: waveZones.sort() }));
};

/**
 * When one contact's message goes: its wave's start, plus its share of the spread (the `rank`-th of
 * `size` contacts in its wave, evenly over `spreadHours`), counted in the window's open time when
 * there is a window. Calls for one wave should come in growing rank: each window's clock then walks
 * its openings once, and a million contacts cost one pass.
 */
export const createSendClock = (schedule: CampaignSchedule) => {
  const startOf = createStartOf(schedule);
  const spreadMs = (schedule.spreadHours ?? 0) * HOUR;
  const window = schedule.window ?? null;
  const clocks = new Map<string, (openMs: number) => number>();
  return (zone: string, rank: number, size: number): number => {
    const start = startOf(zone);
    const offset = spreadMs && size > 0 ? Math.floor((rank * spreadMs) / size) : 0;
    if (!window) return start + offset;
    const windowZone = window.zone === 'recipient' ? zone : schedule.timezone;
    const key = `${windowZone}\u0000${start}`;
    let clock = clocks.get(key);
    if (!clock) clocks.set(key, (clock = createOpenTimeClock(window, windowZone, start)));
    return clock(offset);
  };
};
