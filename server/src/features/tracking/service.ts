import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { TemplateError } from '../../content/liquid';
import { TEMPLATE_CONTACT_FIELDS, templateContactOf } from '../../content/template-contact';
import { deliveryOf } from './lookups';

/** Delivery id 0 is what previews and test sends sign: a real link, but no delivery to count on. */
export const NO_DELIVERY = 0;

/**
 * The web view's work (the click and open GETs are the fast path's, fast-path.ts): the token is
 * verified here, in constant time and per purpose, before any row is read, and a token that fails
 * reads nothing. Unsubscribes are the preferences feature's.
 */
const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const root = rootOf(strapi);
  const verified = root.tokens.verified;

  const contactOf = (contactId: number) =>
    strapi.db.query(UID.contact).findOne({ where: { id: contactId }, select: ['documentId', 'state', ...TEMPLATE_CONTACT_FIELDS] });

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
  };
};

export type TrackingService = ReturnType<typeof createTrackingService>;
export default createTrackingService;
