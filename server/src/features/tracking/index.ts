import { publicRoute } from '../../middlewares/public-limit';
import { defineFeature } from '../feature';
import trackingController from './controller';
import { trackingWriteCost } from './migrations/010-tracking-write-cost';
import tracking from './service';

/**
 * Web views: the public endpoint at /api/campaigns/t/v/... that every message links to (urls.ts),
 * limited per client IP and per token (middlewares/public-limit.ts). The click and open GETs are no
 * routes: the tracking fast path answers them on the HTTP server's request event, ahead of Koa
 * (fast-path.ts, installed in register). The unsubscribe and preference pages are the preferences feature's.
 * The social icons every message shows (content/social-icons) are public too, but carry no token and
 * no limit: the same few immutable images for every reader, answered from memory and cached by
 * mail clients' image proxies, cost less than counting them would.
 */
export default defineFeature({
  services: { tracking },
  controllers: { tracking: trackingController },
  adminRoutes: [],
  contentApiRoutes: [
    { method: 'GET', path: '/t/v/:token', handler: 'tracking.view', config: publicRoute({ purpose: 'view' }) },
    { method: 'GET', path: '/social/:file', handler: 'tracking.socialIcon', config: { auth: false } },
  ],
  queues: [],
  maintenanceJobs: [],
  migrations: [trackingWriteCost],
  actions: [],
});
