import { z } from 'zod';
import { BOUNCE_REASONS, BOUNCE_TYPES } from '../classifier/classification';
import type { NoticeKind } from '../notice';
import { readPayload } from './payload';
import type { WebhookAdapter, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { assertFresh, hmacSha256, requireHeader, sameSecret, RequestRefused } from './verification';

type GenericConfig = NonNullable<WebhooksConfig['generic']>;

export const GENERIC_TIMESTAMP_HEADER = 'x-campaigns-timestamp';
export const GENERIC_SIGNATURE_HEADER = 'x-campaigns-signature';

const KINDS: Record<string, NoticeKind> = {
  bounce: 'bounce',
  complaint: 'complaint',
  delivered: 'delivered',
  open: 'open',
  unsubscribe: 'unsubscribe-request',
  'auto-reply': 'auto-reply',
  reply: 'reply',
};

/** The generic format (README, "Webhooks"): a batch of events, each with its own stable id. */
const payloadSchema = z.strictObject({
  events: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(128),
        type: z.enum(Object.keys(KINDS) as [string, ...string[]]),
        email: z.email(),
        messageId: z.string().max(998).optional(),
        at: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]).optional(),
        bounceType: z.enum(BOUNCE_TYPES).optional(),
        reason: z.enum(BOUNCE_REASONS).optional(),
        status: z
          .string()
          .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'an enhanced status code such as 5.1.1')
          .optional(),
        diagnostic: z.string().max(2000).optional(),
        feedbackType: z.string().max(32).optional(),
      })
    )
    .max(1000),
});

/** HMAC-SHA256 of `<timestamp>.<body>` under the secret, as the sender writes it: `sha256=<hex>`. */
export const genericSignature = (secret: string, timestamp: string, body: Buffer) =>
  `sha256=${hmacSha256(secret, timestamp, '.', body).toString('hex')}`;

/**
 * A format of our own for any other sender: `X-Campaigns-Timestamp` (Unix seconds) and
 * `X-Campaigns-Signature: sha256=<hex>`, the HMAC-SHA256 of the timestamp, a dot and the body.
 * The timestamp must be recent (maxAgeSeconds), so a sender signs each attempt afresh; an event
 * id seen before changes nothing.
 */
export const createGenericAdapter = (): WebhookAdapter<GenericConfig> => ({
  name: 'generic',
  configOf: (webhooks) => webhooks.generic,
  async verify(request, config, context) {
    const timestamp = requireHeader(request, GENERIC_TIMESTAMP_HEADER);
    const signature = requireHeader(request, GENERIC_SIGNATURE_HEADER);
    if (!sameSecret(signature.toLowerCase(), genericSignature(config.secret, timestamp, request.body)))
      throw new RequestRefused(`the ${GENERIC_SIGNATURE_HEADER} signature does not match the timestamp and body`);
    assertFresh(timestamp, context, `the ${GENERIC_TIMESTAMP_HEADER} timestamp`);
    const { events } = readPayload(request.body, payloadSchema);
    const mapped = events.map((event): WebhookEvent => ({
      reference: event.id,
      kind: KINDS[event.type]!,
      at: timeOf(event.at, context.now),
      feedbackType: event.feedbackType ?? null,
      messageIds: [event.messageId],
      recipients: [
        recipient(event.email, {
          bounceType: event.type === 'bounce' ? (event.bounceType ?? 'undetermined') : null,
          reason: event.reason ?? null,
          status: event.status,
          diagnostic: event.diagnostic,
        }),
      ],
    }));
    return { notices: webhookNotices('generic', request.body, mapped) };
  },
});
