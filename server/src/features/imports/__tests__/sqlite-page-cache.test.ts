import knexFactory, { type Knex } from 'knex';
import { IMPORT_PAGE_CACHE_KIB, raiseSqlitePageCache } from '../sqlite-page-cache';

let knex: Knex;
beforeEach(() => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
});
afterEach(() => knex.destroy());

const cacheSize = async () => ((await knex.raw('PRAGMA cache_size')) as Array<{ cache_size: number }>)[0].cache_size;

test('raises the page cache for the import and puts the connection back as it was', async () => {
  await knex.raw('PRAGMA cache_size = -16000');
  const restore = await raiseSqlitePageCache(knex);
  expect(await cacheSize()).toBe(-IMPORT_PAGE_CACHE_KIB);
  await restore();
  expect(await cacheSize()).toBe(-16000);
});

test('leaves a cache that is already larger alone, in pages or in KiB', async () => {
  await knex.raw('PRAGMA cache_size = 100000');
  await (
    await raiseSqlitePageCache(knex)
  )();
  expect(await cacheSize()).toBe(100000);
  await knex.raw('PRAGMA cache_size = -200000');
  const restore = await raiseSqlitePageCache(knex);
  expect(await cacheSize()).toBe(-200000);
  await restore();
  expect(await cacheSize()).toBe(-200000);
});

test('does nothing on other databases', async () => {
  const raw = jest.fn();
  const other = { client: { config: { client: 'postgres' } }, raw } as unknown as Knex;
  await (
    await raiseSqlitePageCache(other)
  )();
  expect(raw).not.toHaveBeenCalled();
});
