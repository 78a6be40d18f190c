import { TABLES } from '../../../constants';
import { isPostgres } from '../../../db/dialect';
import type { Migration } from '../../../db/migration';

/**
 * What a campaign's first minutes of opens and clicks cost the database, which readers bring in
 * no order the table keeps: every index whose key is random to them is a page written per event.
 *
 * - Events: the key that keeps an event once is unique per delivery, (delivery_id,
 *   idempotency_key), and that index also finds a delivery's events, so the delivery index goes;
 *   a contact's events are found through its deliveries, so the (contact_id, occurred_at) index
 *   goes. Three indexes in random order became one, whose open and click of one delivery share a
 *   page. Every event has its delivery, and its contact is its delivery's.
 * - Deliveries (PostgreSQL): a fifth of each page is left free. A first open, click or reply time
 *   is not indexed, so with room on its page PostgreSQL rewrites the row there (a HOT update)
 *   instead of adding a version to each of the table's indexes. Pages written before keep their
 *   fill until rewritten; SQLite and MySQL update such rows in place already.
 */
export const trackingWriteCost: Migration = {
  id: '010-tracking-write-cost',
  async up(knex) {
    await knex.schema.alterTable(TABLES.events, (t) => {
      t.unique(['delivery_id', 'idempotency_key'], { indexName: 'campaigns_events_delivery_key_uq' });
    });
    await knex.schema.alterTable(TABLES.events, (t) => {
      t.dropUnique(['idempotency_key'], 'campaigns_events_idempotency_uq');
      t.dropIndex(['delivery_id'], 'campaigns_events_delivery_ix');
      t.dropIndex(['contact_id', 'occurred_at'], 'campaigns_events_contact_time_ix');
    });
    if (isPostgres(knex)) await knex.raw(`ALTER TABLE ?? SET (fillfactor = 80)`, [TABLES.deliveries]);
  },
};
