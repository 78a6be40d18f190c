import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo/seed';

/**
 * SQLite as the plugin's README recommends for sending: WAL with synchronous NORMAL, so a commit
 * does not wait for the disk (Strapi keeps SQLite's rollback journal with synchronous FULL, an
 * fsync per commit). DATABASE_SQLITE_WAL=false keeps Strapi's defaults.
 */
const useWal = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'sqlite' || process.env.DATABASE_SQLITE_WAL === 'false') return;
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
  await strapi.db.connection.raw('PRAGMA synchronous = NORMAL');
};

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await useWal(strapi);
    if (process.env.CAMPAIGNS_DEMO_SEED === 'true') await seedDemo(strapi);
  },
};
