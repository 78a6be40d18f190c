import { z } from 'zod';
import { MAX_SPREAD_HOURS, SCHEDULE_MODES, WINDOW_ZONES } from '../../../../shared/contracts/schedule';
import { isTimeZone } from '../../validation/timezone';
import { CLOCK_TIME, parseWallTime } from './local-time';

const clockTime = z.string().regex(CLOCK_TIME, 'must be a time as HH:mm, 00:00 to 23:59');

const scheduleWindow = z
  .strictObject({
    days: z
      .array(z.number().int().min(1, 'days are 1 (Monday) to 7 (Sunday)').max(7, 'days are 1 (Monday) to 7 (Sunday)'))
      .min(1, 'needs at least one day')
      .refine((days) => new Set(days).size === days.length, 'names a day twice'),
    start: clockTime,
    end: clockTime,
    zone: z.enum(WINDOW_ZONES),
  })
  .refine((window) => window.start < window.end, {
    message: 'must be before end: a window does not cross midnight (use two days instead)',
    path: ['start'],
  });

/** A campaign's schedule as the API takes it (shared/contracts/schedule.ts); the send time itself is checked against the clock by the scheduler. */
export const scheduleInput = z
  .strictObject({
    mode: z.enum(SCHEDULE_MODES),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    time: clockTime,
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone, such as Europe/Paris or America/New_York'),
    spreadHours: z
      .number({ error: 'must be a number of hours, or null for none' })
      .int('must be whole hours')
      .min(1, 'at least 1 hour')
      .max(MAX_SPREAD_HOURS, `at most ${MAX_SPREAD_HOURS} hours (a week)`)
      .nullable()
      .optional(),
    window: scheduleWindow.nullable().optional(),
  })
  .refine((schedule) => parseWallTime(schedule.date, schedule.time) !== null, {
    message: 'is not a day of the calendar',
    path: ['date'],
  });

export type ScheduleInput = z.output<typeof scheduleInput>;
