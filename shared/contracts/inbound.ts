/** The Bounces & complaints admin API: inbound notices, their raw messages, undo, and the rate guard's rates. */
import {
  BOUNCE_REASONS,
  INBOUND_KINDS,
  type BounceReason,
  type BounceType,
} from '../../server/src/features/inbound/classifier/classification';
import type { MatchMethod, NoticeAction, NoticeKind, NoticeSource } from '../../server/src/features/inbound/notice';
import type { CampaignPauseReason, CampaignState, ListResponse } from './campaigns';
import type { ContactState } from './contacts';

export { BOUNCE_REASONS };
export type { BounceReason, BounceType, MatchMethod, NoticeAction, NoticeKind, NoticeSource };

/** Every kind a notice may have: the classifier's, and the opens ESP webhooks report. */
export const NOTICE_KINDS: readonly NoticeKind[] = [...INBOUND_KINDS, 'open'];

/** The actions an admin may undo: the suppressions a notice made. An unsubscribe request is the person's own word: it is reversed only with their consent (the contact's Resubscribe). */
export const UNDOABLE_ACTIONS = ['suppressed', 'complained'] as const satisfies readonly NoticeAction[];

export interface InboundNoticeSummary {
  id: number;
  /** When it was received (the row was written), ISO 8601. */
  receivedAt: string;
  /** When it happened, as the notice says; null when it did not say. */
  occurredAt: string | null;
  source: NoticeSource;
  /** `imap:<mailbox>`, `raw`, `smtp`, or the webhook's provider. */
  origin: string;
  kind: NoticeKind;
  bounceType: BounceType | null;
  reason: BounceReason | null;
  /** Enhanced status code x.y.z. */
  status: string | null;
  feedbackType: string | null;
  email: string | null;
  action: NoticeAction;
  /** How the delivery was found; null when it was not (an unmatched notice). */
  matchedBy: MatchMethod | null;
  campaign: { documentId: string; name: string } | null;
  contact: { documentId: string; email: string } | null;
  /** Who undid the suppression it made, and when. */
  undone: { at: string; by: string | null } | null;
  /** Whether an admin may undo it now. */
  undoable: boolean;
}

export interface InboundNoticeDetail extends InboundNoticeSummary {
  diagnostic: string | null;
  /** The mail or the webhook body as received, as plain text (shown escaped, never as HTML); null when none was kept. */
  raw: { text: string; size: number; truncated: boolean } | null;
}

export const NOTICE_MATCH_FILTERS = ['matched', 'unmatched'] as const;
export type NoticeMatchFilter = (typeof NOTICE_MATCH_FILTERS)[number];

export interface ListInboundNoticesQuery {
  page?: number;
  pageSize?: number;
  kind?: NoticeKind;
  reason?: BounceReason;
  /** `unmatched`: the notices that found no delivery and changed no contact. */
  match?: NoticeMatchFilter;
  /** A campaign's documentId. */
  campaign?: string;
  /** Part of the address. */
  search?: string;
}

/** How a rate stands against the Gmail and Yahoo bulk sender thresholds: under 0.1%, under 0.3%, or above. */
export type RateStatus = 'ok' | 'warning' | 'danger';

/** Deliveries that reached the mail server, and how many of them hard-bounced or were reported as spam. */
export interface RateTally {
  sent: number;
  hardBounces: number;
  complaints: number;
}

export interface RatedTally extends RateTally {
  /** Fractions of `sent`; null when nothing was sent. */
  hardBounceRate: number | null;
  complaintRate: number | null;
  hardBounceStatus: RateStatus;
  complaintStatus: RateStatus;
}

export interface CampaignRates extends RatedTally {
  documentId: string;
  name: string;
  state: CampaignState;
  pauseReason: CampaignPauseReason | null;
  /** When its send started, ISO 8601. */
  startedAt: string;
}

export interface InboundRates {
  /** Gmail and Yahoo: 0.1% (warning) and 0.3% (never). */
  thresholds: { warning: number; danger: number };
  /** The configured automatic pause (`inbound.rateGuard`). */
  guard: { enabled: boolean; minDeliveries: number; complaintRate: number; hardBounceRate: number };
  /** The deliveries sent in the last 7 and 30 days, and what came back for them. */
  windows: Array<RatedTally & { days: number }>;
  /** The campaigns sending, or sent in the last 30 days, newest first. */
  campaigns: CampaignRates[];
}

/** GET /campaigns/inbound/notices: newest first. */
export declare namespace GetInboundNotices {
  interface Request {
    query: ListInboundNoticesQuery;
  }
  type Response = ListResponse<InboundNoticeSummary>;
}

/** GET /campaigns/inbound/notices/:id */
export declare namespace GetInboundNotice {
  interface Request {
    params: { id: number };
  }
  interface Response {
    data: InboundNoticeDetail;
  }
}

/**
 * POST /campaigns/inbound/notices/:id/undo: lifts the suppression the notice made and brings its
 * contact back when nothing else holds it; a notice already undone, or one that suppressed nothing, is a 400.
 */
export declare namespace UndoInboundNotice {
  interface Request {
    params: { id: number };
  }
  interface Response {
    data: {
      notice: InboundNoticeDetail;
      /** Suppressions of the address that were lifted. */
      lifted: number;
      /** The contact's state after the undo (subscribed again, or unsubscribed when the person had asked to be); null without a contact. */
      contactState: ContactState | null;
    };
  }
}

/** GET /campaigns/inbound/rates */
export declare namespace GetInboundRates {
  interface Response {
    data: InboundRates;
  }
}
