import { defineFeature } from '../feature';
import { inboundTables } from './migrations/006-inbound-tables';
import inboundNoticesController from './notices-admin-controller';
import { noticesAdminRoutes } from './notices-admin-routes';
import inboundNotices from './notices-admin-service';

/** Whatever comes back (bounces, complaints, auto-replies, unsubscribe requests), from mailboxes, raw mail and ESP webhooks. */
export default defineFeature({
  services: { inboundNotices },
  controllers: { inboundNotices: inboundNoticesController },
  adminRoutes: [...noticesAdminRoutes],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [inboundTables],
  actions: [],
});
