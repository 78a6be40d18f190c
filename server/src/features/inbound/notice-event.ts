import type { BounceKind, DeliveryEvent } from '../../events/delivery-event';
import type { MatchedDelivery } from './matching';
import type { InboundNotice, NoticeAction, NoticeRecipient } from './notice';
import { eventReference } from './notice-key';

/** The SMTP reply code a diagnostic starts with ("550 5.1.1 ..."), when it does. */
const codeOf = (diagnostic: string | null) => {
  const match = /^\s*([245]\d\d)\b/.exec(diagnostic ?? '');
  return match ? Number(match[1]) : null;
};

/**
 * The `kind` bounce events have always carried: `hard` (the address is dead), `permanent` (this
 * message was refused for good, the address may be fine), `soft-limit` (temporary failures until
 * the sender gave up).
 */
const bounceKindOf = (recipient: NoticeRecipient | null): BounceKind => {
  if (recipient?.bounceType === 'hard') return 'hard';
  const code = codeOf(recipient?.diagnostic ?? null);
  return recipient?.status?.startsWith('5') || (code !== null && code >= 500) ? 'permanent' : 'soft-limit';
};

/**
 * The delivery event a matched recipient of a notice records, or null when it records none: an
 * auto-reply is not a reply of the person, an unknown message says nothing, and an unsubscribe
 * request the policy ignores did not unsubscribe anyone. A bounce or complaint the policy ignores is
 * still recorded: it happened, and the rates are computed from the events.
 */
export const deliveryEventOf = (
  notice: InboundNotice,
  recipient: NoticeRecipient | null,
  delivery: MatchedDelivery,
  action: NoticeAction
): DeliveryEvent | null => {
  const base = {
    delivery: { id: delivery.id, campaignId: delivery.campaignId, contactId: delivery.contactId },
    at: notice.at,
    source: notice.source,
  };
  const reference = eventReference(notice.reference);
  switch (notice.kind) {
    case 'bounce':
      return {
        ...base,
        type: 'bounce',
        reference,
        kind: bounceKindOf(recipient),
        code: codeOf(recipient?.diagnostic ?? null),
        message: recipient?.diagnostic ?? '',
        bounceType: recipient?.bounceType ?? 'undetermined',
        reason: recipient?.reason ?? null,
        status: recipient?.status ?? null,
      };
    case 'complaint':
      return { ...base, type: 'complaint', reference, feedbackType: notice.feedbackType };
    case 'unsubscribe-request':
      return action === 'unsubscribed' ? { ...base, type: 'unsubscribe' } : null;
    case 'delivered':
      return { ...base, type: 'delivered', reference };
    case 'open':
      // Only an ESP reports opens (mail cannot); taken as human: the plugin's bot rules never saw the request.
      return notice.source === 'webhook' ? { ...base, source: 'webhook', type: 'open', isBot: false, client: notice.origin } : null;
    case 'reply':
      return { ...base, type: 'reply', messageId: reference };
    case 'auto-reply':
    case 'unknown':
      return null;
  }
};
