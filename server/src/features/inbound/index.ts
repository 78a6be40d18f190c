import { defineFeature } from '../feature';
import { inboundTables } from './migrations/006-inbound-tables';

/** Whatever comes back (bounces, complaints, auto-replies, unsubscribe requests), from mailboxes, raw mail and ESP webhooks. */
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
