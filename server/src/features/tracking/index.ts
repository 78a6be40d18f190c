import { publicRoute } from '../../middlewares/public-limit';
import { defineFeature } from '../feature';
import trackingController from './controller';
import tracking from './service';

/**
 * Opens, clicks and web views: the public endpoints at /api/campaigns/t/... that every message
 * links to (urls.ts). GETs record opens and clicks but change no state. Every route is limited per
 * client IP and per token (middlewares/public-limit.ts). The unsubscribe and preference pages are
 * the preferences feature's.
 */
export default defineFeature({
  services: { tracking },
  controllers: { tracking: trackingController },
  adminRoutes: [],
  contentApiRoutes: [
    { method: 'GET', path: '/t/c/:token', handler: 'tracking.click', config: publicRoute({ purpose: 'click' }) },
    { method: 'GET', path: '/t/o/:token', handler: 'tracking.open', config: publicRoute({ purpose: 'open' }) },
    { method: 'GET', path: '/t/v/:token', handler: 'tracking.view', config: publicRoute({ purpose: 'view' }) },
  ],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [],
});
