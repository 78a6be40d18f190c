import { z } from 'zod';
import type { BounceReason, BounceType } from '../classifier/classification';
import { parseJson, readPayload } from './payload';
import type { WebhookAdapter, WebhooksConfig } from './provider';
import { recipient, timeOf, webhookNotices, type WebhookEvent } from './notices';
import { amazonSnsUrl, assertSnsSignature, certificateUrl, createCertificateCache, snsMessageSchema, type SnsMessage } from './sns';
import { reasonOfStatus } from './status-reason';
import { MalformedPayload, RequestRefused } from './verification';

type SesConfig = NonNullable<WebhooksConfig['ses']>;

const address = z.object({ emailAddress: z.string().min(1) });

/** The parts of an SES notification (identity notifications or configuration-set event publishing) that we read. */
const sesEventSchema = z.object({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  mail: z
    .object({
      timestamp: z.string().optional(),
      destination: z.array(z.string()).default([]),
      headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
      commonHeaders: z.object({ messageId: z.string().optional() }).optional(),
    })
    .prefault({}),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().default('General'),
      bouncedRecipients: z.array(address.extend({ status: z.string().nullish(), diagnosticCode: z.string().nullish() })),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(address),
      complaintFeedbackType: z.string().nullish(),
      timestamp: z.string().optional(),
    })
    .optional(),
  delivery: z.object({ recipients: z.array(z.string()), timestamp: z.string().optional(), smtpResponse: z.string().nullish() }).optional(),
  open: z.object({ timestamp: z.string().optional() }).optional(),
});
type SesEvent = z.output<typeof sesEventSchema>;

const BOUNCE_TYPES: Record<string, BounceType> = { Permanent: 'hard', Transient: 'soft', Undetermined: 'undetermined' };

// SES's bounce sub-types that say more than the status code; `General` and the rest leave it to the code.
const SUB_TYPE_REASONS: Record<string, BounceReason> = {
  NoEmail: 'userunknown',
  // SES refused to send: the address is on its suppression list for an earlier hard bounce.
  Suppressed: 'rejected',
  OnAccountSuppressionList: 'rejected',
  MailboxFull: 'mailboxfull',
  MessageTooLarge: 'mesgtoobig',
  ContentRejected: 'contenterror',
  AttachmentRejected: 'contenterror',
};

/** The Message-IDs SES echoes of the message we sent: the original header (when included) and the common header. */
const messageIdsOf = (event: SesEvent) => [
  ...event.mail.headers.filter((h) => h.name.toLowerCase() === 'message-id').map((h) => h.value),
  event.mail.commonHeaders?.messageId,
];

const eventOf = (event: SesEvent, reference: string, now: number): WebhookEvent | null => {
  const type = event.eventType ?? event.notificationType;
  const base = { reference, messageIds: messageIdsOf(event) };
  switch (type) {
    case 'Bounce': {
      const bounce = event.bounce;
      if (!bounce) throw new MalformedPayload('Message: a Bounce notification without its bounce object');
      const bounceType = BOUNCE_TYPES[bounce.bounceType] ?? 'undetermined';
      return {
        ...base,
        kind: 'bounce',
        at: timeOf(bounce.timestamp, now),
        recipients: bounce.bouncedRecipients.map((r) => {
          const status = r.status ?? null;
          const reason = SUB_TYPE_REASONS[bounce.bounceSubType] ?? reasonOfStatus(status) ?? 'undefined';
          return recipient(r.emailAddress, { bounceType, reason, status, diagnostic: r.diagnosticCode });
        }),
      };
    }
    case 'Complaint': {
      const complaint = event.complaint;
      if (!complaint) throw new MalformedPayload('Message: a Complaint notification without its complaint object');
      return {
        ...base,
        kind: 'complaint',
        at: timeOf(complaint.timestamp, now),
        feedbackType: complaint.complaintFeedbackType ?? null,
        recipients: complaint.complainedRecipients.map((r) => recipient(r.emailAddress, { reason: 'feedback' })),
      };
    }
    case 'Delivery':
      return {
        ...base,
        kind: 'delivered',
        at: timeOf(event.delivery?.timestamp, now),
        recipients: (event.delivery?.recipients ?? event.mail.destination).map((email) =>
          recipient(email, { reason: 'delivered', diagnostic: event.delivery?.smtpResponse })
        ),
      };
    case 'Open':
      return {
        ...base,
        kind: 'open',
        at: timeOf(event.open?.timestamp, now),
        recipients: event.mail.destination.map((email) => recipient(email)),
      };
    default:
      // Send, Reject, Click, Rendering Failure, DeliveryDelay, Subscription: nothing for the pipeline (SES retries a delay itself).
      return null;
  }
};

/**
 * Amazon SES through an SNS topic subscribed over HTTPS. SNS signs every message with the key of a
 * certificate it names by URL: the URL must be SNS's own (https, sns.<region>.amazonaws.com), the
 * certificate is fetched once per URL, and the signature is checked over AWS's string-to-sign
 * before the topic is compared with the allow-list. SNS repeats a message's signed Timestamp on
 * every retry (for up to hours, per the topic's delivery policy), so its age is not held against
 * it: a replayed notification changes nothing, by its MessageId.
 */
export const createSesAdapter = (): WebhookAdapter<SesConfig> => {
  const certificates = createCertificateCache();
  return {
    name: 'ses',
    configOf: (webhooks) => webhooks.ses,
    async verify(request, config, context) {
      // Only the envelope is read before the signature is checked: nothing of the message is acted on yet.
      const envelope = snsMessageSchema.safeParse(parseJson(request.body));
      if (!envelope.success) {
        const issue = envelope.error.issues[0]!;
        throw new RequestRefused(`not a signed SNS message: ${issue.path.join('.') || 'the body'}: ${issue.message}`);
      }
      const message: SnsMessage = envelope.data;
      const certificate = await certificates(certificateUrl(message), context.fetchText);
      assertSnsSignature(message, certificate, context.now);
      if (!config.topicArns.includes(message.TopicArn))
        throw new RequestRefused(`topic ${message.TopicArn} is not among webhooks.ses.topicArns`);

      if (message.Type === 'SubscriptionConfirmation')
        return { notices: [], subscribeUrl: amazonSnsUrl(message.SubscribeURL ?? '', 'SubscribeURL').href };
      if (message.Type === 'UnsubscribeConfirmation') return { notices: [] };
      const event = eventOf(readPayload(Buffer.from(message.Message, 'utf8'), sesEventSchema), message.MessageId, context.now);
      return { notices: webhookNotices('ses', request.body, event ? [event] : []) };
    },
  };
};
