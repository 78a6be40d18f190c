import type { SiteEvent } from '../../site-events/signal-events';
import type { MatchedDelivery } from './matching';
import type { InboundNotice, NoticeAction, NoticeRecipient } from './notice';

/** What a stored notice's event is about. */
export interface InboundSubject {
  /** The notice row (campaigns_inbound_notices.id). */
  noticeId: number;
  /** The address acted on: the delivery's. */
  email: string;
  contactId: number;
  campaignId: number;
  deliveryId: number;
  bounceType: string | null;
  reason: string | null;
  source: InboundNotice['source'];
}

/**
 * The site event a notice's action announces (README, Events for developers): `campaigns.bounce`
 * for a hard bounce suppressed or a soft one counted or past the limit, `campaigns.complaint` for
 * a complaint. An unsubscribe request is announced by the signal path, for the contact it
 * actually unsubscribed. Nothing for an unmatched or an ignored notice.
 */
export const hubEventOf = (action: NoticeAction, about: InboundSubject): SiteEvent | null => {
  const { noticeId, email, contactId, campaignId, deliveryId, source } = about;
  const common = { noticeId, email, contactId, campaignId, deliveryId, source, origin: 'inbound' as const };
  if (action === 'suppressed' || action === 'soft-counted')
    return { name: 'campaigns.bounce', payload: { ...common, bounceType: about.bounceType, reason: about.reason, action } };
  if (action === 'complained') return { name: 'campaigns.complaint', payload: common };
  return null;
};

/** What a notice's matched recipient tells extensions about. */
export const hubSubjectOf = (
  notice: InboundNotice,
  recipient: NoticeRecipient | null,
  delivery: MatchedDelivery,
  noticeId: number
): InboundSubject => ({
  noticeId,
  email: delivery.email,
  contactId: delivery.contactId,
  campaignId: delivery.campaignId,
  deliveryId: delivery.id,
  bounceType: notice.kind === 'bounce' ? (recipient?.bounceType ?? 'undetermined') : null,
  reason: recipient?.reason ?? null,
  source: notice.source,
});
