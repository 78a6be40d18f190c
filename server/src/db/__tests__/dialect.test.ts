import knexFactory, { type Knex } from 'knex';
import { whereInIdWalk } from '../dialect';

let knex: Knex;

beforeAll(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('events', (t) => {
    t.increments('id').primary();
    t.integer('campaign_id');
    t.string('type');
    t.index(['campaign_id', 'type'], 'events_campaign_type_ix');
  });
});

afterAll(() => knex.destroy());

const planOf = async (query: Knex.QueryBuilder) => {
  const { sql, bindings } = query.toSQL().toNative();
  const rows: Array<{ detail: string }> = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as unknown[]);
  return rows.map((row) => row.detail).join('\n');
};

const page = (walk: boolean) => {
  const query = knex('events').select('id', 'type').where('id', '>', 100).orderBy('id').limit(5000);
  return walk ? whereInIdWalk(query, knex, 'campaign_id', 7) : query.where('campaign_id', 7);
};

test('a page of a walk in id order on SQLite reads along the primary key, with no sort', async () => {
  const plan = await planOf(page(true));
  expect(plan).toMatch(/INTEGER PRIMARY KEY \(rowid>\?\)/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});

test('the plain equality takes the index and sorts every matching row for each page (what the walk avoids)', async () => {
  const plan = await planOf(page(false));
  expect(plan).toMatch(/USING (COVERING )?INDEX events_campaign_type_ix/);
  expect(plan).toMatch(/TEMP B-TREE FOR ORDER BY/);
});

test('the same value is read: only the rows of that campaign', async () => {
  await knex('events').insert([
    { id: 101, campaign_id: 7, type: 'open' },
    { id: 102, campaign_id: 8, type: 'open' },
    { id: 103, campaign_id: 7, type: 'click' },
  ]);
  expect((await page(true)).map((row: { id: number }) => row.id)).toEqual([101, 103]);
});
