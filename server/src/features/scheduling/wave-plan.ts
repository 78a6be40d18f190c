import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import { isTimeZone } from '../../validation/timezone';
import { createSendClock, createStartOf } from './send-plan';

/** One wave of a planned send: its start, how many contacts it holds, how many have been given a time so far. */
export interface PlannedWave {
  at: number;
  size: number;
  placed: number;
}

/**
 * A send's plan as its send record keeps it, saved with the dispatch cursor after every page: a
 * dispatch that resumes from the cursor resumes from this too, and gives every contact the time
 * it would have had.
 */
export interface WavePlanState {
  schedule: CampaignSchedule;
  waves: PlannedWave[];
}

/** How many of the audience's contacts have each zone (null: none set). */
export interface ZoneCount {
  zone: string | null;
  count: number;
}

/** Whether a schedule needs a time per contact: not when everyone's message starts at one instant. */
export const needsPlan = (schedule: CampaignSchedule | null | undefined): schedule is CampaignSchedule =>
  Boolean(schedule && (schedule.mode === 'recipient-local' || schedule.spreadHours || schedule.window));

/** The zone a contact's send uses: theirs when it is a real IANA zone, else the campaign's. */
const createZoneOf = (fallback: string) => {
  const known = new Map<string, boolean>();
  return (zone: string | null | undefined) => {
    if (!zone) return fallback;
    let valid = known.get(zone);
    if (valid === undefined) known.set(zone, (valid = isTimeZone(zone)));
    return valid ? zone : fallback;
  };
};

/** The waves of a schedule over an audience counted by zone, earliest first, none placed yet. */
export const planWaves = (schedule: CampaignSchedule, counts: readonly ZoneCount[]): WavePlanState => {
  const zoneOf = createZoneOf(schedule.timezone);
  const startOf = createStartOf(schedule);
  const sizes = new Map<number, number>();
  for (const { zone, count } of counts) {
    const at = startOf(zoneOf(zone));
    sizes.set(at, (sizes.get(at) ?? 0) + count);
  }
  const waves = [...sizes].sort(([a], [b]) => a - b).map(([at, size]) => ({ at, size, placed: 0 }));
  return { schedule, waves };
};

/**
 * Gives each contact of the pages, in the order the dispatch reads them, the instant its message
 * is due (createSendClock: its wave's start, its share of the spread, the window). Holds only the
 * waves' counters and the zones' clocks, never the audience: a million contacts page through it.
 * A contact in a wave the count did not see (its zone changed since) joins that wave's end.
 */
export const openWavePlan = (saved: WavePlanState) => {
  const { schedule } = saved;
  const zoneOf = createZoneOf(schedule.timezone);
  const startOf = createStartOf(schedule);
  const clock = createSendClock(schedule);
  const waves = new Map(saved.waves.map((wave) => [wave.at, { ...wave }]));
  return {
    place(contacts: ReadonlyArray<{ timezone?: string | null }>): number[] {
      return contacts.map((contact) => {
        const zone = zoneOf(contact.timezone);
        const at = startOf(zone);
        let wave = waves.get(at);
        if (!wave) waves.set(at, (wave = { at, size: 0, placed: 0 }));
        const rank = wave.placed;
        wave.placed += 1;
        const size = Math.max(wave.size, wave.placed);
        return clock(zone, Math.min(rank, size - 1), size);
      });
    },
    state(): WavePlanState {
      return { schedule, waves: [...waves.values()].sort((a, b) => a.at - b.at).map((wave) => ({ ...wave })) };
    },
  };
};

export type WavePlan = ReturnType<typeof openWavePlan>;

/** What an editor reads before scheduling: the waves, and when the first and the last message go. */
export interface WaveSummary {
  firstAt: number;
  lastAt: number;
  contacts: number;
  waves: Array<{ at: number; contacts: number; zones: number }>;
}

/**
 * The plan's summary over an audience counted by zone: the first message goes at the first
 * wave's first due instant, the last at the latest due instant of any zone's last contact (a
 * window or a spread moves both).
 */
export const summarize = (schedule: CampaignSchedule, counts: readonly ZoneCount[]): WaveSummary | null => {
  const { waves } = planWaves(schedule, counts);
  if (!waves.length) return null;
  const zoneOf = createZoneOf(schedule.timezone);
  const startOf = createStartOf(schedule);
  const clock = createSendClock(schedule);
  const sizeOf = new Map(waves.map((wave) => [wave.at, wave.size]));
  const zonesOf = new Map<number, Set<string>>();
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (const { zone } of counts) {
    const own = zoneOf(zone);
    const at = startOf(own);
    const size = sizeOf.get(at)!;
    if (!zonesOf.has(at)) zonesOf.set(at, new Set());
    zonesOf.get(at)!.add(own);
    firstAt = Math.min(firstAt, clock(own, 0, size));
    lastAt = Math.max(lastAt, clock(own, size - 1, size));
  }
  return {
    firstAt,
    lastAt,
    contacts: waves.reduce((sum, wave) => sum + wave.size, 0),
    waves: waves.map((wave) => ({ at: wave.at, contacts: wave.size, zones: zonesOf.get(wave.at)?.size ?? 0 })),
  };
};
