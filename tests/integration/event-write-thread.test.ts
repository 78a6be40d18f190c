/**
 * The event write thread (server/src/events/write-thread.ts) without an app: the built thread
 * (dist/event-write-thread) on a SQLite file, beside a connection of this process as Strapi's
 * would be (one connection, knex's default for SQLite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DeliveryEvent } from '../../server/src/events/delivery-event';
import { threadBatchStore } from '../../server/src/events/write-thread';
import type { EventBatchStore } from '../../server/src/events/batch-write';
import { createRollupWriter } from '../../server/src/features/analytics/rollup-writer';
import { connectionBatchStore } from '../../server/src/events/batch-write';
import { deliveryTables } from '../../server/src/features/sending/migrations/001-delivery-tables';
import { trackingWriteCost } from '../../server/src/features/tracking/migrations/010-tracking-write-cost';
import { machineFirsts } from '../../server/src/features/analytics/migrations/011-machine-firsts';
import { domainRollups } from '../../server/src/features/analytics/migrations/012-domain-rollups';
import { ROOT } from '../helpers/paths';

const THREAD_FILE = path.join(ROOT, 'dist', 'event-write-thread', 'index.js');
const DELIVERIES = 2_000;
const at = Date.UTC(2026, 11, 6, 9, 0, 0);

let dir: string;
let filename: string;
let knex: Knex;
let store: EventBatchStore;

const delivery = (id: number) => ({ id, campaignId: 1, contactId: 1000 + id });
const open = (id: number, when = at): DeliveryEvent => ({
  type: 'open',
  source: 'tracking',
  delivery: delivery(id),
  at: when,
  isBot: false,
  client: 'browser',
});
const click = (id: number, linkId: number): DeliveryEvent => ({
  type: 'click',
  source: 'tracking',
  delivery: delivery(id),
  at: at + 1,
  isBot: false,
  client: 'browser',
  linkId,
});

const rollup = async (metric: string) =>
  Number((await knex('campaigns_rollups').where({ campaign_id: 1, metric }).first('value'))?.value ?? 0);

beforeAll(() => {
  if (!fs.existsSync(THREAD_FILE)) throw new Error(`${THREAD_FILE} is missing: build the plugin first (npx strapi-plugin build)`);
});

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaigns-write-thread-'));
  filename = path.join(dir, 'data.db');
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
  await deliveryTables.up(knex);
  await trackingWriteCost.up(knex);
  await machineFirsts.up(knex);
  await domainRollups.up(knex);
  for (let id = 1; id <= DELIVERIES; id += 100) {
    await knex('campaigns_deliveries').insert(
      Array.from({ length: 100 }, (_, i) => ({
        id: id + i,
        campaign_id: 1,
        contact_id: 1000 + id + i,
        email: `r${id + i}@x.test`,
        state: 'sent',
      }))
    );
  }
  store = threadBatchStore({ knex, file: THREAD_FILE, knexPath: require.resolve('knex'), filename });
});

afterEach(async () => {
  await store.close();
  await knex.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the thread writes a batch in one transaction: new events, repeats, first times and counters', async () => {
  const stored = await store.write([open(1), open(1), open(2), click(1, 7)], at);
  expect(stored.ids.map((id) => id !== null)).toEqual([true, false, true, true]);
  expect(stored.firsts.map((f) => [f.deliveryId, f.column, f.at, f.campaignId])).toEqual(
    expect.arrayContaining([
      [1, 'first_open_at', at, 1],
      [2, 'first_open_at', at, 1],
      [1, 'first_click_at', at + 1, 1],
    ])
  );
  // Read by this process's own connection: what the thread committed is there.
  expect(await knex('campaigns_events').orderBy('id').pluck('id')).toEqual(stored.ids.filter((id) => id !== null));
  expect(await knex('campaigns_deliveries').where({ id: 1 }).first('first_open_at', 'first_click_at')).toEqual({
    first_open_at: at,
    first_click_at: at + 1,
  });
  expect(await rollup('unique_open_human')).toBe(2);

  // The same events again: the keys are stored, nothing moves.
  const again = await store.write([open(1), open(2)], at);
  expect(again).toEqual({ ids: [null, null], firsts: [] });
  expect(await knex('campaigns_events').count({ n: '*' })).toEqual([{ n: 3 }]);
});

test('the thread and a connection of this process agree on what a batch stores', async () => {
  const events = [open(3), open(3, at + 5), click(3, 1), click(4, 2), open(4, at - 10)];
  const threaded = await store.write(events, at);
  const rows = await knex('campaigns_events').orderBy('id').select('type', 'delivery_id', 'data', 'occurred_at');
  const counters = await knex('campaigns_rollups').orderBy('metric').select('metric', 'value');
  await knex('campaigns_events').del();
  await knex('campaigns_rollups').del();
  await knex('campaigns_rollup_hours').del();
  await knex('campaigns_deliveries').update({ first_open_at: null, first_click_at: null });

  const direct = await connectionBatchStore(knex, createRollupWriter()).write(events, at);
  expect(direct.firsts).toEqual(threaded.firsts);
  expect(direct.ids.map((id) => id !== null)).toEqual(threaded.ids.map((id) => id !== null));
  expect(await knex('campaigns_events').orderBy('id').select('type', 'delivery_id', 'data', 'occurred_at')).toEqual(rows);
  expect(await knex('campaigns_rollups').orderBy('metric').select('metric', 'value')).toEqual(counters);
});

test("this process's transactions that read, wait and then write never meet the thread's locks", async () => {
  // Each one reads (a shared lock), lets the event loop turn while the thread may be writing,
  // then writes: on two free connections this is where SQLite answers SQLITE_BUSY.
  const readThenWrite = (id: number) =>
    knex.transaction(async (trx) => {
      const row = await trx('campaigns_deliveries').where({ id }).first('attempts');
      await new Promise((resolve) => setTimeout(resolve, 1));
      await trx('campaigns_deliveries')
        .where({ id })
        .update({ attempts: Number(row.attempts) + 1 });
    });
  // Batches of 200 opens keep the thread writing for a while; the transactions start while it does.
  const batches = Array.from({ length: 10 }, (_, b) =>
    store.write(
      Array.from({ length: 200 }, (_, i) => open(b * 200 + i + 1)),
      at
    )
  );
  const transactions = Array.from({ length: 60 }, (_, i) => readThenWrite(i + 1));
  const settled = await Promise.allSettled([...batches, ...transactions]);
  expect(settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
  expect(await knex('campaigns_events').count({ n: '*' })).toEqual([{ n: 2_000 }]);
  expect(await knex('campaigns_deliveries').sum({ n: 'attempts' })).toEqual([{ n: 60 }]);
  expect(await rollup('unique_open_human')).toBe(2_000);
});

test('a batch that fails in the thread writes nothing and says why; the next one goes through', async () => {
  const broken: DeliveryEvent = { ...open(5), delivery: { id: 5, campaignId: null as unknown as number, contactId: 1005 } };
  await expect(store.write([open(6), broken], at)).rejects.toMatchObject({
    message: expect.stringContaining('campaign_id'),
    code: 'SQLITE_CONSTRAINT_NOTNULL',
  });
  expect(await knex('campaigns_events').count({ n: '*' })).toEqual([{ n: 0 }]);
  expect(await knex('campaigns_deliveries').whereNotNull('first_open_at').count({ n: '*' })).toEqual([{ n: 0 }]);

  const stored = await store.write([open(6)], at);
  expect(stored.ids).toEqual([expect.any(Number)]);
});

test('a closed thread is started again by the next batch', async () => {
  await store.write([open(7)], at);
  await store.close();
  const stored = await store.write([open(8)], at);
  expect(stored.ids).toEqual([expect.any(Number)]);
  expect(await knex('campaigns_events').orderBy('delivery_id').pluck('delivery_id')).toEqual([7, 8]);
});

test("the thread commits in this process connection's journal mode", async () => {
  // TRUNCATE is a connection's own setting (WAL would be the file's): SQLite's default, DELETE,
  // removes the journal after each commit, TRUNCATE leaves it empty.
  const journal = `${filename}-journal`;
  await knex.raw('PRAGMA journal_mode = TRUNCATE');
  expect(fs.existsSync(journal)).toBe(false);
  await store.write([open(9)], at);
  expect(fs.statSync(journal).size).toBe(0);
  expect(await knex('campaigns_events').pluck('delivery_id')).toEqual([9]);
});
