import type { PublicLimitConfig } from '../../middlewares/public-limit';
import { defineFeature } from '../feature';
import trackingController from './controller';
import tracking from './service';

/**
 * Recipients have no account, so `auth: false`; what protects each route instead is its signed,
 * purpose-bound token, which the tracking service verifies (constant time) before it reads any row,
 * answering a bad one exactly like an unknown one. GETs change no state: only the POST
 * unsubscribes. Every route is limited per client IP and per token (middlewares/public-limit.ts);
 * the unsubscribe POST is applied even over the limit. The click and open GETs are no routes: the
 * tracking fast path answers them ahead of Strapi's middlewares (fast-path.ts, mounted in register).
 */
const publicRoute = (limit: PublicLimitConfig) => ({
  auth: false as const,
  middlewares: [{ name: 'plugin::campaigns.public-limit', config: limit }],
});

/** Web views and unsubscribes: the public pages at /api/campaigns/t/... that every message links to (urls.ts). */
export default defineFeature({
  services: { tracking },
  controllers: { tracking: trackingController },
  adminRoutes: [],
  contentApiRoutes: [
    { method: 'GET', path: '/t/v/:token', handler: 'tracking.view', config: publicRoute({ purpose: 'view' }) },
    { method: 'GET', path: '/t/u/:token', handler: 'tracking.unsubscribePage', config: publicRoute({ purpose: 'unsubscribe' }) },
    {
      method: 'POST',
      path: '/t/u/:token',
      handler: 'tracking.unsubscribe',
      config: publicRoute({ purpose: 'unsubscribe', applyWhenLimited: true }),
    },
    { method: 'GET', path: '/t/p/:token', handler: 'tracking.preferencesPage', config: publicRoute({ purpose: 'preferences' }) },
  ],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [],
});
