import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { WORKER_MODES } from '../constants';
import type { Transport } from '../mail/transport';
import { LANGUAGE_CODE, languageProblems, type Messages } from '../public-pages/locales';
import { inboundSchema } from './inbound';
import { redisSchema } from './redis';

const port = z.number().int().min(1).max(65535);

const smtpSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: port.default(587),
    secure: z.boolean().default(false),
    requireTLS: z.boolean().default(false),
    ignoreTLS: z.boolean().default(false),
    rejectUnauthorized: z.boolean().default(true),
    auth: z.strictObject({ user: z.string().min(1), pass: z.string() }).optional(),
    pool: z.boolean().default(true),
    maxConnections: z.number().int().min(1).max(100).default(5),
    maxMessages: z.number().int().min(1).default(100),
    // The name this host gives in EHLO; receiving servers compare it with its reverse DNS. Defaults to the host name.
    name: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'a host name')
      .optional(),
  })
  .prefault({});

const domainName = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'a lower-case domain such as gmail.com');

const rateLimitsSchema = z
  .strictObject({
    messagesPerSecond: z.number().positive().max(100000).default(50),
    perDomain: z.record(domainName, z.number().positive().max(100000)).default({}),
  })
  .prefault({});

const mailbox = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@<>"(),;:]+@([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/, 'an address such as bounces@example.com');

/** Builds the transport the send workers use instead of the SMTP pool (an ESP's API, say). */
export type TransportFactory = (context: { strapi: Core.Strapi }) => Transport;

const sendingSchema = z
  .strictObject({
    // The from addresses editors may pick; when empty any address is accepted.
    senders: z
      .array(
        z.strictObject({
          email: mailbox,
          name: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .regex(/^[^\r\n]*$/, 'one line')
            .optional(),
        })
      )
      .max(100)
      .default([]),
    // VERP base of the Return-Path: bounces come back to bounces+<delivery>-<mac>@domain. Defaults to bounces@<publicUrl host>.
    bounceAddress: mailbox.optional(),
    // The base of each message's signed Reply-To (replies+<delivery>-<mac>@domain), unless the campaign has its own.
    replyAddress: mailbox.optional(),
    // The mailto: of List-Unsubscribe. Defaults to unsubscribe@<domain of the bounce address>.
    unsubscribeMailto: mailbox.optional(),
    // The right side of Message-IDs. Defaults to the bounce address's domain.
    messageIdDomain: z
      .string()
      .regex(/^([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/, 'a lower-case domain')
      .optional(),
    // The last part of Feedback-ID (Gmail's feedback loop groups complaints by it).
    feedbackId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" and "-"')
      .default('campaigns'),
    // The sender's postal address (CAN-SPAM wants one in every message): templates read it as {{ postal_address }}.
    postalAddress: z.string().trim().min(1, 'the postal address, or leave the option out').max(500).optional(),
    // A 4xx is tried again this many times in all, waiting retryDelaySeconds, then twice that, and so on.
    maxAttempts: z.number().int().min(1).max(20).default(5),
    retryDelaySeconds: z.number().min(0).max(86400).default(60),
    // Deliveries per send job, and send jobs one worker process runs at once (messages in flight).
    batchSize: z.number().int().min(1).max(1000).default(100),
    concurrency: z.number().int().min(1).max(200).default(10),
    dkim: z
      .strictObject({
        domainName: z.string().min(1),
        keySelector: z.string().min(1),
        privateKey: z.string().includes('PRIVATE KEY', { message: 'a PEM private key' }),
        // A relay without 8BITMIME would re-encode an 8bit body and break the signature.
        allowEightBit: z.boolean().default(false),
      })
      .optional(),
    transport: z
      .custom<TransportFactory>((value) => typeof value === 'function', 'a function ({ strapi }) => ({ send, close })')
      .optional(),
  })
  .prefault({});

/** A contact field a source field can fill: a column of the contact, or one key of its attributes JSON. */
const CONTACT_TARGETS = ['firstName', 'lastName', 'locale', 'timezone'] as const;
const contactTarget = z
  .string()
  .refine(
    (key) => (CONTACT_TARGETS as readonly string[]).includes(key) || /^attribute:[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key),
    `a contact field (${CONTACT_TARGETS.join(', ')}) or "attribute:<name>" (letters, digits and "_")`
  );

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an attribute name of the source content type');

const audienceSourceSchema = z
  .strictObject({
    uid: z
      .string()
      .regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'a content type uid such as plugin::users-permissions.user or api::member.member')
      .refine((uid) => !uid.startsWith('plugin::campaigns.'), "the plugin's own content types cannot be a source"),
    emailField: fieldName.default('email'),
    fields: z.record(contactTarget, fieldName).default({}),
    topics: z
      .array(z.string().regex(/^[a-z0-9-]{1,100}$/, 'a topic slug such as product-news'))
      .max(100)
      .default([]),
    consentSource: z.string().trim().min(1).max(255).optional(),
    mirrorDeletes: z.enum(['delete', 'unsubscribe']).default('delete'),
  })
  .transform((source) => ({ ...source, consentSource: source.consentSource ?? `source:${source.uid}` }));

const audienceSourcesSchema = z
  .array(audienceSourceSchema)
  .default([])
  .check((ctx) => {
    const seen = new Set<string>();
    ctx.value.forEach((source, index) => {
      if (seen.has(source.uid)) {
        ctx.issues.push({ code: 'custom', input: source.uid, path: [index, 'uid'], message: `"${source.uid}" is listed twice` });
      }
      seen.add(source.uid);
    });
  });

const importsSchema = z
  .strictObject({
    // Checked before the file is read. Strapi's body parser has a limit of its own (formidable's
    // maxFileSize, 200 MB unless the host raises it in config/middlewares): the lower one wins.
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .default(500 * 1024 * 1024),
    // Where uploads wait for the import job and reports stay; dedicated workers on other hosts need
    // it on a shared volume. Defaults to <app>/.tmp/campaigns-imports.
    directory: z.string().min(1).optional(),
    // Rejected-rows reports of finished imports are deleted after this many days; counters stay.
    reportRetentionDays: z.number().int().min(1).max(3650).default(30),
  })
  .prefault({});

const publicLimitsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    // Fixed windows, counted in Redis so that every instance shares them.
    windowSeconds: z.number().int().min(1).max(86400).default(60),
    // Requests of one token that pass whatever its client IP did: a mail client's link scanner, then the person.
    firstPerToken: z.number().int().min(1).default(5),
    perToken: z.number().int().min(1).default(30),
    // Valid tokens from one client IP (an IPv6 client is its /64) beyond each token's first requests.
    perIp: z.number().int().min(1).default(300),
    // Tokens that fail verification, from one client IP.
    invalidPerIp: z.number().int().min(1).default(30),
  })
  .refine((limits) => limits.firstPerToken <= limits.perToken, { message: 'firstPerToken cannot exceed perToken', path: ['firstPerToken'] })
  .prefault({});

