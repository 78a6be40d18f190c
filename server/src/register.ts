import type { Core } from '@strapi/strapi';
import { createRoot } from './composition/root';
import { setRoot } from './composition/accessor';
import { warnAtBoot } from './config/deliverability';
import { assertProductionReady } from './config/parse';
import { PLUGIN_ID } from './constants';
import { fromEveryFeature } from './features';
import { leaveInboundBodiesUnread } from './features/inbound/request-body';
import { answerTrackingFirst } from './features/tracking/fast-path';
import { leaveFormBodiesUnread } from './features/preferences/body';
import { keepScheduleJobsInStep } from './features/scheduling/document-sync';
import { answerMalformedBodies } from './middlewares/malformed-body';
import { getService } from './services/get-service';
import { registerWebhookEvents } from './site-events/webhooks';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const root = createRoot(strapi, { queues: fromEveryFeature('queues'), maintenanceJobs: fromEveryFeature('maintenanceJobs') });
  setRoot(strapi, root);
  const environment = strapi.config.get<string>('environment');
  assertProductionReady(root.config, environment);
  warnAtBoot(root.config, environment, strapi.log);
  // Before any plugin's bootstrap: a bad source stops the boot with nothing running yet.
  getService(strapi, 'audienceSources').resolve();
  answerMalformedBodies(strapi);
  registerWebhookEvents(strapi.get('webhookStore'));
  leaveInboundBodiesUnread(strapi);
  // The click and open GETs skip Koa and every middleware.
  answerTrackingFirst(strapi);
  leaveFormBodiesUnread(strapi);
  keepScheduleJobsInStep(strapi);
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(fromEveryFeature('actions').map((action) => ({ section: 'plugins', pluginName: PLUGIN_ID, ...action })));
  // An unreachable Redis stops the boot before Strapi touches the database or starts other plugins' background work.
  await root.connect();
};
