import knexFactory, { type Knex } from 'knex';
import { deliveryTables } from '../../../sending/migrations/001-delivery-tables';
import { createRetention } from '../retention';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 5, 12, 0, 0);
let knex: Knex;

const insertEvents = (count: number, occurredAt: number, prefix: string) =>
  knex('campaigns_events').insert(
    Array.from({ length: count }, (_, i) => ({
      idempotency_key: `${prefix}:${i}`,
      type: 'open',
      delivery_id: 1,
      campaign_id: 1,
      contact_id: 1,
      source: 'tracking',
      occurred_at: occurredAt,
      created_at: occurredAt,
    }))
  );
const keys = async () =>
  ((await knex('campaigns_events').select('idempotency_key').orderBy('id')) as Array<{ idempotency_key: string }>).map(
    (r) => r.idempotency_key
  );

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await deliveryTables.up(knex);
});

afterEach(() => knex.destroy());

test('events older than the retention go, oldest first, a bounded number per run; newer ones stay', async () => {
  await insertEvents(7, now - 40 * DAY, 'old');
  await insertEvents(3, now - 31 * DAY, 'older-than-30');
  await insertEvents(4, now - 29 * DAY, 'new');
  const retention = createRetention({ knex, rawEventDays: async () => 30, chunk: 3, chunksPerRun: 2 });

  const first = await retention.run(now);
  expect(first).toEqual({ cutoff: now - 30 * DAY, deleted: 6, more: true });
  expect((await keys()).filter((k) => k.startsWith('old:'))).toEqual(['old:6']);

  expect(await retention.run(now)).toEqual({ cutoff: now - 30 * DAY, deleted: 4, more: false });
  expect(await keys()).toEqual(['new:0', 'new:1', 'new:2', 'new:3']);
  expect(await retention.run(now)).toEqual({ cutoff: now - 30 * DAY, deleted: 0, more: false });
});

test('without a retention (null) nothing is deleted, however old', async () => {
  await insertEvents(2, now - 3650 * DAY, 'ancient');
  expect(await createRetention({ knex, rawEventDays: async () => null }).run(now)).toEqual({ cutoff: null, deleted: 0, more: false });
  expect(await keys()).toHaveLength(2);
});

test('the setting is read at every run', async () => {
  await insertEvents(1, now - 10 * DAY, 'ten-days');
  let days: number | null = 30;
  const retention = createRetention({ knex, rawEventDays: async () => days });
  expect((await retention.run(now)).deleted).toBe(0);
  days = 7;
  expect((await retention.run(now)).deleted).toBe(1);
});
