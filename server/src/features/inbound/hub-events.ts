import type { MatchedDelivery } from './matching';
import type { InboundNotice, NoticeAction, NoticeRecipient } from './notice';

/**
 * What extensions hear on Strapi's event hub when a notice did something (README, Inbound):
 * `campaigns.bounce` (a hard bounce suppressed, a soft one counted or past the limit),
 * `campaigns.complaint`, `campaigns.unsubscribe`. Nothing for a repeat, an unmatched or an
 * ignored notice.
 */
export type InboundHubPayload = {
  /** The notice row (campaigns_inbound_notices.id). */
  noticeId: number;
  /** The address acted on: the delivery's. */
  email: string;
  contactId: number;
  campaignId: number;
  deliveryId: number;
  action: NoticeAction;
  bounceType: string | null;
  reason: string | null;
  source: InboundNotice['source'];
  origin: string;
};

const NAME_OF: Partial<Record<NoticeAction, string>> = {
  suppressed: 'campaigns.bounce',
  'soft-counted': 'campaigns.bounce',
  complained: 'campaigns.complaint',
  unsubscribed: 'campaigns.unsubscribe',
};

/** The event an action makes extensions hear, or null when it makes none. */
export const hubEventOf = (
  action: NoticeAction,
  about: Omit<InboundHubPayload, 'action'>
): { name: string; payload: InboundHubPayload } | null => {
  const name = NAME_OF[action];
  return name ? { name, payload: { ...about, action } } : null;
};

/** What a notice's matched recipient tells extensions about. */
export const hubSubjectOf = (notice: InboundNotice, recipient: NoticeRecipient | null, delivery: MatchedDelivery, noticeId: number) => ({
  noticeId,
  email: delivery.email,
  contactId: delivery.contactId,
  campaignId: delivery.campaignId,
  deliveryId: delivery.id,
  bounceType: notice.kind === 'bounce' ? (recipient?.bounceType ?? 'undetermined') : null,
  reason: recipient?.reason ?? null,
  source: notice.source,
  origin: notice.origin,
});