/**
 * Languages a site adds to the public pages (or a built-in one it rewrites): `{ it: { ...every key
 * of public-pages/locales/en.ts } }`. A language missing a key would show a hole where the text
 * goes, so the boot stops naming it.
 */
const pagesSchema = z
  .strictObject({
    languages: z
      .record(z.string().regex(LANGUAGE_CODE, 'a lower-case language code such as it or pt'), z.record(z.string(), z.unknown()))
      .superRefine((languages, ctx) => {
        for (const [language, messages] of Object.entries(languages)) {
          for (const problem of languageProblems(messages)) {
            ctx.addIssue({ code: 'custom', path: [language, problem.key], message: problem.message });
          }
        }
      })
      .transform((languages) => languages as Record<string, Messages>)
      .default({}),
  })
  .prefault({});

const schedulingSchema = z
  .strictObject({
    // A scheduled campaign whose time passed while nothing ran (the app down, Redis lost) still starts
    // within this many minutes of it; later, it is paused for an editor to decide.
    graceMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
  })
  .prefault({});

const repliesSchema = z
  .strictObject({
    // Mail the campaign's owner (the admin who created it) about each person's reply.
    notifyOwner: z.boolean().default(false),
  })
  .prefault({});

export const configSchema = z
  .strictObject({
    redis: redisSchema,
    smtp: smtpSchema,
    publicUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
      .optional(),
    // Production refuses an http:// publicUrl (one-click unsubscribe needs https) unless this says the risk is known.
    allowInsecurePublicUrl: z.boolean().default(false),
    signingSecret: z.string().min(32, 'at least 32 characters').optional(),
    workerMode: z.enum(WORKER_MODES).default('in-process'),
    rateLimits: rateLimitsSchema,
    sending: sendingSchema,
    audienceSources: audienceSourcesSchema,

    imports: importsSchema,
    publicLimits: publicLimitsSchema,
    pages: pagesSchema,
    inbound: inboundSchema,
    scheduling: schedulingSchema,
    replies: repliesSchema,
  })
  // The reply address is signed per delivery: without the key every reply to it would match nothing.
  .refine((config) => !config.sending.replyAddress || Boolean(config.signingSecret), {
    message: 'needs signingSecret: each Reply-To is signed with it',
    path: ['sending', 'replyAddress'],
  });

export type PluginConfigInput = z.input<typeof configSchema>;
export type PluginConfig = z.output<typeof configSchema>;
export type AudienceSourceConfig = PluginConfig['audienceSources'][number];
