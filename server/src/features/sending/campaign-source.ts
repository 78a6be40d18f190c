import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { CampaignSource } from './engine-ports';
import type { CampaignRow } from './prepared-campaign';

/** The columns of a campaign the send flow and the sending service read. */
export const CAMPAIGN_FIELDS = [
  'id',
  'documentId',
  'name',
  'subject',
  'preheader',
  'fromName',
  'fromEmail',
  'replyTo',
  'content',
  'plainText',
  'state',
  'updatedAt',
] as const;

/** The campaign rows the send flow reads, through Strapi's query engine (the content type owns the table). */
export const campaignSource = (strapi: Core.Strapi): CampaignSource => ({
  async load(campaignId) {
    const row = (await strapi.db
      .query(UID.campaign)
      .findOne({ where: { id: campaignId }, select: [...CAMPAIGN_FIELDS], populate: { topic: { select: ['id'] } } })) as
      (Omit<CampaignRow, 'topicId'> & { topic?: { id: number } | null }) | null;
    if (!row) return null;
    const { topic, ...fields } = row;
    return { ...fields, topicId: topic?.id ?? null };
  },
  async idsInState(state) {
    const rows: Array<{ id: number }> = await strapi.db.query(UID.campaign).findMany({ where: { state }, select: ['id'] });
    return rows.map((row) => row.id);
  },
});
