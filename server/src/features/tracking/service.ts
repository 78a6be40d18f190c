import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { TemplateError } from '../../content/liquid';
import { TEMPLATE_CONTACT_FIELDS, templateContactOf } from '../../content/template-contact';
import { deliveryOf, type TrackedDelivery } from './lookups';
import { maskEmail, type UnsubscribeView } from './pages';
import { isSuppressed } from '../audience/suppressions/active';

/** Delivery id 0 is what previews and test sends sign: a real link, but no delivery to count on. */
const NO_DELIVERY = 0;

/**
 * The public pages' work (the click and open GETs are answered by the fast path, fast-path.ts):
 * every token is verified here, in constant time and per purpose, before any row is read, and a
 * token that fails reads nothing. Unsubscribes change the contact and the suppression list.
 * Nothing here throws on a bad token: each endpoint decides how to answer one.
 */
const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const root = rootOf(strapi);
  const { tokens } = root;
  const verified = tokens.verified;

  const contactOf = (contactId: number) =>
    strapi.db.query(UID.contact).findOne({ where: { id: contactId }, select: ['documentId', 'state', ...TEMPLATE_CONTACT_FIELDS] });

  /** Concurrent POSTs for one delivery (a mailbox's one-click and its reader's click) share one run. */
  const unsubscribing = new Map<number, Promise<void>>();

  const applyUnsubscribe = async (delivery: TrackedDelivery) => {
    // The address the message went to is suppressed even when its contact is gone: a later import
    // must not mail it again. A bounced or complained contact keeps its state (contact-signals/precedence.ts).
    await root.signal({
      type: 'unsubscribe',
      contactIds: [delivery.contactId],
      address: { email: delivery.email, sourceEvent: `unsubscribe:${delivery.id}` },
    });
    // Last: a run that failed above leaves no event, and the next POST completes it. Through the
    // tracking buffer like the opens and clicks: the page does not wait for the event's write.
    root.running.tracking.add({ type: 'unsubscribe', deliveryId: delivery.id, at: Date.now() });
  };

  return {
    /**
     * The delivery's message as its recipient got it (merged for them, with their signed links),
     * or null. The open pixel is a blank inline image: reading it here is not an open.
     */
    async view(token: string): Promise<string | null> {
      const ids = verified('view', token);
      if (!ids || ids[0] === NO_DELIVERY) return null;
      const delivery = await deliveryOf(knex(), ids[0]);
      const contact = delivery && (await contactOf(delivery.contactId));
      if (!delivery || !contact) return null;
      const templateContact = templateContactOf(delivery.email, contact);
      try {
        return await root.running.webView.html(delivery, templateContact);
      } catch (error) {
        // The contact's data changed since the send and the template now fails on it: a page
        // that cannot be shown, not a server error.
        if (!(error instanceof TemplateError)) throw error;
        strapi.log.warn(`campaigns: the web view of delivery ${delivery.id} cannot be rendered: ${error.message}`);
        return null;
      }
    },

    /**
     * What the unsubscribe page shows for a token of this purpose; null for a token that is not
     * ours. The preferences link shows the same page until topic preferences exist; its button
     * posts to the delivery's unsubscribe URL. Reads only.
     */
    async unsubscribePage(token: string, purpose: 'unsubscribe' | 'preferences'): Promise<UnsubscribeView | null> {
      const ids = verified(purpose, token);
      if (!ids) return null;
      if (ids[0] === NO_DELIVERY) return { kind: 'test' };
      const delivery = await deliveryOf(knex(), ids[0]);
      if (!delivery) return null;
      const maskedEmail = maskEmail(delivery.email);
      const contact = await contactOf(delivery.contactId);
      // A deleted contact still gets the button: its address may come back with an import, a suppression would stop that.
      const notMailed = (contact && contact.state !== 'subscribed') || (await isSuppressed(strapi, delivery.email));
      if (notMailed) return { kind: 'done', maskedEmail };
      return { kind: 'form', maskedEmail, action: tokens.urls!.unsubscribe(delivery.id) };
    },

    /**
     * The unsubscribe POST (RFC 8058 one-click, or the page's button). It always ends in a page to
     * answer with 200: mailbox providers treat any other status as a failed unsubscribe, so a
     * forged or mangled token gets a page saying nothing changed rather than an error. Repeating
     * it is harmless: the suppression, the state and the event are each written once.
     */
    async unsubscribe(token: string): Promise<UnsubscribeView> {
      const ids = verified('unsubscribe', token);
      if (!ids) return { kind: 'invalid' };
      if (ids[0] === NO_DELIVERY) return { kind: 'test' };
      const delivery = await deliveryOf(knex(), ids[0]);
      if (!delivery) return { kind: 'invalid' };
      let run = unsubscribing.get(delivery.id);
      if (!run) {
        run = applyUnsubscribe(delivery).finally(() => unsubscribing.delete(delivery.id));
        unsubscribing.set(delivery.id, run);
      }
      await run;
      return { kind: 'done', maskedEmail: maskEmail(delivery.email) };
    },
  };
};

export type TrackingService = ReturnType<typeof createTrackingService>;
export default createTrackingService;
