import { fromEveryFeature } from '../features';

/**
 * The admin API (mounted by Strapi at /campaigns/..., every route guarded by registered actions)
 * and the public content API (/api/campaigns/...), from every feature. Their order does not matter:
 * no route can match another's paths (__tests__/unambiguous.test.ts).
 */
export default {
  admin: { type: 'admin', routes: fromEveryFeature('adminRoutes') },
  'content-api': { type: 'content-api', routes: fromEveryFeature('contentApiRoutes') },
};
