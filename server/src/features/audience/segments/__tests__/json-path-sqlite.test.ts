import knexFactory, { type Knex } from 'knex';
import { jsonValue } from '../json-path';

/** SQLite fails a whole statement on one document it cannot parse: such rows must read as empty instead. */
let knex: Knex;
const nestedText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

beforeAll(async () => {
  knex = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true, connection: { filename: ':memory:' } });
  await knex.schema.createTable('contacts', (t) => {
    t.increments('id');
    t.text('attributes');
  });
  await knex('contacts').insert([
    { attributes: '{"plan":"pro","seats":3,"vip":true}' },
    { attributes: `{"plan":"pro","seats":3,"vip":true,"deep":${nestedText(1000)}}` },
    { attributes: 'not json' },
    { attributes: null },
  ]);
});
afterAll(() => knex.destroy());

const matching = async (path: string, where: (value: ReturnType<typeof jsonValue>) => Knex.Raw) => {
  const rows: Array<{ id: number }> = await knex('contacts')
    .select('id')
    .whereRaw(where(jsonValue(knex, 'sqlite', 'attributes', path)))
    .orderBy('id');
  return rows.map((r) => r.id);
};

test('text, number and boolean reads skip documents SQLite cannot parse', async () => {
  expect(await matching('plan', (v) => knex.raw('? = ?', [v.text, 'pro']))).toEqual([1]);
  expect(await matching('plan', (v) => knex.raw('? IS NULL', [v.text]))).toEqual([2, 3, 4]);
  expect(await matching('seats', (v) => knex.raw('? > ?', [v.number, 2]))).toEqual([1]);
  expect(await matching('vip', (v) => v.bool(true))).toEqual([1]);
});
