import { publicRoute } from '../../middlewares/public-limit';
import { defineFeature } from '../feature';
import preferencesController from './controller';
import preferences from './service';

/**
 * The recipient's choices, at the public paths every message links to (tracking/urls.ts): the
 * unsubscribe page with its RFC 8058 one-click POST and a few minutes' undo, and the preference
 * center (topics, unsubscribe from everything, resubscribe). GETs change nothing; each POST carries
 * its signed token in the URL and, on the forms, again in a hidden field that must match. The
 * one-click POST is applied even over the public limits (an unsubscribe is never lost).
 */
export default defineFeature({
  services: { preferences },
  controllers: { preferences: preferencesController },
  adminRoutes: [],
  contentApiRoutes: [
    { method: 'GET', path: '/t/u/:token', handler: 'preferences.unsubscribePage', config: publicRoute({ purpose: 'unsubscribe' }) },
    {
      method: 'POST',
      path: '/t/u/:token',
      handler: 'preferences.unsubscribe',
      config: publicRoute({ purpose: 'unsubscribe', applyWhenLimited: true }),
    },
    { method: 'POST', path: '/t/u/:token/undo', handler: 'preferences.undo', config: publicRoute({ purpose: 'unsubscribe-undo' }) },
    { method: 'GET', path: '/t/p/:token', handler: 'preferences.preferencesPage', config: publicRoute({ purpose: 'preferences' }) },
    { method: 'POST', path: '/t/p/:token', handler: 'preferences.savePreferences', config: publicRoute({ purpose: 'preferences' }) },
  ],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [],
});
