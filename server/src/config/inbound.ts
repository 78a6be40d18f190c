import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

const port = z.number().int().min(1).max(65535);
const secret = z.string().min(16, 'at least 16 characters');

/** SendGrid shows its verification key as the base64 DER of an EC P-256 public key: anything else would fail every request. */
const isP256Key = (base64: string) => {
  try {
    return (
      createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyDetails?.namedCurve === 'prime256v1'
    );
  } catch {
    return false;
  }
};

/** What the pipeline does with each class of notice (features/inbound/policy.ts applies it). */
const policySchema = z
  .strictObject({
    // A hard bounce suppresses the address and marks its contact `bounced` at once.
    hardBounce: z.enum(['suppress', 'ignore']).default('suppress'),
    softBounce: z
      .strictObject({
        action: z.enum(['suppress', 'ignore']).default('suppress'),
        // Soft bounces of one address on this many distinct campaigns within windowDays suppress it...
        count: z.number().int().min(1).max(100).default(3),
        windowDays: z.number().int().min(1).max(365).default(30),
        // ...for this many days (0: until an admin lifts it).
        suppressDays: z.number().int().min(0).max(3650).default(30),
      })
      .prefault({}),
    // A complaint suppresses the address everywhere and marks its contact `complained`.
    complaint: z.enum(['suppress', 'ignore']).default('suppress'),
    // Mail to the List-Unsubscribe mailto:, or a reply that only says unsubscribe.
    unsubscribeRequest: z.enum(['unsubscribe', 'ignore']).default('unsubscribe'),
  })
  .prefault({});

/** When a sending campaign is paused for its bounces or complaints (features/inbound/rate-guard.ts). */
const rateGuardSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    // Rates mean little on a few messages: nothing is judged before this many deliveries are sent.
    minDeliveries: z.number().int().min(1).default(500),
    // Fractions of sent deliveries: 0.003 is 0.3%, the complaint rate Gmail and Yahoo never accept.
    complaintRate: z.number().min(0).max(1).default(0.003),
    hardBounceRate: z.number().min(0).max(1).default(0.05),
  })
  .prefault({});

/** What one inbound message may cost (features/inbound/classifier). */
const limitsSchema = z
  .strictObject({
    maxMessageBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .default(10 * 1024 * 1024),
    maxDepth: z.number().int().min(1).max(100).default(20),
    maxParts: z.number().int().min(1).max(10000).default(500),
    maxHeaderBytes: z
      .number()
      .int()
      .min(4 * 1024)
      .default(256 * 1024),
    timeLimitMs: z.number().int().min(100).max(60000).default(5000),
    // The raw mail or webhook body kept for the admin is cut here.
    storedRawBytes: z
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
  })
  .prefault({});

/** Answers a current OAuth2 access token for a mailbox (refreshing it with the provider when needed). */
export type AccessTokenSupplier = () => string | Promise<string>;

const mailboxSchema = z
  .strictObject({
    // Names the mailbox in logs, checkpoints and notices (`imap:<name>`).
    name: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and "-"'),
    // What it receives: bounces (DSNs, auto-replies), feedback-loop reports (ARF), both, or replies to
    // campaigns (a shared inbox people read too: mail about none of our messages is left untouched).
    purpose: z.enum(['bounces', 'feedback', 'both', 'replies']).default('both'),
    host: z.string().min(1),
    port: port.default(993),
    // TLS from the first byte (993); false means plain or STARTTLS (143).
    secure: z.boolean().default(true),
    rejectUnauthorized: z.boolean().default(true),
    user: z.string().min(1),
    password: z.string().optional(),
    // An OAuth2 access token instead of a password (Gmail, Microsoft 365); they expire within hours, so a
    // function that answers a fresh one is asked at each connection.
    accessToken: z
      .union([
        z.string().min(1),
        z.custom<AccessTokenSupplier>((value) => typeof value === 'function', 'a function () => Promise<string> answering a current token'),
      ])
      .optional(),
    folder: z.string().min(1).default('INBOX'),
    // After a message is processed: flag it \Seen, move it to `processedFolder`, or delete it.
    after: z.enum(['flag', 'move', 'delete']).default('flag'),
    processedFolder: z.string().min(1).default('Processed'),
    // Where a message that cannot be processed is moved aside.
    errorFolder: z.string().min(1).default('Unprocessable'),
    // Without IDLE the mailbox is polled this often.
    pollSeconds: z.number().int().min(5).max(86400).default(60),
  })
  .refine((m) => Boolean(m.password) !== Boolean(m.accessToken), {
    message: 'give either password or accessToken',
    path: ['password'],
  });

const webhooksSchema = z
  .strictObject({
    // A signed timestamp older than this (or further in the future) is refused as a replay.
    maxAgeSeconds: z.number().int().min(10).max(86400).default(300),
    ses: z
      .strictObject({
        // Only notifications of these SNS topics are accepted.
        topicArns: z.array(z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'an SNS topic ARN')).min(1),
      })
      .optional(),
    sendgrid: z
      .strictObject({
        publicKey: z.string().refine(isP256Key, 'the verification key SendGrid shows for the signed event webhook (base64)'),
      })
      .optional(),
    mailgun: z.strictObject({ signingKey: secret }).optional(),
    postmark: z
      .strictObject({
        username: z.string().min(1).optional(),
        password: z.string().min(8).optional(),
        // Or a secret in the path: /api/campaigns/inbound/webhooks/postmark/<token>.
        token: secret.optional(),
      })
      .refine((p) => Boolean(p.token) || (Boolean(p.username) && Boolean(p.password)), 'give token, or username and password')
      .optional(),
    brevo: z.strictObject({ token: secret }).optional(),
    generic: z.strictObject({ secret }).optional(),
  })
  .prefault({});

export const inboundSchema = z
  .strictObject({
    policy: policySchema,
    rateGuard: rateGuardSchema,
    limits: limitsSchema,
    // POST /api/campaigns/inbound/mail answers 404 until this is set.
    rawMail: z.strictObject({ secret }).optional(),
    webhooks: webhooksSchema,
    mailboxes: z
      .array(mailboxSchema)
      .max(20)
      .default([])
      .check((ctx) => {
        const seen = new Set<string>();
        ctx.value.forEach((mailbox, index) => {
          if (seen.has(mailbox.name))
            ctx.issues.push({ code: 'custom', input: mailbox.name, path: [index, 'name'], message: `"${mailbox.name}" is listed twice` });
          seen.add(mailbox.name);
        });
      }),
  })
  .prefault({});
