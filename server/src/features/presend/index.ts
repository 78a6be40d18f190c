import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import presendController from './controller';
import presend from './service';

/**
 * The pre-send check: what in a campaign would hurt its delivery or break the law, found before it
 * goes out. The message rules are pure (rules.ts); links are fetched from the server through an
 * address guard (address-guard.ts, link-check.ts) that refuses private networks at every hop.
 */
export default defineFeature({
  services: { presend },
  controllers: { presend: presendController },
  adminRoutes: [{ method: 'POST', path: `/campaigns/${DOCUMENT_ID}/check`, handler: 'presend.check', config: guard(ACTIONS.write) }],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [],
  actions: [],
});
