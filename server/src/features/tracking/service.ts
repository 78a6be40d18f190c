import type { Core } from '@strapi/strapi';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { TemplateError } from '../../content/liquid';
import { TEMPLATE_CONTACT_FIELDS, templateContactOf } from '../../content/template-contact';
import type { DeliveryEvent } from '../../events/delivery-event';
import { classifyUserAgent, isMachine } from './bots';
import { clickTarget, deliveryOf, linkUrl, type TrackedDelivery } from './lookups';
import type { TokenPurpose } from './tokens';

/** Who fetched a tracking URL; `record` is false for HEAD requests (link scanners), which are answered but not counted. */
export interface TrackingClient {
  userAgent: string | undefined;
  record: boolean;
}

/** Delivery id 0 is what previews and test sends sign: a real link, but no delivery to count on. */
export const NO_DELIVERY = 0;

/**
 * The public endpoints' work: every token is verified here, in constant time and per purpose,
 * before any row is read, and a token that fails reads nothing. Opens and clicks are recorded as
 * events (one per delivery, link and minute). Nothing here throws on a bad token: each endpoint
 * decides how to answer one. Unsubscribes are the preferences feature's.
 */
const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const root = rootOf(strapi);
  const { tokens } = root;
  const verified = tokens.verified;

  /** A lost open or click must not cost the reader their redirect or image: it is logged instead. */
  const record = async (event: DeliveryEvent) => {
    try {
      await root.running.events.record(event);
    } catch (error) {
      strapi.log.warn(`campaigns: the ${event.type} of delivery ${event.delivery.id} was not recorded: ${(error as Error).message}`);
    }
  };

  const machineOrHuman = (delivery: TrackedDelivery, client: TrackingClient, at: number) => {
    const kind = classifyUserAgent(client.userAgent);
    const isBot = isMachine(kind, at, delivery.sentAt);
    return { client: kind, isBot };
  };

  const contactOf = (contactId: number) =>
    strapi.db.query(UID.contact).findOne({ where: { id: contactId }, select: ['documentId', 'state', ...TEMPLATE_CONTACT_FIELDS] });

  return {
    /** What the public limits count a token as (`click:12.3`, ids only), or null when it does not verify for this purpose. */
    subjectOf(purpose: TokenPurpose, token: string): string | null {
      return tokens.subjectOf(purpose, token);
    },

    /** The URL a click token leads to, or null (unknown link, forged token, a link of another campaign). */
    async click(token: string, client: TrackingClient): Promise<string | null> {
      const ids = verified('click', token);
      if (!ids) return null;
      const [deliveryId, linkId] = ids;
      if (deliveryId === NO_DELIVERY) return linkUrl(knex(), linkId);
      const target = await clickTarget(knex(), deliveryId, linkId);
      if (!target) return null;
      if (client.record) {
        const at = Date.now();
        await record({
          type: 'click',
          source: 'tracking',
          delivery: target.delivery,
          at,
          linkId,
          ...machineOrHuman(target.delivery, client, at),
        });
      }
      return target.url;
    },

    /** Records an open for a genuine token; anything else is ignored, and nothing here fails the pixel. */
    async open(token: string, client: TrackingClient) {
      try {
        const ids = verified('open', token);
        if (!ids || ids[0] === NO_DELIVERY || !client.record) return;
        const delivery = await deliveryOf(knex(), ids[0]);
        if (!delivery) return;
        const at = Date.now();
        await record({ type: 'open', source: 'tracking', delivery, at, ...machineOrHuman(delivery, client, at) });
      } catch (error) {
        strapi.log.warn(`campaigns: an open was not recorded: ${(error as Error).message}`);
      }
    },

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
