import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { CampaignScheduleState, SchedulePreview } from '../../../../shared/contracts/schedule';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { fieldError, parseOrThrow } from '../../validation/errors';
import type { RuleGroup } from '../audience/segments/rules';
import { startRows, type StartRow } from '../sending/send-start';
import { calendarOf } from './calendar';
import { scheduleFacts } from './schedule-store';
import { scheduleInput, type ScheduleInput } from './schedule-input';
import { summarize } from './wave-plan';

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * Scheduling a campaign and taking it back: the schedule checked (a 400 naming the field), the
 * campaign checked as a send would check it, the row written with a new schedule version, then its
 * one job (scheduler.ts) put in place, at the first wave's start. The job re-reads all of it when
 * it fires, and the send plans each contact's instant then (send-plans.ts).
 */
const createSchedulingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const campaigns = () => strapi.db.query(UID.campaign);
  const factsOf = scheduleFacts(strapi);

  const stateOf = async (documentId: string): Promise<CampaignScheduleState> => {
    const row = (await campaigns().findOne({ where: { documentId }, select: ['state', 'sendAt', 'schedule'] })) as {
      state: CampaignScheduleState['state'];
      sendAt: string | Date | null;
      schedule: CampaignScheduleState['schedule'];
    };
    return {
      documentId,
      state: row.state,
      sendAt: row.sendAt ? iso(new Date(row.sendAt).getTime()) : null,
      schedule: row.schedule ?? null,
    };
  };

  const rowOf = async (documentId: string) => {
    const row = await startRows(strapi)({ documentId });
    if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
    return row;
  };

  /** The schedule over the campaign's audience as it is now: refused when it selects nobody, or when its first wave has passed. */
  const previewOf = async (row: StartRow, schedule: ScheduleInput, topicId: number | null): Promise<SchedulePreview> => {
    if (!row.segment) throw fieldError('campaign', 'segment', 'choose the segment to send to');
    const summary = summarize(schedule, await root.audience.zoneCounts(row.segment.rules as RuleGroup, topicId));
    if (!summary)
      throw fieldError('campaign', 'segment', 'the segment selects nobody who can be mailed now: choose another, or add contacts first');
    const sendAt = summary.waves[0].at;
    if (sendAt <= Date.now()) {
      if (schedule.mode === 'recipient-local') {
        throw fieldError(
          'schedule',
          'date',
          `${schedule.date} ${schedule.time} has already passed in some of the audience's time zones (the first wave was due at ${iso(sendAt)}): choose a later date, at least a day ahead`
        );
      }
      const nowThere = DateTime.now().setZone(schedule.timezone).toFormat('yyyy-MM-dd HH:mm');
      throw fieldError(
        'schedule',
        'time',
        `${schedule.date} ${schedule.time} in ${schedule.timezone} has passed (it is ${nowThere} there): choose a later time`
      );
    }
    return {
      sendAt: iso(sendAt),
      firstAt: iso(summary.firstAt),
      lastAt: iso(summary.lastAt),
      contacts: summary.contacts,
      waves: summary.waves.map((wave) => ({ ...wave, at: iso(wave.at) })),
    };
  };

  return {
    /** The campaigns scheduled, or sent, in a span of days (the calendar). */
    calendar: calendarOf(strapi),

    /** What the schedule would do for this campaign's audience now, without setting it. */
    async preview(documentId: string, input: unknown): Promise<SchedulePreview> {
      const schedule = parseOrThrow(scheduleInput, input, 'schedule');
      const row = await rowOf(documentId);
      return previewOf(row, schedule, (await factsOf(row.id)).topicId);
    },

    /**
     * Schedules a draft, or moves a scheduled campaign to a new time. `ifVersion`: the schedule
     * version the caller read (the calendar's move); another is refused rather than overwritten.
     */
    async schedule(documentId: string, input: unknown, { ifVersion }: { ifVersion?: unknown } = {}): Promise<CampaignScheduleState> {
      const schedule = parseOrThrow(scheduleInput, input, 'schedule');
      if (ifVersion !== undefined && !Number.isInteger(ifVersion)) {
        throw fieldError('schedule', 'ifVersion', 'must be the whole-number schedule version you read');
      }
      const row = await rowOf(documentId);
      const { lifecycle, scheduler } = root.running;
      const rescheduling = row.state === 'scheduled';
      if (!rescheduling) lifecycle.assertCanTake(row, 'schedule');
      await root.readiness.assertReady(row);
      const facts = await factsOf(row.id);
      if (ifVersion !== undefined && ifVersion !== facts.version) {
        throw new errors.ValidationError(`Campaign "${row.name}" was rescheduled since you read it: reload it and try again`);
      }
      const sendAt = Date.parse((await previewOf(row, schedule, facts.topicId)).sendAt);

      const version = facts.version + 1;
      // Conditional on the state and version read: an editor or a job that moved it meanwhile wins, and this one is refused.
      const { count } = await campaigns().updateMany({
        where: { id: row.id, state: row.state, scheduleVersion: version - 1 },
        data: {
          schedule,
          sendAt: new Date(sendAt),
          timezoneMode: schedule.mode === 'recipient-local' ? 'recipient-local' : 'fixed',
          scheduleVersion: version,
        },
      });
      if (count !== 1)
        throw new errors.ValidationError(`Campaign "${row.name}" changed while it was being scheduled: reload it and try again`);
      if (!rescheduling) await lifecycle.takeOrRefuse(row, 'schedule');
      await scheduler.sync({ id: row.id, version, sendAt });
      return stateOf(documentId);
    },

    /** Takes a scheduled campaign back to draft; its job goes. */
    async unschedule(documentId: string): Promise<CampaignScheduleState> {
      const row = await rowOf(documentId);
      const { lifecycle, scheduler } = root.running;
      await lifecycle.takeOrRefuse(row, 'unschedule');
      // A new version: a job that fires before it is removed finds its version stale.
      await campaigns().update({
        where: { id: row.id },
        data: { sendAt: null, scheduleVersion: (await factsOf(row.id)).version + 1 },
      });
      await scheduler.forget(row.id);
      return stateOf(documentId);
    },
  };
};

export type SchedulingService = ReturnType<typeof createSchedulingService>;
export default createSchedulingService;
