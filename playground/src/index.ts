import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo/seed';

/**
 * DATABASE_SQLITE_WAL=true puts SQLite in WAL with synchronous NORMAL, as the plugin's README
 * suggests for sending from SQLite: a commit then does not wait for the disk. Otherwise Strapi's
 * defaults stay (rollback journal, synchronous FULL: an fsync per commit).
 */
const useWal = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'sqlite' || process.env.DATABASE_SQLITE_WAL !== 'true') return;
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
