import { ACTIONS } from '../../constants';
import { DOCUMENT_ID, guard } from '../../routes/admin-route';
import { defineFeature } from '../feature';
import analyticsController from './controller';
import { machineFirsts } from './migrations/011-machine-firsts';
import { domainRollups } from './migrations/012-domain-rollups';
import analytics from './service';

/**
 * Campaign results. The counters (campaigns_rollups, and per hour campaigns_rollup_hours) move in
 * the transaction of the events that move them (rollup-writer.ts, the event store's BatchCounters: events/batch-write.ts),
 * counted by pure rules (metrics.ts) that the rebuild (rebuild.ts, `strapi-campaigns-rollups
 * rebuild`) applies to the stored events too; per recipient domain, campaigns_domain_rollups
 * (domains.ts, domain-store.ts). A report reads counters, never raw events (report.ts).
 */
export default defineFeature({
  services: { analytics },
  controllers: { analytics: analyticsController },
  adminRoutes: [
    { method: 'GET', path: `/campaigns/${DOCUMENT_ID}/report`, handler: 'analytics.report', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/campaigns/${DOCUMENT_ID}/report/domains`, handler: 'analytics.domains', config: guard(ACTIONS.read) },
    { method: 'GET', path: `/campaigns/${DOCUMENT_ID}/report/segment`, handler: 'analytics.figureSegment', config: guard(ACTIONS.read) },
    { method: 'GET', path: '/analytics/dashboard', handler: 'analytics.dashboard', config: guard(ACTIONS.read) },
  ],
  contentApiRoutes: [],
  queues: [],
  maintenanceJobs: [],
  migrations: [machineFirsts, domainRollups],
  actions: [],
});
