import knexFactory, { type Knex } from 'knex';
import { deliveryTables } from '../../features/sending/migrations/001-delivery-tables';
import { machineFirsts } from '../../features/analytics/migrations/011-machine-firsts';
import { trackingWriteCost } from '../../features/tracking/migrations/010-tracking-write-cost';
import type { DeliveryEvent, RecordedEvent } from '../delivery-event';
import { connectionBatchStore } from '../batch-write';
import { createEventRecorder } from '../recorder';

let knex: Knex;
let commits = 0;
let queued: RecordedEvent[][] = [];
const warnings: string[] = [];

const delivery = (id: number) => ({ id, campaignId: 1, contactId: 100 + id });
const at = Date.UTC(2026, 11, 4, 12, 0, 0);
const open = (id: number, over: Partial<Extract<DeliveryEvent, { type: 'open' }>> = {}): DeliveryEvent => ({
  type: 'open',
  source: 'tracking',
  delivery: delivery(id),
  at,
  isBot: false,
  client: 'browser',
  ...over,
});

const recorder = (queue = { add: async (_name: 'events', data: { events: RecordedEvent[] }) => void queued.push(data.events) }) =>
  createEventRecorder({ store: connectionBatchStore(knex), queue: () => queue, log: { warn: (m) => void warnings.push(m) } });

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await deliveryTables.up(knex);
  await trackingWriteCost.up(knex);
  await machineFirsts.up(knex);
  await knex('campaigns_deliveries').insert(
    [1, 2, 3].map((id) => ({ id, campaign_id: 1, contact_id: 100 + id, email: `r${id}@x.test`, state: 'sent' }))
  );
  commits = 0;
  queued = [];
  warnings.length = 0;
  knex.on('query', (query: { sql: string }) => {
    if (/^commit/i.test(query.sql)) commits++;
  });
});

afterEach(() => knex.destroy());

test('concurrent events share one transaction; repeats are written and queued once', async () => {
  const record = recorder().record;
  const results = await Promise.all(
    [open(1), open(1), open(2), open(2, { at: at + 5_000 }), open(3, { isBot: true })].map((e) => record(e))
  );
  expect(results.map((r) => r && r.deliveryId)).toEqual([1, null, 2, null, 3]);
  expect(commits).toBe(1);
  expect(await knex('campaigns_events').orderBy('id').pluck('idempotency_key')).toEqual([
    `open:1:${Math.floor(at / 60_000)}:human`,
    `open:2:${Math.floor(at / 60_000)}:human`,
    `open:3:${Math.floor(at / 60_000)}:machine`,
  ]);
  expect(queued).toHaveLength(1);
  expect(queued[0].map((e) => e.id)).toEqual(results.filter(Boolean).map((r) => r!.id));

  // A later batch of the same keys: nothing written, nothing queued.
  expect(await Promise.all([record(open(1)), record(open(2))])).toEqual([null, null]);
  expect(await knex('campaigns_events').count({ n: '*' })).toEqual([{ n: 3 }]);
  expect(queued).toHaveLength(1);
});

test("a human open or click sets the first time once, the earliest; a machine's sets the machine's", async () => {
  const record = recorder().record;
  await Promise.all([record(open(1, { at: at + 70_000 })), record(open(1)), record(open(2, { isBot: true }))]);
  await record({ type: 'click', source: 'tracking', delivery: delivery(1), at: at + 1, isBot: false, client: 'browser', linkId: 9 });
  await record(open(1, { at: at + 200_000 }));
  const rows = await knex('campaigns_deliveries').orderBy('id').select('id', 'first_open_at', 'first_click_at', 'first_machine_open_at');
  expect(rows.map((r) => [r.id, r.first_open_at, r.first_click_at, r.first_machine_open_at])).toEqual([
    [1, at, at + 1, null],
    [2, null, null, at],
    [3, null, null, null],
  ]);
});

test('a batch of mixed events lands whole', async () => {
  const record = recorder().record;
  const events: DeliveryEvent[] = [
    open(1),
    { type: 'click', source: 'tracking', delivery: delivery(1), at, isBot: false, client: 'browser', linkId: 4 },
    { type: 'unsubscribe', source: 'tracking', delivery: delivery(2), at },
    { type: 'bounce', source: 'smtp', delivery: delivery(3), at, reference: '3:1', kind: 'hard', code: 550, message: '5.1.1 unknown' },
  ];
  const results = await Promise.all(events.map((e) => record(e)));
  expect(results.map((r) => r?.type)).toEqual(['open', 'click', 'unsubscribe', 'bounce']);
  const rows = await knex('campaigns_events').orderBy('id').select('type', 'delivery_id', 'contact_id', 'source', 'data');
  expect(rows).toEqual([
    { type: 'open', delivery_id: 1, contact_id: 101, source: 'tracking', data: '{"client":"browser"}' },
    { type: 'click', delivery_id: 1, contact_id: 101, source: 'tracking', data: '{"linkId":4,"client":"browser"}' },
    { type: 'unsubscribe', delivery_id: 2, contact_id: 102, source: 'tracking', data: null },
    { type: 'bounce', delivery_id: 3, contact_id: 103, source: 'smtp', data: '{"kind":"hard","code":550,"message":"5.1.1 unknown"}' },
  ]);
});

test('a queue that refuses is logged: the events stay recorded', async () => {
  const { record } = recorder({ add: async () => Promise.reject(new Error('redis is down')) });
  expect(await record(open(1))).toMatchObject({ type: 'open', deliveryId: 1 });
  expect(await knex('campaigns_events').count({ n: '*' })).toEqual([{ n: 1 }]);
  expect(warnings).toEqual([expect.stringMatching(/1 recorded events were not queued.*redis is down/)]);
});
