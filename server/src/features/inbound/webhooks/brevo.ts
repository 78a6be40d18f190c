import { z } from 'zod';
import { checkPayload, parseJson } from './payload';
import type { WebhookAdapter, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { reasonOfStatus, statusIn } from './status-reason';
import { requireHeader, sameSecret, RequestRefused } from './verification';

type BrevoConfig = NonNullable<WebhooksConfig['brevo']>;

const eventSchema = z.looseObject({
  event: z.string().min(1),
  email: z.string().min(1),
  'message-id': z.string().optional(),
  ts_event: z.number().optional(),
  ts_epoch: z.number().optional(),
  date: z.string().optional(),
  reason: z.string().optional(),
});
type BrevoEvent = z.output<typeof eventSchema>;

const bounce = (event: BrevoEvent, bounceType: 'hard' | 'soft' | 'undetermined', fallback: 'undefined' | 'syntaxerror' | 'rejected') => {
  const status = statusIn(event.reason);
  return recipient(event.email, { bounceType, reason: reasonOfStatus(status) ?? fallback, status, diagnostic: event.reason });
};

const eventOf = (event: BrevoEvent, now: number): WebhookEvent | null => {
  // Brevo's `id` is the webhook's, not the event's: an event is named by its type, message, recipient and time, the same on each retry.
  const when = event.ts_epoch ?? event.ts_event ?? event.date;
  const base = {
    reference: `${event.event}:${event['message-id']}:${event.email.toLowerCase()}:${when}`,
    at: timeOf(when, now),
    messageIds: [event['message-id']],
  };
  switch (event.event) {
    case 'hard_bounce':
      return { ...base, kind: 'bounce', recipients: [bounce(event, 'hard', 'undefined')] };
    case 'soft_bounce':
    case 'deferred':
      return { ...base, kind: 'bounce', recipients: [bounce(event, 'soft', 'undefined')] };
    case 'invalid_email':
      return { ...base, kind: 'bounce', recipients: [bounce(event, 'hard', 'syntaxerror')] };
    // Brevo refused to send (the address is on its blocklist, for a bounce, a complaint or an unsubscribe it does not say).
    case 'blocked':
      return { ...base, kind: 'bounce', recipients: [bounce(event, 'undetermined', 'rejected')] };
    case 'spam':
    case 'complaint':
      return { ...base, kind: 'complaint', feedbackType: 'abuse', recipients: [recipient(event.email, { reason: 'feedback' })] };
    case 'unsubscribed':
      return { ...base, kind: 'unsubscribe-request', recipients: [recipient(event.email)] };
    case 'delivered':
      return { ...base, kind: 'delivered', recipients: [recipient(event.email, { reason: 'delivered' })] };
    case 'opened':
    case 'unique_opened':
    case 'proxy_open':
      return { ...base, kind: 'open', recipients: [recipient(event.email)] };
    default:
      // request, click, error...: nothing for the pipeline.
      return null;
  }
};

/**
 * Brevo's transactional webhooks, authenticated by the bearer token set on the webhook (its
 * `auth: { type: 'bearer', token }`), compared in constant time. Brevo signs no timestamp; a
 * replayed event changes nothing. A batched webhook posts an array of events.
 */
export const createBrevoAdapter = (): WebhookAdapter<BrevoConfig> => ({
  name: 'brevo',
  configOf: (webhooks) => webhooks.brevo,
  async verify(request, config, context) {
    const [scheme, token = ''] = requireHeader(request, 'authorization').split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'bearer' || !sameSecret(token, config.token))
      throw new RequestRefused('the Authorization bearer token is wrong');
    const payload = parseJson(request.body);
    const events = checkPayload(Array.isArray(payload) ? payload : [payload], z.array(eventSchema)).map((event) =>
      eventOf(event, context.now)
    );
    return {
      notices: webhookNotices(
        'brevo',
        request.body,
        events.filter((event): event is WebhookEvent => event !== null)
      ),
    };
  },
});
