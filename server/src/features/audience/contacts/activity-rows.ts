import type { ContactActivityCampaign, ContactDelivery, ContactEvent } from '../../../../../shared/contracts/contacts';
import type { ReplyClass } from '../../../../../shared/contracts/replies';

/** A BIGINT as a driver hands it back: a number (SQLite, MySQL) or a string (PostgreSQL). */
type Bigint = number | string | null;

export interface DeliveryRow {
  id: number | string;
  variant: string;
  state: string;
  last_error: string | null;
  queued_at: Bigint;
  sent_at: Bigint;
  failed_at: Bigint;
  first_open_at: Bigint;
  first_click_at: Bigint;
  first_reply_at: Bigint;
  campaign_document_id: string | null;
  campaign_name: string | null;
}

export interface EventRow {
  id: number | string;
  type: string;
  source: string;
  is_bot: boolean | number | string;
  data: string | null;
  occurred_at: Bigint;
  /** The clicked link's URL, joined from the campaign's links for a tracked click. */
  link_url: string | null;
  campaign_document_id: string | null;
  campaign_name: string | null;
}

/** A reply the contact sent, as its timeline shows it (the replies inbox holds the rest). */
export interface ReplyEntryRow {
  id: number | string;
  class: string;
  snippet: string;
  received_at: Bigint;
  /** Where its notice came from (mailbox, raw mail, webhook); null when the notice is gone. */
  source: string | null;
  campaign_document_id: string | null;
  campaign_name: string | null;
}

/** Epoch milliseconds (the plugin tables' time form) as ISO 8601, or null. */
export const epochToIso = (value: Bigint): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const ms = Number(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

const campaignOf = (row: { campaign_document_id: string | null; campaign_name: string | null }): ContactActivityCampaign | null =>
  row.campaign_document_id ? { documentId: row.campaign_document_id, name: row.campaign_name ?? '' } : null;

/** Event data is stored as text; it is JSON when the pipeline wrote it, shown raw otherwise. */
const parseData = (data: string | null): unknown => {
  if (data === null || data === undefined) return null;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
};

export const toContactDelivery = (row: DeliveryRow): ContactDelivery => ({
  id: Number(row.id),
  campaign: campaignOf(row),
  variant: row.variant,
  state: row.state,
  queuedAt: epochToIso(row.queued_at),
  sentAt: epochToIso(row.sent_at),
  failedAt: epochToIso(row.failed_at),
  firstOpenAt: epochToIso(row.first_open_at),
  firstClickAt: epochToIso(row.first_click_at),
  firstReplyAt: epochToIso(row.first_reply_at),
  lastError: row.last_error ?? null,
});

export const toContactEvent = (row: EventRow): ContactEvent => ({
  id: Number(row.id),
  type: row.type,
  occurredAt: epochToIso(row.occurred_at),
  campaign: campaignOf(row),
  source: row.source,
  isBot: row.is_bot === true || Number(row.is_bot) === 1,
  data: parseData(row.data),
  linkUrl: row.link_url ?? null,
  reply: null,
});

export const replyToContactEvent = (row: ReplyEntryRow): ContactEvent => ({
  id: Number(row.id),
  type: 'reply',
  occurredAt: epochToIso(row.received_at),
  campaign: campaignOf(row),
  source: row.source ?? 'mailbox',
  isBot: false,
  data: null,
  linkUrl: null,
  reply: { id: Number(row.id), class: row.class as ReplyClass, snippet: row.snippet },
});
