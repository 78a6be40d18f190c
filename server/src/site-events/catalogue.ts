/**
 * Every `campaigns.*` event the rest of a site can react to: emitted on Strapi's event hub for code,
 * and registered as Strapi webhook events (Settings → Webhooks). One declaration: the announcer,
 * the webhook registration and the README's table read this.
 *
 * Every payload names the contact by id. `email` is filled by the caller where it knows the
 * address; the announcer removes it unless the site turned `events.includeEmail` on.
 */
import type { CampaignPauseReason } from '../../../shared/contracts/campaigns';

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

/** What an inbound notice adds: its row (the Bounces & complaints page) and how it came in. */
interface AboutNotice {
  /** campaigns_inbound_notices.id; null for an editor's change of state. */
  noticeId: number | null;
  /** `smtp`, `mailbox`, `raw` or `webhook`; null for an editor's change of state. */
  source: string | null;
}

export interface SiteEventPayloads {
  /** A contact was created subscribed (one by one: the admin, the API, a service call). */
  'campaigns.subscribe': AboutContact & { topics: string[] };
  'campaigns.unsubscribe': AboutContact & Partial<AboutDelivery> & { topic?: null };
  'campaigns.resubscribe': AboutContact;
  /** A contact joined or left topics (slugs). */
  'campaigns.topics.change': AboutContact & { joined: string[]; left: string[] };
  'campaigns.suppression.create': AboutSuppression;
  'campaigns.suppression.delete': AboutSuppression & { removedBy: { id: number; name: string } | null; note: string | null };
  /**
   * `action`: `suppressed` (a hard bounce, or the soft one that reached the limit), `soft-counted`,
   * or `marked` (an editor set the contact's state to bounced).
   */
  'campaigns.bounce': AboutContact & AboutDelivery & AboutNotice & { bounceType: string | null; reason: string | null; action: string };
  'campaigns.complaint': AboutContact & AboutDelivery & AboutNotice;
  /**
   * A reply to one of our messages was stored (campaigns_replies): `class` says a person's reply,
   * an auto-reply, an unsubscribe request, a bounce that reached a replies mailbox, or unknown.
   */
  'campaigns.reply': AboutContact &
    AboutDelivery & { replyId: number; noticeId: number; class: string; autoReplyKind: string | null; matchedBy: string };
  /** The contact's personal data is gone: only ids are ever sent. */
  'campaigns.contact.erase': { contactId: number; contactDocumentId: string; origin: ChangeOrigin };
  /** An editor gave a draft its send time. */
  'campaigns.campaign.scheduled': AboutCampaign;
  /** An editor took a scheduled campaign back to draft. */
  'campaigns.campaign.unscheduled': AboutCampaign;
  'campaigns.campaign.sending': AboutCampaign;
  'campaigns.campaign.resumed': AboutCampaign;
  'campaigns.campaign.cancelled': AboutCampaign;
  /** The send is over and at least one message went out (or none was due). */
  'campaigns.campaign.sent': AboutCampaign & { counts: Record<string, number> };
  /** `reason`: null for an editor's pause; the system's reason when it stopped the send itself. */
  'campaigns.campaign.paused': AboutCampaign & { reason: CampaignPauseReason | null };
  /** The send is over and not one message went out: every delivery failed. */
  'campaigns.campaign.failed': AboutCampaign & { reason: string | null; counts: Record<string, number> };
}

export type SiteEventName = keyof SiteEventPayloads;

/**
 * Every event at run time, with the key Strapi's webhook store files it under. `satisfies` keeps
 * this list and the payload map the same set of names.
 */
export const SITE_EVENTS = {
  'campaigns.subscribe': 'CAMPAIGNS_SUBSCRIBE',
  'campaigns.unsubscribe': 'CAMPAIGNS_UNSUBSCRIBE',
  'campaigns.resubscribe': 'CAMPAIGNS_RESUBSCRIBE',
  'campaigns.topics.change': 'CAMPAIGNS_TOPICS_CHANGE',
  'campaigns.suppression.create': 'CAMPAIGNS_SUPPRESSION_CREATE',
  'campaigns.suppression.delete': 'CAMPAIGNS_SUPPRESSION_DELETE',
  'campaigns.bounce': 'CAMPAIGNS_BOUNCE',
  'campaigns.complaint': 'CAMPAIGNS_COMPLAINT',
  'campaigns.reply': 'CAMPAIGNS_REPLY',
  'campaigns.contact.erase': 'CAMPAIGNS_CONTACT_ERASE',
  'campaigns.campaign.scheduled': 'CAMPAIGNS_CAMPAIGN_SCHEDULED',
  'campaigns.campaign.unscheduled': 'CAMPAIGNS_CAMPAIGN_UNSCHEDULED',
  'campaigns.campaign.sending': 'CAMPAIGNS_CAMPAIGN_SENDING',
  'campaigns.campaign.resumed': 'CAMPAIGNS_CAMPAIGN_RESUMED',
  'campaigns.campaign.cancelled': 'CAMPAIGNS_CAMPAIGN_CANCELLED',
  'campaigns.campaign.sent': 'CAMPAIGNS_CAMPAIGN_SENT',
  'campaigns.campaign.paused': 'CAMPAIGNS_CAMPAIGN_PAUSED',
  'campaigns.campaign.failed': 'CAMPAIGNS_CAMPAIGN_FAILED',
} as const satisfies Record<SiteEventName, string>;

export const SITE_EVENT_NAMES = Object.keys(SITE_EVENTS) as SiteEventName[];

/** What announces them: the composition root's `announce`. */
export type Announce = <N extends SiteEventName>(name: N, payload: SiteEventPayloads[N]) => void;
