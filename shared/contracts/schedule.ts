/**
 * A campaign's schedule as editors set it and the server keeps it. `date` and `time` are a wall
 * clock (`2026-12-09`, `09:00`): in `timezone` for `at`, in each recipient's own zone for
 * `recipient-local` (`timezone` then serves contacts without one). `spreadHours` sends each wave
 * evenly over that many hours instead of at once; `window` defers whatever would fall outside it to
 * its next opening, in the recipient's zone or the campaign's.
 */
export const SCHEDULE_MODES = ['at', 'recipient-local'] as const;
export type ScheduleMode = (typeof SCHEDULE_MODES)[number];

export const WINDOW_ZONES = ['recipient', 'campaign'] as const;
export type WindowZone = (typeof WINDOW_ZONES)[number];

export interface ScheduleWindow {
  /** ISO weekdays: 1 Monday to 7 Sunday. */
  days: number[];
  /** `HH:mm`, before `end`: a window does not cross midnight. */
  start: string;
  end: string;
  zone: WindowZone;
}

export interface CampaignSchedule {
  mode: ScheduleMode;
  date: string;
  time: string;
  timezone: string;
  spreadHours?: number | null;
  window?: ScheduleWindow | null;
}

/** The longest spread: a week. */
export const MAX_SPREAD_HOURS = 168;

/** What the schedule and unschedule actions answer: the campaign's state, its first send instant (ISO 8601) and its schedule. */
export interface CampaignScheduleState {
  documentId: string;
  state: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'failed';
  sendAt: string | null;
  schedule: CampaignSchedule | null;
}

/** What a schedule would do, before it is set (POST .../schedule/preview): instants are ISO 8601. */
export interface SchedulePreview {
  /** When the audience freezes and the first wave starts. */
  sendAt: string;
  /** The first and the last message (a window or a spread moves them). */
  firstAt: string;
  lastAt: string;
  contacts: number;
  waves: Array<{ at: string; contacts: number; zones: number }>;
}

/** The longest span the calendar reads at once (a month view with its spill-over weeks). */
export const MAX_CALENDAR_DAYS = 62;

/**
 * A campaign on the calendar (GET /campaigns/calendar?from=&to=, ISO instants): a scheduled one at
 * its send time, with its schedule (the day it belongs to is its schedule's own date); one that
 * went (sending, paused, sent, cancelled, failed) at the instant its send started.
 */
export interface CalendarEntry {
  documentId: string;
  name: string;
  state: CampaignScheduleState['state'];
  at: string;
  schedule: CampaignSchedule | null;
  /** The schedule's version as read: a move sends it back (`ifVersion`), so a change made meanwhile is not overwritten. */
  version: number;
}
