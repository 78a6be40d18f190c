import { z } from 'zod';
import type { BounceReason } from '../classifier/classification';
import { parseJson, readPayload } from './payload';
import type { WebhookAdapter, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { reasonOfStatus, statusIn } from './status-reason';
import { assertFresh, hmacSha256, MalformedPayload, sameSecret, RequestRefused } from './verification';

type MailgunConfig = NonNullable<WebhooksConfig['mailgun']>;

const signatureSchema = z.object({
  timestamp: z.union([z.string(), z.number()]).transform(String),
  token: z.string().min(1),
  signature: z.string().min(1),
});

const eventDataSchema = z.looseObject({
  id: z.string().min(1),
  event: z.string().min(1),
  timestamp: z.number().optional(),
  recipient: z.string().optional(),
  severity: z.string().optional(),
  reason: z.string().optional(),
  message: z.looseObject({ headers: z.looseObject({ 'message-id': z.string().optional() }).prefault({}) }).prefault({}),
  'delivery-status': z
    .looseObject({
      code: z.union([z.number(), z.string()]).optional(),
      message: z.string().optional(),
      description: z.string().optional(),
      'enhanced-code': z.string().optional(),
      'bounce-code': z.string().optional(),
    })
    .optional(),
});
type MailgunEvent = z.output<typeof eventDataSchema>;

// Mailgun's failure reasons that are not the receiving server's answer.
const FAILURE_REASONS: Record<string, BounceReason> = {
  espblock: 'blocked',
  old: 'expired',
  'suppress-bounce': 'rejected',
};

const eventOf = (event: MailgunEvent, now: number): WebhookEvent | null => {
  if (!event.recipient) throw new MalformedPayload(`event-data.recipient: missing on a "${event.event}" event`);
  const base = { reference: event.id, at: timeOf(event.timestamp, now), messageIds: [event.message.headers['message-id']] };
  const status = event['delivery-status'];
  const diagnostic = status?.description || status?.message || null;
  const code = statusIn(status?.['enhanced-code']) ?? statusIn(status?.['bounce-code']) ?? statusIn(diagnostic);
  switch (event.event) {
    case 'failed': {
      // Mailgun keeps what it learnt: a send to an address it has as a complaint or unsubscribe fails with that reason.
      if (event.reason === 'suppress-complaint')
        return { ...base, kind: 'complaint', recipients: [recipient(event.recipient, { reason: 'feedback' })] };
      if (event.reason === 'suppress-unsubscribe')
        return { ...base, kind: 'unsubscribe-request', recipients: [recipient(event.recipient)] };
      const bounceType = event.severity === 'permanent' ? 'hard' : event.severity === 'temporary' ? 'soft' : 'undetermined';
      const reason = reasonOfStatus(code) ?? FAILURE_REASONS[event.reason ?? ''] ?? 'undefined';
      return { ...base, kind: 'bounce', recipients: [recipient(event.recipient, { bounceType, reason, status: code, diagnostic })] };
    }
    case 'complained':
      return { ...base, kind: 'complaint', feedbackType: 'abuse', recipients: [recipient(event.recipient, { reason: 'feedback' })] };
    case 'unsubscribed':
      return { ...base, kind: 'unsubscribe-request', recipients: [recipient(event.recipient)] };
    case 'delivered':
      return { ...base, kind: 'delivered', recipients: [recipient(event.recipient, { reason: 'delivered', diagnostic: status?.message })] };
    case 'opened':
      return { ...base, kind: 'open', recipients: [recipient(event.recipient)] };
    default:
      // accepted, clicked, stored, rejected (by our own request): nothing for the pipeline.
      return null;
  }
};

/**
 * Mailgun signs a timestamp and a random token, not the body: HMAC-SHA256 of `timestamp + token`
 * under the webhook signing key. So the body is read only for that signature block before it is
 * checked; then the timestamp must be recent (maxAgeSeconds) and the token new: each token is
 * claimed in Redis (every instance sees it) for twice the age limit, and a second use is refused.
 */
export const createMailgunAdapter = (): WebhookAdapter<MailgunConfig> => ({
  name: 'mailgun',
  configOf: (webhooks) => webhooks.mailgun,
  async verify(request, config, context) {
    const signed = signatureOf(request.body);
    const expected = hmacSha256(config.signingKey, signed.timestamp, signed.token).toString('hex');
    if (!sameSecret(signed.signature.toLowerCase(), expected))
      throw new RequestRefused('signature.signature does not match the timestamp and token');
    assertFresh(signed.timestamp, context, 'signature.timestamp');
    const { 'event-data': event } = readPayload(request.body, z.object({ 'event-data': eventDataSchema }));
    const mapped = eventOf(event, context.now);
    const claimed = `mailgun:${signed.token}`;
    if (!(await context.claimOnce(claimed, context.maxAgeSeconds * 2)))
      throw new RequestRefused('signature.token was used before: a replay');
    return { notices: webhookNotices('mailgun', request.body, mapped ? [mapped] : []), claimed };
  },
});

// The signature block of a body that may be anything: missing or malformed, there is nothing to verify.
const signatureOf = (body: Buffer) => {
  const block = signatureSchema.safeParse((parseJson(body) as { signature?: unknown } | null)?.signature);
  if (!block.success) throw new RequestRefused('the body has no signature block {timestamp, token, signature}');
  return block.data;
};
