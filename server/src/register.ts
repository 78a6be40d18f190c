import type { Core } from '@strapi/strapi';
import { warnAtBoot } from './config/deliverability';
import { assertProductionReady } from './config/parse';
import { PLUGIN_ID } from './constants';
import { fromEveryFeature } from './features';
import { answerMalformedBodies } from './middlewares/malformed-body';
import { getPluginConfig } from './config/plugin-config';
import { getService } from './services/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getPluginConfig(strapi);
  const environment = strapi.config.get<string>('environment');
  assertProductionReady(config, environment);
  warnAtBoot(config, environment, strapi.log);
  // Before any plugin's bootstrap: a bad source stops the boot with nothing running yet.
  getService(strapi, 'audienceSources').resolve();
  answerMalformedBodies(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(
    fromEveryFeature('actions').map((action) => ({ section: 'plugins', pluginName: PLUGIN_ID, ...action }))
  );
  await getService(strapi, 'queues').connect();
};
