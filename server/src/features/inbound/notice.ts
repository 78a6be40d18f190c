import type { BounceReason, BounceType, InboundKind } from './classifier/classification';

/**
 * The one normalised shape of everything that comes back: an SMTP refusal at send time, a mail
 * read from an IMAP mailbox or posted raw, an ESP webhook event. Every source turns what it got
 * into notices, and every notice goes through the inbound pipeline (pipeline.ts), nothing else.
 */

/** Where a notice came from; the `source` column of its delivery event. */
export type NoticeSource = 'smtp' | 'mailbox' | 'raw' | 'webhook';

/**
 * What a notice reports. Mail gives the classifier's kinds; an ESP's webhooks also report opens
 * (ESP clicks are left to the plugin's own click tracking, which knows its links).
 */
export type NoticeKind = InboundKind | 'open';

export interface NoticeRecipient {
  /** Lower-case address. */
  email: string;
  bounceType: BounceType | null;
  reason: BounceReason | null;
  status: string | null;
  diagnostic: string | null;
}

export interface InboundNotice {
  source: NoticeSource;
  /** Which mailbox or provider: `imap:<mailbox name>`, `raw`, `smtp`, `ses`, `sendgrid`, `mailgun`, `postmark`, `brevo`, `generic`. */
  origin: string;
  /**
   * What identifies the notice at its origin: the provider's event id, the mail's own Message-ID
   * (else a hash of its bytes), the SMTP attempt. Origin, reference and recipient make the
   * idempotency key: the same notice seen twice changes nothing the second time.
   */
  reference: string;
  kind: NoticeKind;
  /** When it happened, epoch milliseconds. */
  at: number;
  /** The recipients it is about (a complaint with a redacted recipient has none: matching falls back on the Message-ID). */
  recipients: NoticeRecipient[];
  /** ARF Feedback-Type, or the provider's complaint type. */
  feedbackType: string | null;
  /** What finds the delivery, tried in this order by matching.ts. */
  match: {
    /** A delivery the source already knows for certain (the SMTP answer to its own send). */
    deliveryId?: number;
    /** Addresses the notice was delivered to: a VERP Return-Path or a signed reply address among them names the delivery (MAC checked). */
    envelopeRecipients?: string[];
    /** Message-IDs of the original message, with angle brackets. */
    messageIds?: string[];
  };
  /** The mail or the webhook body as received, for the admin (stored capped); null when there is none. */
  raw: string | null;
}

/** How a notice found its delivery. */
export type MatchMethod = 'delivery' | 'verp' | 'reply-address' | 'message-id' | 'recipient';

/** What the pipeline did with one recipient of a notice (the `action` column). */
export type NoticeAction =
  | 'suppressed' // hard bounce, or soft bounces past the limit: the address is suppressed
  | 'soft-counted' // a soft bounce counted towards the limit
  | 'complained' // complaint: suppressed, contact `complained`
  | 'unsubscribed' // unsubscribe request honoured
  | 'recorded' // an event recorded, nothing else to do (delivered, open, auto-reply, reply)
  | 'unmatched' // no delivery found: kept for the admin, no contact changed
  | 'ignored' // the policy says to do nothing with this class
  | 'undone'; // an admin undid the suppression it made

export interface NoticeOutcome {
  /** The notice row's id. */
  id: number;
  email: string | null;
  deliveryId: number | null;
  matchedBy: MatchMethod | null;
  action: NoticeAction;
  /** True when this key was already applied: nothing changed this time. */
  repeat: boolean;
}

/** The one pipeline every inbound source hands its notices to. */
export interface InboundPipeline {
  /** Applies each notice once (by idempotency key): one outcome per recipient (one for a notice without recipients). */
  apply(notices: readonly InboundNotice[]): Promise<NoticeOutcome[]>;
  /**
   * Whether a notice is about a message of ours (it finds a delivery, or it is a report quoting one
   * of our Message-IDs); reads only, changes nothing.
   */
  concerns(notice: InboundNotice): Promise<boolean>;
}
