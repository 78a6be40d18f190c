import type { Contact } from './contacts';

/** Rows an erasure changed, per kind (what the erasure log keeps, with the address's hash and who asked). */
export interface ErasureCounts {
  /** Deliveries whose address (and last SMTP error) was removed; they stay, so campaign counts hold. */
  deliveries: number;
  /** Of those, the ones still queued: now `suppressed`, never sent. */
  deliveriesSuppressed: number;
  /** Events whose data lost everything but the kept keys (link, client verdict, bounce classification). */
  events: number;
  /** Inbound notices (bounces, complaints...) that lost the address and diagnostic. */
  notices: number;
  /** Raw inbound mails and webhook bodies deleted. */
  rawMessages: number;
  /** Replies that lost sender, subject and snippet. */
  replies: number;
  /** Suppressions of the address that lost it (kept by hash), not counting the `erased` one added. */
  suppressions: number;
}

/** Answer of POST /campaigns/contacts/:documentId/erase and of the contacts service's `erase`. */
export interface ErasureResult {
  documentId: string;
  erasedAt: string;
  counts: ErasureCounts;
}

/** Body `data` of POST /campaigns/contacts/:documentId/erase: the editor typed the address or ERASE. */
export interface ErasureRequest {
  confirm: string;
}

/** The word the erase dialog accepts instead of the address. */
export const ERASE_CONFIRMATION_WORD = 'ERASE';

export interface ContactDataDelivery {
  id: number;
  campaign: { documentId: string | null; name: string | null; subject: string | null };
  state: string;
  email: string;
  messageId: string | null;
  lastError: string | null;
  queuedAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  firstOpenAt: string | null;
  firstClickAt: string | null;
  firstReplyAt: string | null;
}

export interface ContactDataEvent {
  id: number;
  type: string;
  deliveryId: number | null;
  campaignId: number | null;
  source: string;
  isBot: boolean;
  data: unknown;
  occurredAt: string | null;
}

export interface ContactDataSuppression {
  documentId: string;
  reason: string;
  scope: string;
  topic: string | null;
  note: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface ContactDataNotice {
  id: number;
  kind: string;
  bounceType: string | null;
  reason: string | null;
  status: string | null;
  diagnostic: string | null;
  deliveryId: number | null;
  occurredAt: string | null;
}

export interface ContactDataReply {
  id: number;
  deliveryId: number | null;
  /** `human`, `auto-reply`, `unsubscribe-request`, `bounce` or `unknown` (shared/contracts/replies.ts). */
  class: string;
  autoReplyKind: string | null;
  from: string;
  fromName: string | null;
  subject: string;
  snippet: string;
  /** The new text, the quoted original and the signature, as the reply stated them. */
  text: string;
  quoted: string;
  signature: string;
  /** An out-of-office reply's return date, `YYYY-MM-DD`. */
  returnDate: string | null;
  matchedBy: string;
  matchNote: string | null;
  receivedAt: string | null;
  handledAt: string | null;
}

/** GET /campaigns/contacts/:documentId/data (a JSON download) and the contacts service's `exportData`. */
export interface ContactData {
  exportedAt: string;
  /** The contact's fields, its consent record and its topics. */
  contact: Contact;
  suppressions: ContactDataSuppression[];
  deliveries: ContactDataDelivery[];
  events: ContactDataEvent[];
  inboundNotices: ContactDataNotice[];
  replies: ContactDataReply[];
}
