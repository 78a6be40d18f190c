/**
 * What the inbound classifier answers for one message. Pure types: the classifier is published on
 * its own (`strapi-plugin-campaigns/inbound`) and needs nothing of Strapi.
 */

export const INBOUND_KINDS = ['bounce', 'complaint', 'auto-reply', 'reply', 'unsubscribe-request', 'delivered', 'unknown'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

export const BOUNCE_TYPES = ['hard', 'soft', 'undetermined'] as const;
export type BounceType = (typeof BOUNCE_TYPES)[number];

/** The reasons a notice is put down to (the corpus README's table says what each means and whether it is hard). */
export const BOUNCE_REASONS = [
  'userunknown',
  'mailboxfull',
  'hostunknown',
  'filtered',
  'rejected',
  'blocked',
  'spamdetected',
  'policyviolation',
  'expired',
  'mesgtoobig',
  'suspend',
  'norelaying',
  'securityerror',
  'systemerror',
  'networkerror',
  'toomanyconn',
  'contenterror',
  'exceedlimit',
  'hasmoved',
  'mailererror',
  'notaccept',
  'onhold',
  'syntaxerror',
  'systemfull',
  'vacation',
  'feedback',
  'delivered',
  'undefined',
  'authfailure',
  'requireptr',
  'notcompliantrfc',
  'badreputation',
  'virusdetected',
  'speeding',
] as const;
export type BounceReason = (typeof BOUNCE_REASONS)[number];

/** One final recipient of a notice, with what the notice says of it. */
export interface ClassifiedRecipient {
  /** Lower-case address. */
  address: string;
  bounceType: BounceType | null;
  reason: BounceReason | null;
  /** Enhanced status code x.y.z (RFC 3463), when the notice gives or implies one. */
  status: string | null;
  /** The remote server's answer or the notice's explanation, one line. */
  diagnostic: string | null;
}

export interface InboundClassification {
  kind: InboundKind;
  /**
   * The final recipients that failed or complained (delivered, for a success report), lower-case,
   * each once. For an auto-reply, a reply or an unsubscribe request: the address that wrote it.
   */
  recipients: string[];
  /** For a bounce: hard (the address is dead), soft, or undetermined. Null for anything else. */
  bounceType: BounceType | null;
  /** The notice's reason (the first failed recipient's when several differ). */
  reason: BounceReason | null;
  status: string | null;
  diagnostic: string | null;
  /** The Message-ID of the message this notice is about, with its angle brackets. */
  originalMessageId: string | null;
  /** ARF Feedback-Type (abuse, fraud, virus, other, not-spam...) for a complaint. */
  feedbackType: string | null;
  /** Every recipient the notice reports on, each with its own status and reason. */
  details: ClassifiedRecipient[];
  /**
   * Addresses the notice itself was delivered to (Delivered-To, X-Original-To, To, Envelope-To,
   * X-Envelope-To), then, for bounces, complaints and reports, the returned message's envelope
   * sender (its quoted Return-Path, ARF Original-Mail-From): a complaint reaches a feedback mailbox,
   * not the VERP address, so that is where its VERP address shows up. Lower-case.
   */
  envelopeRecipients: string[];
  /** Every Message-ID the notice quotes of an original message (DSN parts, ARF, quoted text), first the surest. */
  referencedMessageIds: string[];
  /** The notice's own Message-ID, when it has one. */
  messageId: string | null;
}

/** How much work one message may cost: what keeps hostile mail from holding a worker. */
export interface ClassifyLimits {
  /** Larger messages are classified from their first this-many bytes only. */
  maxBytes: number;
  /** MIME nesting deeper than this is not descended into. */
  maxDepth: number;
  /** Parts beyond this many are not read. */
  maxParts: number;
  /** A header block (all header lines of one part) longer than this is cut. */
  maxHeaderBytes: number;
  /** Past this much time the work stops with a ClassifyTimeoutError. */
  timeLimitMs: number;
}
