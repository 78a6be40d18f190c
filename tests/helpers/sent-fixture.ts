import type { Core } from '@strapi/strapi';

/**
 * A campaign as a send would have left it, without sending: one contact and one sent delivery per
 * address (its Message-ID `<address@messageDomain>`, for notices to quote), the send record
 * started `sentAt`, and the campaign `sent`. For pages that read what came back, not how it went out.
 */
export const insertSentCampaign = async (
  strapi: Core.Strapi,
  name: string,
  emails: string[],
  { sentAt, messageDomain }: { sentAt: number; messageDomain: string }
) => {
  const plugin = strapi.plugin('campaigns');
  const knex = strapi.db.connection;
  const idOf = async (uid: string, documentId: string) =>
    (await strapi.db.query(uid as never).findOne({ where: { documentId } })).id as number;
  const campaign = await plugin.service('campaigns').create({ name });
  const campaignId = await idOf('plugin::campaigns.campaign', campaign.documentId);
  for (const email of emails) {
    const contact = await plugin.service('contacts').create({ email });
    await knex('campaigns_deliveries').insert({
      campaign_id: campaignId,
      contact_id: await idOf('plugin::campaigns.contact', contact.documentId),
      state: 'sent',
      email,
      message_id: `<${email}@${messageDomain}>`,
      attempts: 1,
      queued_at: sentAt,
      sending_at: sentAt,
      sent_at: sentAt,
    });
  }
  await knex('campaigns_sends').insert({
    campaign_id: campaignId,
    state: 'dispatched',
    run: 0,
    rules: JSON.stringify({ match: 'all', rules: [] }),
    cursor: 0,
    started_at: sentAt,
    dispatched_at: sentAt,
    finished_at: sentAt,
    updated_at: sentAt,
  });
  await strapi.db.query('plugin::campaigns.campaign').update({ where: { id: campaignId }, data: { state: 'sent' } });
  return { campaignId, documentId: campaign.documentId as string };
};
