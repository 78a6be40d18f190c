/**
 * Every `campaigns.*` event the rest of a site can react to: emitted on Strapi's event hub for code,
 * and registered as Strapi webhook events (Settings → Webhooks). One declaration: the announcer,
 * the webhook registration and the README's table read this.
 *
 * Every payload names the contact by id. `email` is filled by the caller where it knows the
 * address; the announcer removes it unless the site turned `events.includeEmail` on.
 */

/** Who or what made a change: the recipient on a public page, an editor, an import, the inbound pipeline... */
export type ChangeOrigin = 'recipient' | 'admin' | 'api' | 'import' | 'source' | 'inbound' | 'tracking' | 'system';

interface AboutContact {
  contactId: number | null;
  contactDocumentId?: string | null;
  email?: string | null;
  origin: ChangeOrigin;
}

interface AboutDelivery {
  campaignId: number | null;
  deliveryId: number | null;
}

interface AboutSuppression {
  suppressionDocumentId: string;
  /** null after an erasure: the suppression is kept by the address's hash only. */
  email?: string | null;
  reason: string;
  scope: 'global' | 'topic';
  topic: string | null;
  expiresAt: string | null;
  origin: ChangeOrigin;
}

interface AboutCampaign {
  campaignId: number;
  documentId: string;
}

export interface SiteEventPayloads {
  'campaigns.subscribe': AboutContact;
  'campaigns.unsubscribe': AboutContact & Partial<AboutDelivery> & { topic?: null };
  'campaigns.resubscribe': AboutContact;
  /** A contact joined or left topics (slugs). */
  'campaigns.topics.change': AboutContact & { joined: string[]; left: string[] };
  'campaigns.suppression.create': AboutSuppression;
  'campaigns.suppression.delete': AboutSuppression & { removedBy: { id: number; name: string } | null; note: string | null };
  'campaigns.bounce': AboutContact & AboutDelivery & { bounceType: string | null; reason: string | null; action: string };
  'campaigns.complaint': AboutContact & AboutDelivery;
  /** The contact's personal data is gone: only ids are ever sent. */
  'campaigns.contact.erase': { contactId: number; contactDocumentId: string; origin: ChangeOrigin };
  'campaigns.campaign.sent': AboutCampaign & { counts: Record<string, number> };
  'campaigns.campaign.paused': AboutCampaign & { reason: string | null };
  'campaigns.campaign.failed': AboutCampaign & { reason: string | null };
}

export type SiteEventName = keyof SiteEventPayloads;

/** What announces them: the composition root's `announce`. */
export type Announce = <N extends SiteEventName>(name: N, payload: SiteEventPayloads[N]) => void;
