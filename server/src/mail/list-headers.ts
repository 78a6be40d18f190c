/** What the bulk-mail headers of one delivery need to know. */
export interface ListHeaderInput {
  /** https URL that unsubscribes on a POST (RFC 8058) and shows a page on GET. */
  unsubscribeUrl: string;
  /** mailto address for List-Unsubscribe; its subject carries the same token as the URL. */
  unsubscribeMailto: string;
  unsubscribeToken: string;
  campaignId: number;
  variant: string;
  feedbackId: string;
}

/**
 * RFC 2369 / RFC 8058 unsubscribe headers (Gmail and Yahoo require both one-click forms from bulk
 * senders), Gmail's Feedback-ID (`campaign:variant:campaigns:sender`) and Precedence: bulk, which
 * tells auto-responders not to answer.
 */
export const listHeaders = (input: ListHeaderInput): Array<[string, string]> => [
  ['List-Unsubscribe', `<${input.unsubscribeUrl}>, <mailto:${input.unsubscribeMailto}?subject=unsubscribe%20${input.unsubscribeToken}>`],
  ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
  ['Feedback-ID', `${input.campaignId}:${input.variant || 'a'}:campaigns:${input.feedbackId}`],
  ['Precedence', 'bulk'],
];
