import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { rootOf } from './composition/accessor';
import { migrations } from './db/migrations';
import { runMigrations } from './db/migrator';
import { getService } from './services/get-service';

/**
 * Starts mirroring the audience sources register checked (before anything else writes), brings the
 * plugin's own tables up to date, then starts the composition root: queues, send flow and (by
 * mode) the workers.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const audienceSources = getService(strapi, 'audienceSources');
  audienceSources.start();
  // Contact writes still under way need the database, which Strapi closes after destroy returns.
  root.adopt('the audience mirror', () => audienceSources.stop());
  await runMigrations(strapi.db.connection, migrations, {
    owner: `${os.hostname()}:${process.pid}`,
    log: (message) => strapi.log.info(message),
  });
  await root.start();
};
