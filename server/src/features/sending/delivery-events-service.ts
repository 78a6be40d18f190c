import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import type { ContactSignal } from '../../contact-signals/apply-signal';
import type { DeliveryEvent, RecordedEvent } from '../../events/delivery-event';
import type { SmtpBounce } from '../../events/smtp-bounce';

/**
 * The one event write path and the one contact signal path, for developers and the plugin's own
 * callers: the composition root holds the process's recorder (events/recorder.ts: batched,
 * idempotent, handed to the events queue) and its signal (contact-signals/: the precedence table as
 * conditional updates). Every delivery event and every contact state change goes through them.
 */
const createDeliveryEventsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Records the event once (by its idempotency key); answers it, or null when it was already recorded. */
  record(event: DeliveryEvent): Promise<RecordedEvent | null> {
    return rootOf(strapi).running.events.record(event);
  },

  /** Applies a signal to contacts (and the suppression it implies); answers how many contacts changed. */
  signal(signal: ContactSignal): Promise<number> {
    return rootOf(strapi).signal(signal);
  },

  /** A message the SMTP server refused (events/smtp-bounce.ts). */
  recordSmtpBounce(deliveryId: number, bounce: SmtpBounce): Promise<void> {
    return rootOf(strapi).running.bounces.recordSmtpBounce(deliveryId, bounce);
  },
});

export type DeliveryEventsService = ReturnType<typeof createDeliveryEventsService>;
export default createDeliveryEventsService;
