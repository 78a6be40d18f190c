import { z } from 'zod';
import type { BounceReason, BounceType } from '../classifier/classification';
import type { NoticeKind } from '../notice';
import { readPayload } from './payload';
import type { WebhookAdapter, WebhookRequest, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { reasonOfStatus, statusIn } from './status-reason';
import { requireHeader, sameSecret, RequestRefused } from './verification';

type PostmarkConfig = NonNullable<WebhooksConfig['postmark']>;

const recordSchema = z.looseObject({
  RecordType: z.string().min(1),
  ID: z.union([z.number(), z.string()]).optional(),
  Type: z.string().optional(),
  MessageID: z.string().optional(),
  Email: z.string().optional(),
  Recipient: z.string().optional(),
  BouncedAt: z.string().optional(),
  DeliveredAt: z.string().optional(),
  ReceivedAt: z.string().optional(),
  ChangedAt: z.string().optional(),
  Details: z.string().nullish(),
  Description: z.string().nullish(),
  SuppressSending: z.boolean().optional(),
  SuppressionReason: z.string().nullish(),
});
type PostmarkRecord = z.output<typeof recordSchema>;

type Mapping = { kind: 'bounce'; bounceType: BounceType; reason: BounceReason } | { kind: Exclude<NoticeKind, 'bounce'> } | null;

/** Postmark's bounce types (its "Bounce types" table): what each one is in our terms, null when it is nothing for the pipeline. */
const BOUNCE_TYPES: Record<string, Mapping> = {
  HardBounce: { kind: 'bounce', bounceType: 'hard', reason: 'userunknown' },
  SoftBounce: { kind: 'bounce', bounceType: 'soft', reason: 'undefined' },
  Transient: { kind: 'bounce', bounceType: 'soft', reason: 'networkerror' },
  DnsError: { kind: 'bounce', bounceType: 'soft', reason: 'hostunknown' },
  BadEmailAddress: { kind: 'bounce', bounceType: 'hard', reason: 'syntaxerror' },
  AddressChange: { kind: 'bounce', bounceType: 'hard', reason: 'hasmoved' },
  SpamNotification: { kind: 'bounce', bounceType: 'soft', reason: 'spamdetected' },
  VirusNotification: { kind: 'bounce', bounceType: 'soft', reason: 'virusdetected' },
  Blocked: { kind: 'bounce', bounceType: 'soft', reason: 'blocked' },
  DMARCPolicy: { kind: 'bounce', bounceType: 'undetermined', reason: 'policyviolation' },
  SMTPApiError: { kind: 'bounce', bounceType: 'undetermined', reason: 'mailererror' },
  Unknown: { kind: 'bounce', bounceType: 'undetermined', reason: 'undefined' },
  SpamComplaint: { kind: 'complaint' },
  Unsubscribe: { kind: 'unsubscribe-request' },
  AutoResponder: { kind: 'auto-reply' },
  ChallengeVerification: { kind: 'auto-reply' },
  // Subscribe, OpenRelayTest, ManuallyDeactivated, Unconfirmed, InboundError, TemplateRenderingFailed: not about the recipient.
};

const bounceEvent = (record: PostmarkRecord, now: number): WebhookEvent | null => {
  const mapping = BOUNCE_TYPES[record.Type ?? ''] ?? null;
  if (!mapping || !record.Email) return null;
  // IDs are 64-bit and JSON numbers lose their last digits: the message keeps two bounces apart.
  const base = { reference: `bounce:${record.MessageID}:${record.ID}`, at: timeOf(record.BouncedAt, now) };
  if (mapping.kind !== 'bounce')
    return {
      ...base,
      kind: mapping.kind,
      ...(mapping.kind === 'complaint' && { feedbackType: 'abuse' }),
      recipients: [recipient(record.Email, { reason: mapping.kind === 'complaint' ? 'feedback' : null, diagnostic: record.Details })],
    };
  const status = statusIn(record.Details);
  const reason =
    mapping.reason === 'undefined' || mapping.reason === 'userunknown' ? (reasonOfStatus(status) ?? mapping.reason) : mapping.reason;
  return {
    ...base,
    kind: 'bounce',
    recipients: [
      recipient(record.Email, { bounceType: mapping.bounceType, reason, status, diagnostic: record.Details || record.Description }),
    ],
  };
};

// Only bounces and complaints carry an ID; the other records are named by what they are about, the same on each retry.
const eventOf = (record: PostmarkRecord, now: number): WebhookEvent | null => {
  const about = `${record.MessageID}:${record.Recipient ?? record.Email}`;
  switch (record.RecordType) {
    case 'Bounce':
      return bounceEvent(record, now);
    case 'SpamComplaint':
      return record.Email
        ? {
            reference: `complaint:${record.MessageID}:${record.ID}`,
            kind: 'complaint',
            feedbackType: 'abuse',
            at: timeOf(record.BouncedAt, now),
            recipients: [recipient(record.Email, { reason: 'feedback' })],
          }
        : null;
    case 'Delivery':
      return record.Recipient
        ? {
            reference: `delivery:${about}`,
            kind: 'delivered',
            at: timeOf(record.DeliveredAt, now),
            recipients: [recipient(record.Recipient, { reason: 'delivered', diagnostic: record.Details })],
          }
        : null;
    case 'Open':
      return record.Recipient
        ? {
            reference: `open:${about}:${record.ReceivedAt}`,
            kind: 'open',
            at: timeOf(record.ReceivedAt, now),
            recipients: [recipient(record.Recipient)],
          }
        : null;
    case 'SubscriptionChange':
      // A recipient's own unsubscribe (Postmark's unsubscribe link); its bounce and complaint suppressions arrive as those records.
      return record.Recipient && record.SuppressSending && record.SuppressionReason === 'ManualSuppression'
        ? {
            reference: `unsubscribe:${about}:${record.ChangedAt}`,
            kind: 'unsubscribe-request',
            at: timeOf(record.ChangedAt, now),
            recipients: [recipient(record.Recipient)],
          }
        : null;
    default:
      return null;
  }
};

const assertCredentials = (request: WebhookRequest, config: PostmarkConfig) => {
  if (request.pathToken !== undefined) {
    if (!sameSecret(request.pathToken, config.token ?? '')) throw new RequestRefused('the token in the path is wrong');
    return;
  }
  const authorization = requireHeader(request, 'authorization');
  const [scheme, encoded = ''] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'basic') throw new RequestRefused('the Authorization header must be Basic credentials');
  const expected = `${config.username ?? ''}:${config.password ?? ''}`;
  if (!sameSecret(Buffer.from(encoded, 'base64').toString('utf8'), expected)) throw new RequestRefused('the Basic credentials are wrong');
};

/**
 * Postmark signs nothing: it authenticates with the Basic credentials put in the webhook URL, or
 * with a secret token in the path, both compared in constant time. There is no timestamp to check;
 * a replayed record changes nothing, by the record's id (or message, recipient and time).
 */
export const createPostmarkAdapter = (): WebhookAdapter<PostmarkConfig> => ({
  name: 'postmark',
  // Basic credentials on /postmark, the path token on /postmark/<token>: each route answers only when its credential is configured.
  configOf: ({ postmark }, route) =>
    postmark && (route.pathToken === undefined ? postmark.username && postmark.password : postmark.token) ? postmark : undefined,
  async verify(request, config, context) {
    assertCredentials(request, config);
    const event = eventOf(readPayload(request.body, recordSchema), context.now);
    return { notices: webhookNotices('postmark', request.body, event ? [event] : []) };
  },
});
