import type { Core } from '@strapi/strapi';
import { trackingUrls } from '../../server/src/features/tracking/urls';
import { getService } from '../../server/src/services/get-service';
import { seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET } from './sending';

/** The signed paths of the test app (sendingEnv), without the public URL: what supertest requests. */
export const publicPaths = () => {
  const urls = trackingUrls(TEST_PUBLIC_URL, TEST_SIGNING_SECRET);
  const path = (url: string) => url.slice(TEST_PUBLIC_URL.length);
  return {
    urls,
    path,
    preferences: (deliveryId: number) => path(urls.preferences(deliveryId)),
    unsubscribe: (deliveryId: number) => path(urls.unsubscribe(deliveryId)),
    tokenOf: (url: string) => url.split('/').filter(Boolean).pop()!,
  };
};

export interface Recipient {
  email: string;
  contactId: number;
  contactDocumentId: string;
  deliveryId: number;
}

/**
 * Contacts (with the given topics), a campaign to them and one sent delivery each, written
 * straight to the delivery table: the preference and unsubscribe pages need a delivery, not the
 * message it came from.
 */
export const seedRecipients = async (
  strapi: Core.Strapi,
  name: string,
  people: Array<{ email: string; topics?: string[]; locale?: string }>
): Promise<Record<string, Recipient>> => {
  const campaign = await seedCampaign(strapi, name, people);
  const knex = strapi.db.connection;
  const campaignRow = await strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId: campaign.documentId } });
  const recipients: Record<string, Recipient> = {};
  for (const person of people) {
    const contact = (await getService(strapi, 'contacts').findByEmail(person.email))!;
    const contactRow = await strapi.db.query('plugin::campaigns.contact').findOne({ where: { documentId: contact.documentId } });
    const row = { campaign_id: campaignRow.id, contact_id: contactRow.id };
    await knex('campaigns_deliveries').insert({ ...row, email: person.email, state: 'sent', sent_at: Date.now() - 3_600_000 });
    // One delivery per campaign and contact (a unique key): found again without RETURNING, which MySQL lacks.
    const deliveryId = Number((await knex('campaigns_deliveries').where(row).first('id')).id);
    recipients[person.email] = { email: person.email, contactId: contactRow.id, contactDocumentId: contact.documentId, deliveryId };
  }
  return recipients;
};

/** A urlencoded body, fields in order, repeated names allowed. */
export const formBody = (fields: Array<[string, string]>) =>
  fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** The delivery's address refused for good by the SMTP server: the contact `bounced`, the address suppressed. */
export const hardBounce = (strapi: Core.Strapi, deliveryId: number) =>
  getService(strapi, 'deliveryEvents').recordSmtpBounce(deliveryId, {
    permanent: true,
    responseCode: 550,
    message: '5.1.1 User unknown',
    attempt: 1,
  });
