import { defineFeature } from '../feature';
import { inboundTables } from './migrations/006-inbound-tables';

/**
 * Whatever comes back (bounces, complaints, auto-replies, unsubscribe requests), from mailboxes, raw mail and ESP webhooks.
 * The mailboxes (mailboxes/) hold an IMAP connection open for as long as the app runs, which no queue job or periodic
 * job does: the composition root opens them, where workers run, with openMailboxes().
 */
export default defineFeature({
  services: {},
  controllers: {},
  adminRoutes: [],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [inboundTables],
  actions: [],
});
