import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';

interface ScheduleRow {
  id: number;
  state: string;
  scheduleVersion: number | null;
  sendAt: string | Date | null;
}

const WRITES = new Set(['create', 'update', 'delete', 'clone']);

const instantOf = (value: ScheduleRow['sendAt']) => (value === null ? null : new Date(value).getTime());

/**
 * Keeps a campaign's schedule job in step with writes made through Strapi's document service
 * (`strapi.documents('plugin::campaigns.campaign')`: a developer's code, another plugin), not only
 * the plugin's own schedule actions. A write that makes a campaign scheduled, or moves the time of a
 * scheduled one without a new schedule version, gets one (so the old job goes); the campaign's job
 * is then put in place, or removed once it is no longer scheduled or is deleted. The write itself
 * never fails for the queue: if Redis does not answer, the minute's reconcile does the same.
 */
export const keepScheduleJobsInStep = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UID.campaign);
  const rowOf = async (where: { documentId: string } | { id: number }) =>
    (await rows().findOne({ where, select: ['id', 'state', 'scheduleVersion', 'sendAt'] })) as ScheduleRow | null;

  const follow = async (before: ScheduleRow | null, after: ScheduleRow | null) => {
    const { scheduler } = rootOf(strapi).running;
    const sendAt = after && instantOf(after.sendAt);
    if (after && after.state === 'scheduled' && sendAt !== null) {
      let version = after.scheduleVersion ?? 0;
      const moved = !before || before.state !== after.state || instantOf(before.sendAt) !== sendAt;
      if (moved && before && (before.scheduleVersion ?? 0) === version) {
        version += 1;
        await rows().update({ where: { id: after.id }, data: { scheduleVersion: version } });
      }
      await scheduler.sync({ id: after.id, version, sendAt });
    } else if (before?.state === 'scheduled') {
      await scheduler.forget(before.id);
    }
  };

  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID.campaign || !WRITES.has(context.action)) return next();
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    const before = documentId ? await rowOf({ documentId }) : null;
    const result = await next();
    const written = (result as { documentId?: string } | null)?.documentId;
    try {
      const after = context.action === 'delete' ? null : await rowOf({ documentId: written ?? documentId! });
      await follow(before, after);
    } catch (error) {
      strapi.log.warn(
        `campaigns: the schedule job of campaign ${documentId ?? written} follows at the next reconcile: ${(error as Error).message}`
      );
    }
    return result;
  });
};
