import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { CampaignOwner } from './owner-notice';

interface OwnerRow {
  name: string;
  fromEmail: string | null;
  createdBy?: { email: string | null; firstname: string | null; lastname: string | null } | null;
}

/** A campaign's name, sender and the admin who created it (Strapi's createdBy), read by row id. */
export const campaignOwnerOf =
  (strapi: Core.Strapi) =>
  async (campaignId: number): Promise<CampaignOwner | null> => {
    const row = (await strapi.db.query(UID.campaign).findOne({
      where: { id: campaignId },
      select: ['name', 'fromEmail'],
      populate: { createdBy: { select: ['email', 'firstname', 'lastname'] } },
    })) as OwnerRow | null;
    if (!row) return null;
    const admin = row.createdBy;
    const name = [admin?.firstname, admin?.lastname].filter(Boolean).join(' ');
    return {
      name: row.name,
      fromEmail: row.fromEmail,
      owner: admin?.email ? { email: admin.email, name: name || null } : null,
    };
  };
