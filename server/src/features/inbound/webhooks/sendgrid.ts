import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { BounceReason } from '../classifier/classification';
import { readPayload } from './payload';
import type { WebhookAdapter, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { reasonOfStatus, statusIn } from './status-reason';
import { assertFresh, requireHeader, RequestRefused } from './verification';

type SendgridConfig = NonNullable<WebhooksConfig['sendgrid']>;

export const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

const eventSchema = z.looseObject({
  email: z.string().min(1),
  event: z.string().min(1),
  timestamp: z.number().optional(),
  sg_event_id: z.string().optional(),
  'smtp-id': z.string().optional(),
  type: z.string().optional(),
  reason: z.string().optional(),
  status: z.string().optional(),
  response: z.string().optional(),
  bounce_classification: z.string().optional(),
});
type SendgridEvent = z.output<typeof eventSchema>;

// SendGrid's own grouping of bounce answers; the enhanced status code, when there is one, says more.
const CLASSIFICATION_REASONS: Record<string, BounceReason> = {
  'Invalid Address': 'userunknown',
  'Mailbox Unavailable': 'suspend',
  Technical: 'systemerror',
  Content: 'contenterror',
  Reputation: 'badreputation',
  'Frequency or Volume': 'speeding',
  Unclassified: 'undefined',
};

/** A drop is SendGrid refusing to send: for an address it knows bounced, complained or unsubscribed, that is what it reports. */
const droppedEvent = (event: SendgridEvent, base: Omit<WebhookEvent, 'kind' | 'recipients'>): WebhookEvent => {
  const reason = event.reason ?? '';
  if (/spam report/i.test(reason))
    return {
      ...base,
      kind: 'complaint',
      feedbackType: 'abuse',
      recipients: [recipient(event.email, { reason: 'feedback', diagnostic: reason })],
    };
  if (/unsubscribe/i.test(reason))
    return { ...base, kind: 'unsubscribe-request', recipients: [recipient(event.email, { diagnostic: reason })] };
  const bounced = /bounced address/i.test(reason);
  const invalid = /^invalid$/i.test(reason.trim());
  return {
    ...base,
    kind: 'bounce',
    recipients: [
      recipient(event.email, {
        bounceType: bounced || invalid ? 'hard' : 'undetermined',
        reason: invalid ? 'syntaxerror' : bounced ? 'rejected' : 'undefined',
        diagnostic: reason,
      }),
    ],
  };
};

const eventOf = (event: SendgridEvent, now: number): WebhookEvent | null => {
  const base = {
    // sg_event_id is unique per event and kept on SendGrid's retries; an event without one is named by its content.
    reference: event.sg_event_id ?? createHash('sha256').update(JSON.stringify(event)).digest('hex'),
    at: timeOf(event.timestamp, now),
    messageIds: [event['smtp-id']],
  };
  const diagnostic = event.reason ?? event.response ?? null;
  const status = statusIn(event.status) ?? statusIn(diagnostic);
  switch (event.event) {
    case 'bounce': {
      // `blocked` is a block by the receiving server (reputation, content): the address may be fine.
      const bounceType = event.type === 'blocked' ? 'soft' : 'hard';
      const reason =
        reasonOfStatus(status) ??
        CLASSIFICATION_REASONS[event.bounce_classification ?? ''] ??
        (event.type === 'blocked' ? 'blocked' : 'undefined');
      return { ...base, kind: 'bounce', recipients: [recipient(event.email, { bounceType, reason, status, diagnostic })] };
    }
    case 'deferred':
      return {
        ...base,
        kind: 'bounce',
        recipients: [recipient(event.email, { bounceType: 'soft', reason: reasonOfStatus(status) ?? 'undefined', status, diagnostic })],
      };
    case 'dropped':
      return droppedEvent(event, base);
    case 'spamreport':
      return { ...base, kind: 'complaint', feedbackType: 'abuse', recipients: [recipient(event.email, { reason: 'feedback' })] };
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { ...base, kind: 'unsubscribe-request', recipients: [recipient(event.email)] };
    case 'delivered':
      return { ...base, kind: 'delivered', recipients: [recipient(event.email, { reason: 'delivered', diagnostic: event.response })] };
    case 'open':
      return { ...base, kind: 'open', recipients: [recipient(event.email)] };
    default:
      // processed, click, group_resubscribe: nothing for the pipeline (clicks are our own tracking's).
      return null;
  }
};

const keyOf = (publicKey: string): KeyObject => {
  try {
    return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error('webhooks.sendgrid.publicKey is not the base64 public key SendGrid shows for the signed event webhook');
  }
};

// A signature that is not even DER makes OpenSSL throw: it matches nothing either way.
const signatureMatches = (signed: Buffer, key: KeyObject, signature: string) => {
  try {
    return verify('sha256', signed, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};

/**
 * SendGrid's signed event webhook: ECDSA (P-256, SHA-256) over the timestamp header followed by
 * the body, with the verification key SendGrid shows. The timestamp must be recent (maxAgeSeconds);
 * each event's sg_event_id makes a repeated event change nothing.
 */
export const createSendgridAdapter = (): WebhookAdapter<SendgridConfig> => {
  const keys = new Map<string, KeyObject>();
  return {
    name: 'sendgrid',
    configOf: (webhooks) => webhooks.sendgrid,
    async verify(request, config, context) {
      const signature = requireHeader(request, SIGNATURE_HEADER);
      const timestamp = requireHeader(request, TIMESTAMP_HEADER);
      let key = keys.get(config.publicKey);
      if (!key) keys.set(config.publicKey, (key = keyOf(config.publicKey)));
      const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
      if (!signatureMatches(signed, key, signature))
        throw new RequestRefused(`the ${SIGNATURE_HEADER} signature does not match the timestamp and body`);
      assertFresh(timestamp, context, `the ${TIMESTAMP_HEADER} timestamp`);
      const events = readPayload(request.body, z.array(eventSchema));
      const mapped = events.map((event) => eventOf(event, context.now)).filter((event): event is WebhookEvent => event !== null);
      return { notices: webhookNotices('sendgrid', request.body, mapped) };
    },
  };
};
