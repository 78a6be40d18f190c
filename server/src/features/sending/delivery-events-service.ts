import type { Core } from '@strapi/strapi';
import { TABLES } from '../../constants';
import { applySignal, type ContactSignal } from '../../contact-signals/apply-signal';
import { signalTables } from '../../contact-signals/tables';
import type { DeliveryEvent, RecordedEvent } from '../../events/delivery-event';
import { createEventRecorder, type EventRecorder } from '../../events/recorder';
import { isHardBounce } from '../../events/smtp-bounce';
import { getService } from '../../services/get-service';

export interface SmtpBounce {
  permanent: boolean;
  responseCode: number | null;
  message: string;
  attempt: number;
}

/**
 * The process's one event recorder (events/recorder.ts: batched, idempotent, handed to the events
 * queue) and its contact signals (contact-signals/: the precedence table as conditional updates).
 * Every delivery event and every contact state change goes through here.
 */
const createDeliveryEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let recorder: EventRecorder | undefined;
  const recorderOf = () =>
    (recorder ??= createEventRecorder({
      knex: strapi.db.connection,
      queue: () => getService(strapi, 'queues').queue('events'),
      log: strapi.log,
    }));

  const service = {
    /** Records the event once (by its idempotency key); answers it, or null when it was already recorded. */
    record(event: DeliveryEvent): Promise<RecordedEvent | null> {
      return recorderOf().record(event);
    },

    /** Applies a signal to contacts (and the suppression it implies); answers how many contacts changed. */
    signal(signal: ContactSignal): Promise<number> {
      return applySignal(strapi.db.connection, signalTables(strapi), signal);
    },

    /**
     * A message the SMTP server refused: a bounce event (once per delivery and attempt). A hard
     * bounce also suppresses the address and marks its contact `bounced`, first: the event is
     * recorded last, so a run that failed before it is completed by the job's retry.
     */
    async recordSmtpBounce(deliveryId: number, bounce: SmtpBounce) {
      const row = await strapi.db
        .connection(TABLES.deliveries)
        .select('id', 'campaign_id', 'contact_id', 'email')
        .where({ id: deliveryId })
        .first();
      if (!row) return;
      const delivery = { id: Number(row.id), campaignId: Number(row.campaign_id), contactId: Number(row.contact_id) };
      const hard = bounce.permanent && isHardBounce(bounce.responseCode, bounce.message);
      // One campaign's soft bounces say little about the address; repeated ones across campaigns are the inbound pipeline's to judge.
      if (hard)
        await service.signal({
          type: 'bounce',
          contactIds: [delivery.contactId],
          address: { email: row.email, sourceEvent: `smtp-bounce:${deliveryId}` },
        });
      await service.record({
        type: 'bounce',
        source: 'smtp',
        delivery,
        at: Date.now(),
        reference: `${deliveryId}:${bounce.attempt}`,
        kind: hard ? 'hard' : bounce.permanent ? 'permanent' : 'soft-limit',
        code: bounce.responseCode,
        message: bounce.message,
      });
    },
  };
  return service;
};

export type DeliveryEventsService = ReturnType<typeof createDeliveryEventsService>;
export default createDeliveryEventsService;
