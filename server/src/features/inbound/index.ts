import { defineFeature, type RouteDefinition } from '../feature';
import { inboundTables } from './migrations/006-inbound-tables';
import inboundNoticesController from './notices-admin-controller';
import { noticesAdminRoutes } from './notices-admin-routes';
import inboundNotices from './notices-admin-service';
import inboundMailController from './raw-mail-controller';
import inboundMail from './raw-mail-service';
import inboundWebhooksController from './webhooks/controller';
import { WEBHOOK_PROVIDERS } from './webhooks/provider';
import inboundWebhooks from './webhooks/service';

/**
 * Senders have no account, so `auth: false`: each route authenticates its sender itself, against
 * the raw body (a signature, credentials or a secret path token), and answers 404 while the site
 * has not configured it.
 */
const unauthenticated = { auth: false as const };

const inboundRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/inbound/mail', handler: 'inboundMail.receive', config: unauthenticated },
  ...WEBHOOK_PROVIDERS.map((provider): RouteDefinition => ({
    method: 'POST',
    path: `/inbound/webhooks/${provider}`,
    handler: `inboundWebhooks.${provider}`,
    config: unauthenticated,
  })),
  { method: 'POST', path: '/inbound/webhooks/postmark/:token', handler: 'inboundWebhooks.postmarkWithToken', config: unauthenticated },
];

/**
 * Whatever comes back (bounces, complaints, auto-replies, unsubscribe requests), from mailboxes, raw mail and ESP webhooks.
 * The mailboxes (mailboxes/) hold an IMAP connection open for as long as the app runs, which no queue job or periodic
 * job does: the composition root opens them, where workers run, with openMailboxes().
 */
export default defineFeature({
  services: { inboundMail, inboundWebhooks, inboundNotices },
  controllers: { inboundMail: inboundMailController, inboundWebhooks: inboundWebhooksController, inboundNotices: inboundNoticesController },
  adminRoutes: [...noticesAdminRoutes],
  contentApiRoutes: inboundRoutes,
  queues: [],
  maintenanceJobs: [],
  migrations: [inboundTables],
  actions: [],
});
