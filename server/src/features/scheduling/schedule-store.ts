import type { Core } from '@strapi/strapi';
import type { CampaignSchedule } from '../../../../shared/contracts/schedule';
import { UID } from '../../constants';
import type { ScheduledCampaign, ScheduleStore } from './scheduler';

interface Row {
  id: number;
  state: string;
  scheduleVersion: number | null;
  sendAt: string | Date | null;
}

const scheduledOf = (row: Row): ScheduledCampaign | null => {
  const sendAt = row.sendAt === null ? NaN : new Date(row.sendAt).getTime();
  return Number.isFinite(sendAt) ? { id: row.id, version: row.scheduleVersion ?? 0, sendAt } : null;
};

const SELECT = ['id', 'state', 'scheduleVersion', 'sendAt'];

/**
 * The schedules in the campaigns table, through Strapi's query engine (the content type owns the
 * table). A scheduled campaign without a send time (written around the API) has no job to keep.
 */
export const campaignSchedules = (strapi: Core.Strapi): ScheduleStore => ({
  async scheduled() {
    const rows = (await strapi.db.query(UID.campaign).findMany({ where: { state: 'scheduled' }, select: SELECT })) as Row[];
    return rows.map(scheduledOf).filter((campaign): campaign is ScheduledCampaign => campaign !== null);
  },
  async find(campaignId) {
    const row = (await strapi.db.query(UID.campaign).findOne({ where: { id: campaignId }, select: SELECT })) as Row | null;
    const scheduled = row && scheduledOf(row);
    return row && scheduled ? { ...scheduled, state: row.state } : null;
  },
});

/** What a campaign's schedule rests on beside its state: the schedule, its version, and the topic whose suppressions leave its audience. */
export interface ScheduleFacts {
  schedule: CampaignSchedule | null;
  version: number;
  topicId: number | null;
}

export const scheduleFacts =
  (strapi: Core.Strapi) =>
  async (campaignId: number): Promise<ScheduleFacts> => {
    const row = (await strapi.db.query(UID.campaign).findOne({
      where: { id: campaignId },
      select: ['schedule', 'scheduleVersion'],
      populate: { topic: { select: ['id'] } },
    })) as { schedule: CampaignSchedule | null; scheduleVersion: number | null; topic?: { id: number } | null } | null;
    return { schedule: row?.schedule ?? null, version: Number(row?.scheduleVersion ?? 0), topicId: row?.topic?.id ?? null };
  };
