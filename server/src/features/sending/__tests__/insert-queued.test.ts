import knexFactory, { type Knex } from 'knex';
import { deliveryStore } from '../delivery-store';
import { deliveryTables } from '../migrations/001-delivery-tables';
import { sends } from '../migrations/005-sends';
import { sendPlans } from '../migrations/009-send-plans';

let knex: Knex;

beforeEach(async () => {
  knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  for (const migration of [deliveryTables, sends, sendPlans]) await migration.up(knex);
  await knex.schema.createTable('contacts', (t) => t.increments('id'));
  await knex('contacts').insert([{ id: 1 }, { id: 3 }]);
});

afterEach(() => knex.destroy());

test('a dispatch page makes no delivery for a contact gone since the page was read (an erasure), and none twice', async () => {
  const store = deliveryStore(knex, {
    contacts: 'contacts',
    suppressions: 'suppressions',
    topicLinks: { table: 'suppression_topics', suppressionColumn: 'suppression_id', topicColumn: 'topic_id' },
  });
  const page = [1, 2, 3].map((id) => ({ id, email: `c${id}@example.com` }));
  await store.insertQueued(7, page, 1000);
  await store.insertQueued(7, page, 2000);
  const rows = await knex('campaigns_deliveries').select('contact_id', 'email', 'state', 'queued_at').orderBy('contact_id');
  expect(rows).toEqual([
    { contact_id: 1, email: 'c1@example.com', state: 'queued', queued_at: 1000 },
    { contact_id: 3, email: 'c3@example.com', state: 'queued', queued_at: 1000 },
  ]);
});
