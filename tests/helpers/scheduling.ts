import { DateTime } from 'luxon';
import { rootOf } from '../../server/src/composition/accessor';
import type { GroupApp } from './integration-group';

/** A wall-clock time in Paris this far from now (whole minutes: what the schedule takes). */
export const inParis = (minutes: number) => {
  const at = DateTime.now().setZone('Europe/Paris').plus({ minutes }).startOf('minute');
  return { mode: 'at', date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm'), timezone: 'Europe/Paris' };
};

/** What the scheduling modules of the sending group share: their app's scheduling calls and rows. */
export const schedulingHandles = ({ strapi, api, auth, sink }: Pick<GroupApp, 'strapi' | 'api' | 'auth' | 'sink'>) => {
  const running = () => rootOf(strapi()).running;
  const campaignRow = (documentId: string) =>
    strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId }, select: ['id', 'state', 'scheduleVersion', 'sendAt', 'pauseReason'] });
  return {
    running,
    campaignRow,
    people: (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${tag}${i}@schedule.test`, firstName: `P${i}` })),
    receivedFor: (tag: string) => sink().received.filter((m) => m.rcptTo[0].startsWith(tag)),
    schedule: (documentId: string, data: unknown) => api().post(`/campaigns/campaigns/${documentId}/schedule`).set(auth()).send({ data }),
    preview: (documentId: string, data: unknown) =>
      api().post(`/campaigns/campaigns/${documentId}/schedule/preview`).set(auth()).send({ data }),

    /**
     * Brings a scheduled campaign's time to `ms` from now, as a new version written straight to the
     * row: the reconcile must replace the job of the old version with one that fires then. A
     * schedule takes whole minutes; the tests wait seconds.
     */
    async dueIn(documentId: string, ms: number) {
      const row = await campaignRow(documentId);
      await strapi()
        .db.query('plugin::campaigns.campaign')
        .update({ where: { id: row.id }, data: { sendAt: new Date(Date.now() + ms), scheduleVersion: row.scheduleVersion + 1 } });
      await running().scheduler.reconcile();
      return { id: row.id as number, version: (row.scheduleVersion + 1) as number };
    },
  };
};
