import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { insertRows, updateRows } from '../../server/src/db/bulk-insert';
import { isMysql, isPostgres } from '../../server/src/db/dialect';
import { migrations } from '../../server/src/db/migrations';
import { runMigrations } from '../../server/src/db/migrator';
import { startStrapi } from '../helpers/strapi';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const knex = () => app.strapi.db.connection;

beforeAll(async () => {
  app = await bootTestApp();
});
afterAll(() => stopTestApp(app));

/**
 * The message a write was refused with. Not `rejects.toThrow`: better-sqlite3's native addon keeps
 * the SqliteError class of the first test file that loaded it in a jest worker, so in later files
 * its errors are not instances of this realm's Error and jest reports "did not throw".
 */
const rejection = (write: () => PromiseLike<unknown>) =>
  Promise.resolve(write()).then(
    () => 'the write was accepted',
    (error: { message?: string }) => String(error?.message)
  );

const delivery = (campaignId: number, contactId: number) => ({
  campaign_id: campaignId,
  contact_id: contactId,
  email: `c${contactId}@example.com`,
  state: 'queued',
  queued_at: Date.now(),
});

test('creates the plugin tables and records the migration once', async () => {
  for (const table of [
    'campaigns_deliveries',
    'campaigns_events',
    'campaigns_links',
    'campaigns_replies',
    'campaigns_rollups',
    'campaigns_rollup_hours',
  ]) {
    expect(await knex().schema.hasTable(table)).toBe(true);
  }
  const recorded = await knex()('campaigns_migrations').select('id');
  expect(recorded.map((r: { id: string }) => r.id)).toEqual(migrations.map((m) => m.id));
  expect(await knex()('campaigns_migrations_lock').count({ n: '*' }).first()).toMatchObject({ n: expect.anything() });
  expect(Number((await knex()('campaigns_migrations_lock').count({ n: '*' }).first())?.n)).toBe(0);
});

test("on PostgreSQL a delivery's first open time is written in the row's own page, leaving its indexes alone", async () => {
  if (!isPostgres(knex())) return;
  const rows = Array.from({ length: 200 }, (_, i) => ({ ...delivery(900, 10_000 + i), state: 'sent' }));
  const [first] = await knex()('campaigns_deliveries').insert(rows).returning('id');
  const pageOf = async () =>
    String((await knex().raw(`SELECT (ctid::text::point)[0] AS page FROM campaigns_deliveries WHERE id = ?`, [first.id])).rows[0].page);
  const before = await pageOf();
  // 200 rows fill more than one page: with no room left on the first row's page, the new version
  // would go to another page, and a new entry into each of the table's indexes with it.
  await knex()('campaigns_deliveries').where({ id: first.id }).update({ first_open_at: Date.now() });
  expect(await pageOf()).toBe(before);
  await knex()('campaigns_deliveries').where({ campaign_id: 900 }).delete();
});

test('the database refuses a second delivery for the same campaign and contact', async () => {
  await knex()('campaigns_deliveries').insert(delivery(1, 1));
  expect(await rejection(() => knex()('campaigns_deliveries').insert(delivery(1, 1)))).toMatch(/unique|duplicate/i);
  await knex()('campaigns_deliveries').insert(delivery(1, 2));
  await knex()('campaigns_deliveries').insert(delivery(2, 1));
  expect(Number((await knex()('campaigns_deliveries').count({ n: '*' }).first())?.n)).toBe(3);
});

test('the database refuses a second event with the same idempotency key for one delivery', async () => {
  const event = {
    idempotency_key: 'ses:msg-1:bounce',
    delivery_id: 1,
    type: 'bounce',
    source: 'ses',
    occurred_at: Date.now(),
    created_at: Date.now(),
  };
  await knex()('campaigns_events').insert(event);
  expect(await rejection(() => knex()('campaigns_events').insert({ ...event, type: 'complaint' }))).toMatch(/unique|duplicate/i);
});

test('instances that migrate at the same time apply nothing twice', async () => {
  const applied = await Promise.all(
    [1, 2, 3].map((n) => runMigrations(knex(), migrations, { owner: `${os.hostname()}:test-${n}`, lockTimeoutMs: 20_000 }))
  );
  expect(applied.flat()).toEqual([]);
  const extra = { id: '999-test-extra', up: jest.fn(async () => undefined) };
  const concurrent = await Promise.all(
    [1, 2, 3].map((n) => runMigrations(knex(), [...migrations, extra], { owner: `race-${n}`, lockTimeoutMs: 20_000 }))
  );
  expect(extra.up).toHaveBeenCalledTimes(1);
  expect(concurrent.flat()).toEqual(['999-test-extra']);
  await knex()('campaigns_migrations').where({ id: '999-test-extra' }).delete();
});

