import type { Core } from '@strapi/strapi';
import { TABLES, UID } from '../../constants';
import { isHardBounce } from '../../events/smtp-bounce';
import { getService } from '../../services/get-service';

export interface SmtpBounce {
  permanent: boolean;
  responseCode: number | null;
  message: string;
  attempt: number;
}

/**
 * Delivery events the send workers observe themselves. A refused message is a bounce event
 * (idempotent per delivery and attempt); a hard bounce also marks the contact `bounced` and
 * suppresses the address, so no later campaign mails it. Inbound bounces (DSN mail, provider
 * webhooks) will feed the same event table.
 */
const createDeliveryEventsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async recordSmtpBounce(deliveryId: number, bounce: SmtpBounce) {
    const knex = strapi.db.connection;
    const delivery = await knex(TABLES.deliveries).select('id', 'campaign_id', 'contact_id', 'email').where({ id: deliveryId }).first();
    if (!delivery) return;
    const hard = bounce.permanent && isHardBounce(bounce.responseCode, bounce.message);
    const now = Date.now();
    await knex(TABLES.events)
      .insert({
        idempotency_key: `smtp-bounce:${deliveryId}:${bounce.attempt}`,
        type: 'bounce',
        delivery_id: deliveryId,
        campaign_id: delivery.campaign_id,
        contact_id: delivery.contact_id,
        source: 'smtp',
        is_bot: false,
        data: JSON.stringify({ kind: hard ? 'hard' : bounce.permanent ? 'permanent' : 'soft-limit', code: bounce.responseCode, message: bounce.message }),
        occurred_at: now,
        created_at: now,
      })
      .onConflict(['idempotency_key'])
      .ignore();
    // One campaign's soft bounces say little about the address; repeated ones across campaigns are the inbound pipeline's to judge.
    if (!hard) return;
    await getService(strapi, 'suppressions').add({ email: delivery.email, reason: 'hard-bounce', sourceEvent: `smtp-bounce:${deliveryId}` });
    {
      const contact = await strapi.db.query(UID.contact).findOne({ where: { id: delivery.contact_id }, select: ['documentId', 'state'] });
      if (contact?.state === 'subscribed') await getService(strapi, 'contacts').setState(contact.documentId, 'bounced');
    }
  },
});

export type DeliveryEventsService = ReturnType<typeof createDeliveryEventsService>;
export default createDeliveryEventsService;
