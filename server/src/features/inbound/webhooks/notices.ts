import type { BounceReason, BounceType } from '../classifier/classification';
import type { InboundNotice, NoticeKind, NoticeRecipient } from '../notice';
import type { WebhookProviderName } from './provider';

/** One provider event, in the terms every adapter maps its own into. */
export interface WebhookEvent {
  /** The provider's id of the event, the same on each of its retries: with the origin it makes the idempotency key. */
  reference: string;
  kind: NoticeKind;
  at: number;
  recipients: NoticeRecipient[];
  feedbackType?: string | null;
  /** Message-IDs the provider echoes of the message we sent, in any spelling (brackets added here). */
  messageIds?: Array<string | null | undefined>;
}

export const recipient = (
  email: string,
  fields: { bounceType?: BounceType | null; reason?: BounceReason | null; status?: string | null; diagnostic?: string | null } = {}
): NoticeRecipient => ({
  email: email.trim().toLowerCase(),
  bounceType: fields.bounceType ?? null,
  reason: fields.reason ?? null,
  status: fields.status ?? null,
  diagnostic: fields.diagnostic?.replace(/\s+/g, ' ').trim() || null,
});

/** `<id@host>` as our Message-IDs are written; null for anything that cannot be one. */
export const messageIdOf = (value: string | null | undefined): string | null => {
  const id = value?.trim().replace(/^<|>$/g, '');
  return id && id.includes('@') && !/[\s<>]/.test(id) ? `<${id}>` : null;
};

/** Epoch milliseconds of an ISO date, of Unix seconds, or now when the provider gives neither. */
export const timeOf = (value: string | number | null | undefined, now: number): number => {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value > 1e11 ? value : value * 1000);
  if (typeof value === 'string' && value.trim()) {
    const parsed = /^\d+(\.\d+)?$/.test(value.trim()) ? timeOf(Number(value), now) : Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return now;
};

/** The notices of one verified body: the body itself is kept once as every notice's raw. */
export const webhookNotices = (origin: WebhookProviderName, body: Buffer, events: WebhookEvent[]): InboundNotice[] => {
  const raw = events.length ? body.toString('utf8') : null;
  return events.map((event) => ({
    source: 'webhook',
    origin,
    reference: event.reference,
    kind: event.kind,
    at: event.at,
    recipients: event.recipients,
    feedbackType: event.feedbackType ?? null,
    match: { messageIds: [...new Set(event.messageIds?.map(messageIdOf).filter((id): id is string => id !== null))] },
    raw,
  }));
};
