import type { Knex } from 'knex';
import { TABLES } from '../constants';
import type { Migration } from './migration';

export interface MigratorOptions {
  /** Identifies this process in the lock row, for operators reading a stuck lock. */
  owner: string;
  /** How long to wait for another instance that holds the lock. */
  lockTimeoutMs?: number;
  /** A lock older than this is taken to belong to a crashed instance and is broken. */
  staleLockMs?: number;
  log?: (message: string) => void;
}

const hasTransactionalDdl = (knex: Knex) => !String(knex.client.config.client).includes('mysql');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const createIfMissing = async (knex: Knex, table: string, build: (t: Knex.CreateTableBuilder) => void) => {
  if (await knex.schema.hasTable(table)) return;
  try {
    await knex.schema.createTable(table, build);
  } catch (error) {
    // Another instance created it between our check and our CREATE.
    if (!(await knex.schema.hasTable(table))) throw error;
  }
};

const ensureBookkeeping = async (knex: Knex) => {
  await createIfMissing(knex, TABLES.migrations, (t) => {
    t.string('id', 191).primary();
    t.bigInteger('applied_at').notNullable();
  });
  await createIfMissing(knex, TABLES.migrationLock, (t) => {
    t.integer('id').primary();
    t.string('owner', 255).notNullable();
    t.bigInteger('locked_at').notNullable();
  });
};

const acquireLock = async (knex: Knex, owner: string, timeoutMs: number, staleMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await knex(TABLES.migrationLock).insert({ id: 1, owner, locked_at: Date.now() });
      return;
    } catch (insertError) {
      const held = await knex(TABLES.migrationLock).where({ id: 1 }).first();
      if (!held) continue;
      if (Date.now() - Number(held.locked_at) > staleMs) {
        await knex(TABLES.migrationLock).where({ id: 1, owner: held.owner, locked_at: held.locked_at }).delete();
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `campaigns: migrations are locked by "${held.owner}" since ${new Date(Number(held.locked_at)).toISOString()}; ` +
            `if no other instance is starting, delete the row from ${TABLES.migrationLock}`,
          { cause: insertError }
        );
      }
      await sleep(250);
    }
  }
};

/**
 * Applies the migrations not yet recorded, in order, holding a row lock so that instances that
 * boot together never run one twice. Each migration and its record commit together where the
 * database has transactional DDL (PostgreSQL, SQLite); MySQL commits DDL implicitly, and the lock
 * is what keeps it single there.
 */
export const runMigrations = async (knex: Knex, migrations: readonly Migration[], options: MigratorOptions) => {
  const { owner, lockTimeoutMs = 60_000, staleLockMs = 10 * 60_000, log = () => {} } = options;
  await ensureBookkeeping(knex);
  await acquireLock(knex, owner, lockTimeoutMs, staleLockMs);
  const applied: string[] = [];
  try {
    const done = new Set((await knex(TABLES.migrations).select('id')).map((row: { id: string }) => row.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      const apply = async (db: Knex) => {
        await migration.up(db);
        await db(TABLES.migrations).insert({ id: migration.id, applied_at: Date.now() });
      };
      if (hasTransactionalDdl(knex)) await knex.transaction(apply);
      else await apply(knex);
      applied.push(migration.id);
      log(`campaigns: applied migration ${migration.id}`);
    }
  } finally {
    await knex(TABLES.migrationLock).where({ id: 1, owner }).delete();
  }
  return applied;
};
