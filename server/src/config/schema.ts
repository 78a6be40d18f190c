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

const importsSchema = z
  .strictObject({
    // Checked before the file is read. Strapi's body parser has a limit of its own (formidable's
    // maxFileSize, 200 MB unless the host raises it in config/middlewares): the lower one wins.
    maxFileBytes: z.number().int().positive().default(500 * 1024 * 1024),
    // Where uploads wait for the import job and reports stay; dedicated workers on other hosts need
    // it on a shared volume. Defaults to <app>/.tmp/campaigns-imports.
    directory: z.string().min(1).optional(),
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
  imports: importsSchema,
});

export type PluginConfigInput = z.input<typeof configSchema>;
export type PluginConfig = z.output<typeof configSchema>;
