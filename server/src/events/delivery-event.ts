import type { BounceReason, BounceType } from '../features/inbound/classifier/classification';
/** Every kind of delivery event the plugin records: the `type` column of campaigns_events. */
export const DELIVERY_EVENT_TYPES = [
  'sent',
  'failed',
  'open',
  'click',
  'unsubscribe',
  'resubscribe',
  'bounce',
  'complaint',
  'reply',
  'delivered',
] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** Where an event was observed: the `source` column. Inbound sources (webhooks, mailboxes) add theirs. */
export type EventSource = 'tracking' | 'smtp' | 'admin' | 'mailbox' | 'raw' | 'webhook';

/** The delivery an event belongs to. */
export interface EventDelivery {
  id: number;
  campaignId: number;
  contactId: number;
}

interface Base {
  delivery: EventDelivery;
  /** When it happened, epoch milliseconds. */
  at: number;
}

/**
 * `client`: what the tracking classified the client as (tracking/bots.ts), or the ESP that reported
 * the open; `isBot` events are kept but are not engagement, `verdict` says why. `userAgent` and
 * `ip` only when the site settings keep client details.
 */
interface Engagement extends Base {
  source: 'tracking';
  isBot: boolean;
  client: string;
  verdict?: string;
  /** A reader's mail client family and device, parsed from the User-Agent (tracking/reader-agent.ts). */
  mailClient?: string;
  device?: string;
  userAgent?: string;
  ip?: string;
}

export type BounceKind = 'hard' | 'permanent' | 'soft-limit';

export type DeliveryEvent =
  | (Base & { type: 'sent'; source: 'smtp' })
  | (Base & { type: 'failed'; source: 'smtp'; error: string })
  | ((Omit<Engagement, 'source'> & { source: 'tracking' | 'webhook' }) & { type: 'open' })
  | (Engagement & { type: 'click'; linkId: number })
  | (Base & { type: 'unsubscribe'; source: EventSource })
  | (Base & { type: 'resubscribe'; source: EventSource })
  /**
   * `reference`: what identifies this bounce at its source (the SMTP attempt, a DSN's Message-ID, a
   * webhook's event id). `bounceType`, `reason`, `status`: the inbound classification (features/inbound).
   */
  | (Base & {
      type: 'bounce';
      source: EventSource;
      reference: string;
      kind: BounceKind;
      code: number | null;
      message: string;
      bounceType?: BounceType;
      reason?: BounceReason | null;
      status?: string | null;
    })
  | (Base & {
      type: 'complaint';
      source: EventSource;
      reference: string;
      /** The feedback report's type (abuse, fraud...), when it says one. */ feedbackType?: string | null;
    })
  /** `messageId`: the reply's own Message-ID. */
  | (Base & { type: 'reply'; source: EventSource; messageId: string })
  | (Base & { type: 'delivered'; source: EventSource; reference: string });

/** The minute an event happened in: opens and clicks repeated within it are one event. */
export const minuteOf = (at: number) => Math.floor(at / 60_000);

/**
 * The idempotency key of an event: two observations of the same thing get the same key, and the
 * UNIQUE index on it keeps the first. An open or a click counts once per delivery (and link) and
 * minute, for humans and machines apart; an unsubscribe, a complaint and a delivery notice once per
 * delivery; a bounce once per attempt (SMTP) or per notice (inbound); a reply once per message.
 * Keys already stored (open, click, unsubscribe, smtp-bounce) keep their spelling.
 */
export const keyOf = (event: DeliveryEvent): string => {
  const d = event.delivery.id;
  switch (event.type) {
    case 'sent':
    case 'failed':
    case 'unsubscribe':
      return `${event.type}:${d}`;
    case 'resubscribe':
      // Unsubscribing and coming back may happen more than once from one message: each minute is its own.
      return `resubscribe:${d}:${minuteOf(event.at)}`;
    case 'open':
      return `open:${d}:${minuteOf(event.at)}:${event.isBot ? 'machine' : 'human'}`;
    case 'click':
      return `click:${d}:${event.linkId}:${minuteOf(event.at)}:${event.isBot ? 'machine' : 'human'}`;
    case 'bounce':
      // One inbound notice (a DSN) may report several of our deliveries.
      return event.source === 'smtp' ? `smtp-bounce:${event.reference}` : `bounce:${event.source}:${event.reference}:${d}`;
    case 'complaint':
      return `complaint:${d}`;
    case 'delivered':
      return `delivered:${d}`;
    case 'reply':
      return `reply:${event.messageId}`;
  }
};

