/** The replies inbox admin API: the replies matched to our messages, read, filtered and marked handled. */
import type { ListResponse } from './campaigns';

/**
 * What a reply is: a person's answer; an auto-reply (out of office, left the company, a ticket
 * system's acknowledgement); a request to be removed (honoured through the unsubscribe path); a
 * bounce that reached the reply address (handed to the bounce pipeline); or none of these.
 */
export const REPLY_CLASSES = ['human', 'auto-reply', 'unsubscribe-request', 'bounce', 'unknown'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** The kind of auto-reply, when the class is `auto-reply`. */
export const AUTO_REPLY_KINDS = ['out-of-office', 'left-company', 'ticket', 'other'] as const;
export type AutoReplyKind = (typeof AUTO_REPLY_KINDS)[number];

/**
 * How the reply found its delivery: a Message-ID of ours in `In-Reply-To`/`References` (surest),
 * the signed `reply+<token>@` address it was sent to, or the sender's address and the latest
 * delivery to it within 30 days (weaker: it may answer another mail).
 */
export const REPLY_MATCHES = ['message-id', 'reply-address', 'sender'] as const;
export type ReplyMatch = (typeof REPLY_MATCHES)[number];

/**
 * A match by Message-ID or reply address whose sender is not the delivery's address: a forwarded
 * copy (the quoted headers show a forward) or another address of the same person.
 */
export const REPLY_MATCH_NOTES = ['forwarded', 'other-address'] as const;
export type ReplyMatchNote = (typeof REPLY_MATCH_NOTES)[number];

export interface ReplySummary {
  id: number;
  class: ReplyClass;
  autoReplyKind: AutoReplyKind | null;
  /** The writer's address and display name, as the mail's From says (the address is emptied when the contact is erased). */
  from: { email: string; name: string | null };
  subject: string;
  /** The start of the new text (quotes and signature stripped), one line. */
  snippet: string;
  /** When it was received, ISO 8601. */
  receivedAt: string;
  /** An out-of-office reply's stated return date, `YYYY-MM-DD`; null when it states none. */
  returnDate: string | null;
  matchedBy: ReplyMatch;
  matchNote: ReplyMatchNote | null;
  campaign: { documentId: string; name: string } | null;
  contact: { documentId: string; email: string; name: string | null } | null;
  /** Who marked it handled, and when; null while it is not. */
  handled: { at: string; by: string | null } | null;
}

export interface ReplyDetail extends ReplySummary {
  /** The new text, quotes and signature stripped: shown as text, never as HTML. */
  text: string;
  /** The quoted original (and anything below the new text), as text. */
  quoted: string;
  /** The signature that was stripped, as text. */
  signature: string;
  /** The whole mail as received, as text (kept up to `inbound.limits.storedRawBytes`); null when it was not kept. */
  raw: { text: string; size: number; truncated: boolean } | null;
}

export interface ListRepliesQuery {
  page?: number;
  pageSize?: number;
  class?: ReplyClass;
  /** A campaign's documentId. */
  campaign?: string;
  /** A contact's documentId. */
  contact?: string;
  /** `no`: only the replies no one has handled yet. */
  handled?: 'yes' | 'no';
  /** Part of the sender's address or of the subject. */
  search?: string;
}

/** A campaign's replies by class (the campaign report). */
export type ReplyCounts = Record<ReplyClass, number>;

/** GET /campaigns/replies: newest first. */
export declare namespace GetReplies {
  interface Request {
    query: ListRepliesQuery;
  }
  type Response = ListResponse<ReplySummary>;
}

/** GET /campaigns/replies/:id */
export declare namespace GetReply {
  interface Request {
    params: { id: number };
  }
  interface Response {
    data: ReplyDetail;
  }
}

/** POST /campaigns/replies/:id/handled: `handled: false` reopens it. */
export declare namespace MarkReplyHandled {
  interface Request {
    params: { id: number };
    body: { data: { handled: boolean } };
  }
  interface Response {
    data: ReplySummary;
  }
}

/** GET /campaigns/campaigns/:documentId/replies/counts */
export declare namespace GetCampaignReplyCounts {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: ReplyCounts;
  }
}
