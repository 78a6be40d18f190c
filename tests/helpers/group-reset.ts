import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DEFAULT_SITE_SETTINGS } from '../../shared/contracts/site-settings';
import { rootOf } from '../../server/src/composition/accessor';
import { getService } from '../../server/src/services/get-service';
import { SUPER_ADMIN_EMAIL, TEST_ROLE_PREFIX } from './admin';
import { databaseUnderTest } from './database';
import { EVENT_WAIT_MS } from './wait';

/** The plugin's own bookkeeping, which a fresh database has too: wiping it would not make the app fresher. */
const KEPT_TABLES = new Set(['campaigns_migrations', 'campaigns_migrations_lock']);
/**
 * The queues a test's work goes through. Not `maintenance`: its schedulers (tidy imports, the
 * send sweep) belong to the app, as in a fresh boot, and removing their next job would stop them.
 */
const WORK_QUEUES = ['schedule', 'dispatch', 'send', 'events', 'import'] as const;

/** Every table of the plugin: its content types, their link tables and its own raw tables. */
const pluginTables = async (knex: Knex): Promise<string[]> => {
  const names: string[] = await (async () => {
    switch (databaseUnderTest()) {
      case 'sqlite':
        return knex('sqlite_master').where({ type: 'table' }).pluck('name');
      case 'postgres':
        return knex('pg_tables').whereRaw('schemaname = current_schema()').pluck('tablename');
      case 'mysql': {
        // MySQL names information_schema's columns in capitals whatever the query says: alias it.
        const rows: Array<{ name: string }> = await knex('information_schema.tables')
          .whereRaw('table_schema = database()')
          .select(knex.raw('table_name as name'));
        return rows.map((row) => row.name);
      }
    }
  })();
  return names.filter((name) => name.startsWith('campaigns_') && !KEPT_TABLES.has(name));
};

/**
 * Deletes every row, keeping each table's id sequence where it was: ids (and the BullMQ job ids made
 * from them) are never reused within a boot, as in production. Hence no TRUNCATE on MySQL, where
 * it restarts AUTO_INCREMENT; PostgreSQL's TRUNCATE keeps its sequences unless told otherwise.
 */
const deleteRows = async (knex: Knex, tables: string[]) => {
  if (tables.length === 0) return;
  switch (databaseUnderTest()) {
    case 'postgres':
      await knex.raw(`TRUNCATE TABLE ${tables.map(() => '??').join(', ')}`, tables);
      return;
    case 'mysql':
      await knex.transaction(async (trx) => {
        await trx.raw('SET FOREIGN_KEY_CHECKS = 0');
        for (const table of tables) await trx(table).del();
        await trx.raw('SET FOREIGN_KEY_CHECKS = 1');
      });
      return;
    case 'sqlite':
      await knex.transaction(async (trx) => {
        // Checked at commit, when every table is empty: the order of the deletes does not matter.
        await trx.raw('PRAGMA defer_foreign_keys = ON');
        for (const table of tables) await trx(table).del();
      });
      return;
  }
};

/**
 * Until no job of a test is left to run: waiting and delayed jobs are removed, active ones are let
 * finish (a job cut off mid-write would write after the wipe), then the finished ones are
 * forgotten too.
 */
const settleQueues = async (strapi: Core.Strapi) => {
  const queues = WORK_QUEUES.map((key) => getService(strapi, 'queues').queue(key));
  const deadline = Date.now() + EVENT_WAIT_MS;
  for (;;) {
    for (const queue of queues) await queue.drain(true);
    const left = await Promise.all(
      queues.map(async (queue) =>
        Object.values(await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children')).reduce(
          (a, b) => a + b,
          0
        )
      )
    );
    if (left.every((n) => n === 0)) break;
    if (Date.now() > deadline)
      throw new Error(
        `the work queues still hold jobs of the last module after ${EVENT_WAIT_MS} ms: ${WORK_QUEUES.map((key, i) => `${key} ${left[i]}`).join(', ')}`
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const queue of queues) {
    await queue.clean(0, 0, 'completed');
    await queue.clean(0, 0, 'failed');
  }
};

/** The admins and roles a module made with adminWithActions: the next module may reuse their emails. */
const deleteTestAdmins = async (strapi: Core.Strapi) => {
  const admins: Array<{ id: number; email: string }> = await strapi.db.query('admin::user').findMany({ select: ['id', 'email'] });
  const extra = admins.filter((admin) => admin.email !== SUPER_ADMIN_EMAIL).map((admin) => admin.id);
  if (extra.length) await strapi.service('admin::user').deleteByIds(extra);
  const roles: Array<{ id: number }> = await strapi.db
    .query('admin::role')
    .findMany({ where: { name: { $startsWith: TEST_ROLE_PREFIX } }, select: ['id'] });
  if (roles.length) await strapi.service('admin::role').deleteByIds(roles.map((role) => role.id));
};

/**
 * Brings a booted app back to what a module of an integration group expects to start from: the
 * plugin's data as a fresh boot has it (no contact, campaign, import, event…), the editor's site
 * settings at their defaults, no job of an earlier module still to run, and only the first admin.
 */
export const resetPluginData = async (strapi: Core.Strapi) => {
  await settleQueues(strapi);
  await deleteRows(strapi.db.connection, await pluginTables(strapi.db.connection));
  await rootOf(strapi).siteSettings.save(DEFAULT_SITE_SETTINGS);
  await deleteTestAdmins(strapi);
};
