import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * The plugin is this repository's root. The path must be absolute: Strapi first tries
 * require.resolve() on `resolve`, which turns a relative '..' into a folder inside @strapi/core.
 */
const findPluginRoot = (from: string): string => {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'strapi-plugin-campaigns') {
      return dir;
    }
  }
  throw new Error(`strapi-plugin-campaigns not found above ${from}`);
};

/**
 * CAMPAIGNS_SOURCE_USERS=true mirrors users-permissions users into contacts; the other
 * CAMPAIGNS_SOURCE_USERS_* variables change its options (tests use them to try bad ones).
 */
const usersSource = ({ env }: Core.Config.Shared.ConfigParams) => ({
  uid: env('CAMPAIGNS_SOURCE_USERS_UID', 'plugin::users-permissions.user'),
  emailField: env('CAMPAIGNS_SOURCE_USERS_EMAIL_FIELD', 'email'),
  fields: env.json('CAMPAIGNS_SOURCE_USERS_FIELDS', {
    firstName: 'firstName',
    lastName: 'lastName',
    locale: 'language',
    timezone: 'timeZone',
    'attribute:username': 'username',
    'attribute:confirmed': 'confirmed',
  }),
  topics: env.array('CAMPAIGNS_SOURCE_USERS_TOPICS', []),
  mirrorDeletes: env('CAMPAIGNS_SOURCE_USERS_DELETES', 'delete'),
});

/** CAMPAIGNS_SOURCE_SUBSCRIBERS=true mirrors the draft & publish Subscriber type (src/api/subscriber). */
const subscribersSource = { uid: 'api::subscriber.subscriber', fields: { firstName: 'name' } };

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  // Convenient defaults for development and tests only: production must set both (the plugin refuses to start otherwise).
  const devDefault = (name: string, fallback: string) => env(name, '') || (env('NODE_ENV') === 'production' ? undefined : fallback);

  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET', 'playground-users-permissions-jwt-secret'),
        // The profile fields src/extensions/users-permissions adds, accepted at sign-up.
        register: { allowedFields: ['firstName', 'lastName', 'language', 'timeZone'] },
      },
    },
    campaigns: {
      enabled: true,
      resolve: findPluginRoot(__dirname),
      config: {
        redis: {
          // CAMPAIGNS_REDIS, a JSON object, says where Redis is instead: sentinels or cluster nodes.
          ...env.json('CAMPAIGNS_REDIS', { url: env('REDIS_URL', 'redis://127.0.0.1:6379/0') }),
          prefix: env('CAMPAIGNS_REDIS_PREFIX', 'campaigns'),
        },
        smtp: {
          host: env('SMTP_HOST', '127.0.0.1'),
          port: env.int('SMTP_PORT', 1025),
          secure: env.bool('SMTP_SECURE', false),
          ignoreTLS: env.bool('SMTP_IGNORE_TLS', true),
          name: env('SMTP_CLIENT_NAME', undefined),
        },
        publicUrl: devDefault('CAMPAIGNS_PUBLIC_URL', `http://localhost:${env('PORT', '1337')}`),
        allowInsecurePublicUrl: env.bool('CAMPAIGNS_ALLOW_INSECURE_PUBLIC_URL', false),
        signingSecret: devDefault('CAMPAIGNS_SIGNING_SECRET', 'playground-signing-secret-not-for-production'),
        workerMode: env('CAMPAIGNS_WORKER_MODE', 'in-process'),
        rateLimits: {
          messagesPerSecond: env.int('CAMPAIGNS_RATE', 50),
          perDomain: { 'gmail.com': 20, 'outlook.com': env.int('CAMPAIGNS_OUTLOOK_RATE', 20) },
        },
        sending: {
          senders: [
            { email: 'news@example.com', name: 'Northwind Coffee' },
            { email: 'hello@example.com', name: 'Northwind Team' },
          ],
          bounceAddress: env('CAMPAIGNS_BOUNCE_ADDRESS', 'bounces@example.com'),
          // Each message's signed Reply-To (README, "Inbound"); empty: none.
          replyAddress: env('CAMPAIGNS_REPLY_ADDRESS', '') || undefined,
          // A sample; an empty CAMPAIGNS_POSTAL_ADDRESS leaves the option out.
          postalAddress: env('CAMPAIGNS_POSTAL_ADDRESS', 'Northwind Coffee, 12 Harbour Street, Portland, ME 04101, USA') || undefined,
          maxAttempts: env.int('CAMPAIGNS_MAX_ATTEMPTS', 5),
          retryDelaySeconds: env.float('CAMPAIGNS_RETRY_DELAY_SECONDS', 60),
          batchSize: env.int('CAMPAIGNS_BATCH_SIZE', 100),
          concurrency: env.int('CAMPAIGNS_SEND_CONCURRENCY', 10),
          ...(env('CAMPAIGNS_DKIM_PRIVATE_KEY', '')
            ? {
                dkim: {
                  domainName: env('CAMPAIGNS_DKIM_DOMAIN', 'example.com'),
                  keySelector: env('CAMPAIGNS_DKIM_SELECTOR', 'campaigns'),
                  privateKey: env('CAMPAIGNS_DKIM_PRIVATE_KEY'),
                  allowEightBit: env.bool('CAMPAIGNS_DKIM_ALLOW_8BIT', false),
                },
              }
            : {}),
        },
        audienceSources: [
          ...(env.bool('CAMPAIGNS_SOURCE_USERS', false) ? [usersSource({ env })] : []),
          ...(env.bool('CAMPAIGNS_SOURCE_SUBSCRIBERS', false) ? [subscribersSource] : []),
        ],
        imports: { maxFileBytes: env.int('CAMPAIGNS_IMPORT_MAX_FILE_BYTES', 500 * 1024 * 1024) },
        // Tests lower the public endpoints' limits so that a few requests cross them.
        publicLimits: env.json('CAMPAIGNS_PUBLIC_LIMITS', {}),
        // Languages the public pages add, as one JSON object (README, "Public pages").
        pages: env.json('CAMPAIGNS_PAGES', {}),
        // Bounce mailboxes, webhook secrets, the raw-mail secret and the bounce policy, as one JSON object (README, "Inbound").
        inbound: env.json('CAMPAIGNS_INBOUND', {}),
        scheduling: env.json('CAMPAIGNS_SCHEDULING', {}),
        // What replies do beyond being stored (README, "Inbound"): { notifyOwner }.
        replies: env.json('CAMPAIGNS_REPLIES', {}),
      },
    },
  };
};

export default config;
