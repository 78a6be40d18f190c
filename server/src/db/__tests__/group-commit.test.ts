import knexFactory, { type Knex } from 'knex';
import { groupCommit } from '../group-commit';

let knex: Knex;
let commits = 0;

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('items', (t) => {
    t.integer('id').primary();
    t.string('owner');
  });
  commits = 0;
  knex.on('query', (query: { sql: string }) => {
    if (/^commit/i.test(query.sql)) commits++;
  });
});

afterEach(() => knex.destroy());

test('units that arrive while a transaction is written share the next one, and each gets its own answer', async () => {
  const inTransaction = groupCommit(knex);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      inTransaction(async (trx) => {
        await trx('items').insert({ id: i, owner: `job${i}` });
        return (await trx('items').where({ id: i }).first()).owner;
      })
    )
  );
  expect(results).toEqual(Array.from({ length: 20 }, (_, i) => `job${i}`));
  expect(await knex('items').count({ n: '*' })).toEqual([{ n: 20 }]);
  // The first unit goes alone; the other nineteen queued behind it and share one more.
  expect(commits).toBe(2);
});

test('a failing unit fails its whole transaction and leaves nothing of it written; the next one is unaffected', async () => {
  const inTransaction = groupCommit(knex);
  // The first unit is being written while the next two queue: they share a transaction.
  const batch = [
    inTransaction((trx) => trx('items').insert({ id: 100, owner: 'first' })),
    inTransaction((trx) => trx('items').insert({ id: 1, owner: 'a' })),
    inTransaction((trx) => trx('items').insert({ id: 1, owner: 'duplicate' })),
  ];
  const outcomes = await Promise.allSettled(batch);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
  expect(await knex('items').pluck('id')).toEqual([100]);
  await inTransaction((trx) => trx('items').insert({ id: 2, owner: 'later' }));
  expect(await knex('items').orderBy('id').pluck('id')).toEqual([2, 100]);
});
