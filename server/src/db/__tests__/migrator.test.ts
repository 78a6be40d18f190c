import knexFactory, { type Knex } from 'knex';
import { runMigrations } from '../migrator';
import type { Migration } from '../migration';

let knex: Knex;
beforeEach(() => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
});
afterEach(() => knex.destroy());

const table = (id: string, name: string): Migration => ({ id, up: (db) => db.schema.createTable(name, (t) => t.increments('id')) });

test('applies pending migrations in order, once', async () => {
  expect(await runMigrations(knex, [table('001', 'a'), table('002', 'b')], { owner: 't' })).toEqual(['001', '002']);
  expect(await runMigrations(knex, [table('001', 'a'), table('002', 'b'), table('003', 'c')], { owner: 't' })).toEqual(['003']);
  expect(await knex.schema.hasTable('c')).toBe(true);
});

test('a failing migration leaves neither its tables nor its record, and releases the lock', async () => {
  const broken: Migration = {
    id: '002-broken',
    async up(db) {
      await db.schema.createTable('half', (t) => t.increments('id'));
      throw new Error('boom');
    },
  };
  await expect(runMigrations(knex, [table('001', 'a'), broken], { owner: 't' })).rejects.toThrow('boom');
  expect(await knex.schema.hasTable('half')).toBe(false);
  expect((await knex('campaigns_migrations').select('id')).map((r) => r.id)).toEqual(['001']);
  expect(await knex('campaigns_migrations_lock').select()).toEqual([]);
});
