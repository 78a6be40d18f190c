import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * The erasure log: what a compliance officer shows to prove an erasure happened (when, by whom,
 * what it touched), with nothing of the person but the address's hash, which the `erased`
 * suppression keeps anyway. And the index the retention job pages old events by.
 */
export const erasures: Migration = {
  id: '008-erasures',
  async up(knex) {
    await knex.schema.createTable(TABLES.erasures, (t) => {
      t.increments('id').primary();
      t.string('email_hash', 64).notNullable();
      t.string('contact_document_id', 64).notNullable();
      // Epoch milliseconds, as every table of the plugin keeps times (see 001-delivery-tables).
      t.bigInteger('erased_at').notNullable();
      t.string('erased_by', 255).notNullable();
      // Rows changed per table, as JSON.
      t.text('counts').notNullable();
      t.index(['email_hash'], 'campaigns_erasures_hash_ix');
    });
    await knex.schema.alterTable(TABLES.events, (t) => {
      t.index(['occurred_at', 'id'], 'campaigns_events_occurred_ix');
    });
  },
};
