import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { CampaignScheduleState } from '../../../../shared/contracts/schedule';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { fieldError, parseOrThrow } from '../../validation/errors';
import type { RuleGroup } from '../audience/segments/rules';
import { startRows } from '../sending/send-start';
import { instantOf, parseWallTime } from './local-time';
import { scheduleInput } from './schedule-input';

/**
 * Scheduling a campaign and taking it back: the schedule checked (a 400 naming the field), the
 * campaign checked as a send would check it, the row written with a new schedule version, then its
 * one job (scheduler.ts) put in place. The job re-reads all of it when it fires.
 */
const createSchedulingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const campaigns = () => strapi.db.query(UID.campaign);

  /** What the send's row lacks: the schedule version and the campaign's topic (whose suppressions the audience count leaves out). */
  const scheduleFactsOf = async (id: number) => {
    const row = (await campaigns().findOne({ where: { id }, select: ['scheduleVersion'], populate: { topic: { select: ['id'] } } })) as {
      scheduleVersion: number | null;
      topic?: { id: number } | null;
    };
    return { version: Number(row.scheduleVersion ?? 0), topicId: row.topic?.id ?? null };
  };

  const stateOf = async (documentId: string): Promise<CampaignScheduleState> => {
    const row = (await campaigns().findOne({ where: { documentId }, select: ['state', 'sendAt', 'schedule'] })) as {
      state: CampaignScheduleState['state'];
      sendAt: string | Date | null;
      schedule: CampaignScheduleState['schedule'];
    };
    return { documentId, state: row.state, sendAt: row.sendAt ? new Date(row.sendAt).toISOString() : null, schedule: row.schedule ?? null };
  };

  return {
    /** Schedules a draft, or moves a scheduled campaign to a new time. */
    async schedule(documentId: string, input: unknown): Promise<CampaignScheduleState> {
      const schedule = parseOrThrow(scheduleInput, input, 'schedule');
      if (schedule.mode !== 'at' || schedule.spreadHours || schedule.window) {
        throw fieldError(
          'schedule',
          'mode',
          'recipient-local sends, spreading and send windows are not available yet: schedule the campaign at a time, without them'
        );
      }
      const row = await startRows(strapi)({ documentId });
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      const { lifecycle, scheduler } = root.running;
      const rescheduling = row.state === 'scheduled';
      if (!rescheduling) lifecycle.assertCanTake(row, 'schedule');
      await root.readiness.assertReady(row);

      const sendAt = instantOf(parseWallTime(schedule.date, schedule.time)!, schedule.timezone);
      if (sendAt <= Date.now()) {
        const nowThere = DateTime.now().setZone(schedule.timezone).toFormat('yyyy-MM-dd HH:mm');
        throw fieldError(
          'schedule',
          'time',
          `${schedule.date} ${schedule.time} in ${schedule.timezone} has passed (it is ${nowThere} there): choose a later time`
        );
      }
      const facts = await scheduleFactsOf(row.id);
      if ((await root.audience.countRules(row.segment!.rules as RuleGroup, facts.topicId)) === 0) {
        throw fieldError('campaign', 'segment', 'the segment selects nobody who can be mailed now: choose another, or add contacts first');
      }

      const version = facts.version + 1;
      // Conditional on the state and version read: an editor or a job that moved it meanwhile wins, and this one is refused.
      const { count } = await campaigns().updateMany({
        where: { id: row.id, state: row.state, scheduleVersion: version - 1 },
        data: { schedule, sendAt: new Date(sendAt), timezoneMode: 'fixed', scheduleVersion: version },
      });
      if (count !== 1)
        throw new errors.ValidationError(`Campaign "${row.name}" changed while it was being scheduled: reload it and try again`);
      if (!rescheduling) await lifecycle.takeOrRefuse(row, 'schedule');
      await scheduler.sync({ id: row.id, version, sendAt });
      return stateOf(documentId);
    },

    /** Takes a scheduled campaign back to draft; its job goes. */
    async unschedule(documentId: string): Promise<CampaignScheduleState> {
      const row = await startRows(strapi)({ documentId });
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      const { lifecycle, scheduler } = root.running;
      await lifecycle.takeOrRefuse(row, 'unschedule');
      // A new version: a job that fires before it is removed finds its version stale.
      await campaigns().update({
        where: { id: row.id },
        data: { sendAt: null, scheduleVersion: (await scheduleFactsOf(row.id)).version + 1 },
      });
      await scheduler.forget(row.id);
      return stateOf(documentId);
    },
  };
};

export type SchedulingService = ReturnType<typeof createSchedulingService>;
export default createSchedulingService;
