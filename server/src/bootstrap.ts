import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { migrations } from './db/migrations';
import { runMigrations } from './db/migrator';
import { getService } from './services/get-service';

/**
 * Starts mirroring the audience sources register checked (before anything else writes), brings the
 * plugin's own tables up to date, then opens Redis, the queues and (by mode) the workers.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'audienceSources').start();
  await runMigrations(strapi.db.connection, migrations, {
    owner: `${os.hostname()}:${process.pid}`,
    log: (message) => strapi.log.info(message),
  });
  await getService(strapi, 'queues').start();
};