/**
 * Adds the verdict, reader's client and device, user agent and IP of an open or click to its data,
 * only those it has, in this order. Assigned, not spread: every tracked event passes here, and the
 * spreads' objects were a share of the tracking flush's garbage.
 */
const withDetails = (data: Record<string, unknown>, event: Pick<Engagement, 'verdict' | 'mailClient' | 'device' | 'userAgent' | 'ip'>) => {
  if (event.verdict !== undefined) data.verdict = event.verdict;
  if (event.mailClient !== undefined) data.mailClient = event.mailClient;
  if (event.device !== undefined) data.device = event.device;
  if (event.userAgent !== undefined) data.userAgent = event.userAgent;
  if (event.ip !== undefined) data.ip = event.ip;
  return data;
};

/** What the `data` column keeps of an event beyond its ids (the contact's activity shows it). */
const dataOf = (event: DeliveryEvent): Record<string, unknown> | null => {
  switch (event.type) {
    case 'open':
      return withDetails({ client: event.client }, event);
    case 'click':
      return withDetails({ linkId: event.linkId, client: event.client }, event);
    case 'bounce':
      return {
        kind: event.kind,
        code: event.code,
        message: event.message,
        ...(event.bounceType ? { bounceType: event.bounceType, reason: event.reason ?? null, status: event.status ?? null } : {}),
      };
    case 'failed':
      return { error: event.error };
    case 'complaint':
      return { reference: event.reference, ...(event.feedbackType ? { feedbackType: event.feedbackType } : {}) };
    case 'delivered':
      return { reference: event.reference };
    case 'reply':
      return { messageId: event.messageId };
    default:
      return null;
  }
};

/**
 * How a stored click's `data` begins (dataOf writes its link first, an erasure keeps it first):
 * what finds one link's clicks in SQL without reading JSON.
 */
export const clickDataPrefix = (linkId: number) => `{"linkId":${linkId},`;
/** How a stored hard bounce's `data` begins (its kind first); any other bounce counts as soft. */
export const HARD_BOUNCE_DATA_PREFIX = '{"kind":"hard"';

export interface EventRow {
  idempotency_key: string;
  type: DeliveryEventType;
  delivery_id: number;
  campaign_id: number;
  contact_id: number;
  source: EventSource;
  is_bot: boolean;
  data: string | null;
  occurred_at: number;
  created_at: number;
}

export const rowOf = (event: DeliveryEvent, now: number): EventRow => {
  const data = dataOf(event);
  return {
    idempotency_key: keyOf(event),
    type: event.type,
    delivery_id: event.delivery.id,
    campaign_id: event.delivery.campaignId,
    contact_id: event.delivery.contactId,
    source: event.source,
    is_bot: 'isBot' in event ? event.isBot : false,
    data: data ? JSON.stringify(data) : null,
    occurred_at: event.at,
    created_at: now,
  };
};

/** The delivery column a human open, click or reply sets when it is the first: what engagement segments read. */
export const FIRST_COLUMN = { open: 'first_open_at', click: 'first_click_at', reply: 'first_reply_at' } as const;
/**
 * The delivery column a machine's open or click sets when it is the first (migration 011): what
 * counts the deliveries a machine opened or clicked, apart from people's.
 */
export const MACHINE_FIRST_COLUMN = { open: 'first_machine_open_at', click: 'first_machine_click_at' } as const;
export type FirstColumn =
  (typeof FIRST_COLUMN)[keyof typeof FIRST_COLUMN] | (typeof MACHINE_FIRST_COLUMN)[keyof typeof MACHINE_FIRST_COLUMN];

export const firstColumnOf = (event: DeliveryEvent): FirstColumn | null => {
  if (event.type === 'open' || event.type === 'click') return (event.isBot ? MACHINE_FIRST_COLUMN : FIRST_COLUMN)[event.type];
  return event.type === 'reply' ? FIRST_COLUMN.reply : null;
};

/** What the events queue carries and reactors receive: ids only, the row holds the rest. */
export interface RecordedEvent {
  id: number;
  type: DeliveryEventType;
  deliveryId: number;
  campaignId: number;
  contactId: number;
  at: number;
}
