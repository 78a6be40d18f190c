import { z } from 'zod';
import { WORKER_MODES } from '../constants';

const port = z.number().int().min(1).max(65535);

const redisSchema = z
  .strictObject({
    url: z.string().url().optional(),
    host: z.string().min(1).default('127.0.0.1'),
    port: port.default(6379),
    db: z.number().int().min(0).max(15).default(0),
    username: z.string().optional(),
    password: z.string().optional(),
    tls: z.boolean().default(false),
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
      .default('campaigns'),
  })
  .prefault({});

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
  })
  .prefault({});

const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'a lower-case domain such as gmail.com');

const rateLimitsSchema = z
  .strictObject({
    messagesPerSecond: z.number().positive().max(100000).default(50),
    perDomain: z.record(domainName, z.number().positive().max(100000)).default({}),
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
    topics: z.array(z.string().regex(/^[a-z0-9-]{1,100}$/, 'a topic slug such as product-news')).max(100).default([]),
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
    maxFileBytes: z.number().int().positive().default(500 * 1024 * 1024),
    // Where uploads wait for the import job and reports stay; dedicated workers on other hosts need
    // it on a shared volume. Defaults to <app>/.tmp/campaigns-imports.
    directory: z.string().min(1).optional(),
    // Rejected-rows reports of finished imports are deleted after this many days; counters stay.
    reportRetentionDays: z.number().int().min(1).max(3650).default(30),
  })
  .prefault({});

export const configSchema = z.strictObject({
  redis: redisSchema,
  smtp: smtpSchema,
  publicUrl: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
    .optional(),
  signingSecret: z.string().min(32, 'at least 32 characters').optional(),
  workerMode: z.enum(WORKER_MODES).default('in-process'),
  rateLimits: rateLimitsSchema,
  audienceSources: audienceSourcesSchema,

  imports: importsSchema,
});

export type PluginConfigInput = z.input<typeof configSchema>;
export type PluginConfig = z.output<typeof configSchema>;
export type AudienceSourceConfig = PluginConfig['audienceSources'][number];