test('a lock left by a crashed instance is broken once stale, and a live one makes the boot wait then fail clearly', async () => {
  await knex()('campaigns_migrations_lock').insert({ id: 1, owner: 'crashed-host:1', locked_at: Date.now() - 60_000 });
  await expect(runMigrations(knex(), migrations, { owner: 'me', lockTimeoutMs: 300, staleLockMs: 3_600_000 })).rejects.toThrow(
    /migrations are locked by "crashed-host:1"/
  );
  await expect(runMigrations(knex(), migrations, { owner: 'me', staleLockMs: 30_000 })).resolves.toEqual([]);
  expect(Number((await knex()('campaigns_migrations_lock').count({ n: '*' }).first())?.n)).toBe(0);
});

test("bulk writes store every kind of value as the driver's own insert does, on every database", async () => {
  const db = knex();
  const shape = (table: string) =>
    db.schema.createTable(table, (t) => {
      t.increments('id').primary();
      t.string('name', 191).nullable().unique();
      t.boolean('flag').nullable();
      t.datetime('at').nullable();
      t.bigInteger('epoch').nullable();
      t.float('ratio').nullable();
      t.text('note').nullable();
    });
  const tables = ['campaigns_bulk_probe', 'campaigns_bulk_reference'];
  for (const table of tables) await db.schema.dropTableIfExists(table);
  for (const table of tables) await shape(table);
  try {
    const columns = ['name', 'flag', 'at', 'epoch', 'ratio', 'note'];
    const rows = [
      ['plain', true, new Date('2026-03-29T01:30:00.123Z'), 1_796_000_000_000, 0.25, 'a "quoted" \\ note\nover two lines'],
      ['ünïcødé 😀', false, new Date('2026-10-25T23:59:59.999Z'), 0, -3.5, 'it\'s {"json": [1]}'],
      ['nulls', null, null, null, null, null],
      ['numbers as text', true, new Date(0), 9_007_199_254_740_991, 1e-7, '12345678901234567890'],
    ];
    const returned = await db.transaction((trx) =>
      insertRows(trx, tables[0], columns, rows, isMysql(db) ? {} : { returning: ['id', 'name'] })
    );
    await db(tables[1]).insert(rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]]))));
    const read = (table: string) => db(table).select(columns).orderBy('id');
    expect(await read(tables[0])).toEqual(await read(tables[1]));
    if (!isMysql(db)) expect(returned!.map((row) => [Number(row.id), row.name])).toEqual(rows.map((row, i) => [i + 1, row[0]]));

    // A stored key is skipped and not answered; the new one is.
    if (!isMysql(db)) {
      const again = await db.transaction((trx) =>
        insertRows(trx, tables[0], ['name'], [['plain'], ['new']], { returning: ['name'], ignoreConflictsOn: ['name'] })
      );
      expect(again).toEqual([{ name: 'new' }]);
      await db(tables[1]).insert({ name: 'new' });
    }

    // Updates by id: a null leaves its column as it was.
    const changes = [
      [1, false, null, 42, null],
      [3, true, new Date('2027-01-01T00:00:00.000Z'), null, 'now noted'],
    ];
    await db.transaction((trx) => updateRows(trx, tables[0], 'id', ['flag', 'at', 'epoch', 'note'], changes));
    for (const [id, flag, at, epoch, note] of changes) {
      const set = Object.fromEntries(Object.entries({ flag, at, epoch, note }).filter(([, value]) => value !== null));
      await db(tables[1]).where({ id }).update(set);
    }
    expect(await read(tables[0])).toEqual(await read(tables[1]));
  } finally {
    for (const table of tables) await db.schema.dropTableIfExists(table);
  }
});

test('every row survives a restart of Strapi', async () => {
  const topic = await app.strapi.plugin('campaigns').service('topics').create({ name: 'Weekly' });
  const contact = await app.strapi
    .plugin('campaigns')
    .service('contacts')
    .create({ email: 'persist@example.com', topics: [topic.documentId] });
  const segment = await app.strapi
    .plugin('campaigns')
    .service('segments')
    .create({ name: 'All', rules: { match: 'all', rules: [] } });
  const campaign = await app.strapi.plugin('campaigns').service('campaigns').create({ name: 'Persisted', segment: segment.documentId });
  await app.strapi.plugin('campaigns').service('suppressions').add({ email: 'gone@example.com', reason: 'hard-bounce' });
  const before = await knex()('campaigns_deliveries').count({ n: '*' }).first();

  await app.strapi.destroy();
  const restarted: Core.Strapi = await startStrapi(app.env);
  app.strapi = restarted;

  expect(await app.strapi.plugin('campaigns').service('campaigns').findOne(campaign.documentId)).toMatchObject({
    name: 'Persisted',
    segment: { documentId: segment.documentId },
  });
  expect(await app.strapi.plugin('campaigns').service('contacts').findOne(contact.documentId)).toMatchObject({
    email: 'persist@example.com',
    topics: [{ documentId: topic.documentId }],
  });
  expect(await app.strapi.plugin('campaigns').service('suppressions').isSuppressed('gone@example.com')).toBe(true);
  expect(await knex()('campaigns_deliveries').count({ n: '*' }).first()).toEqual(before);
  const recorded = await knex()('campaigns_migrations').select('id');
  expect(recorded).toHaveLength(migrations.length);
});
