import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

// Times are epoch milliseconds in BIGINT columns: the one representation that reads and compares the
// same on SQLite, PostgreSQL and MySQL without driver time-zone conversions.
const epoch = (t: Knex.CreateTableBuilder, name: string) => t.bigInteger(name).nullable();

export const deliveryTables: Migration = {
  id: '001-delivery-tables',
  async up(knex) {
    await knex.schema.createTable(TABLES.deliveries, (t) => {
      t.increments('id').primary();
      t.integer('campaign_id').notNullable();
      t.integer('contact_id').notNullable();
      t.string('variant', 16).notNullable().defaultTo('');
      t.string('state', 16).notNullable().defaultTo('queued');
      t.string('email', 320).notNullable();
      t.string('message_id', 255).nullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error').nullable();
      epoch(t, 'queued_at');
      epoch(t, 'sending_at');
      epoch(t, 'sent_at');
      epoch(t, 'failed_at');
      epoch(t, 'first_open_at');
      epoch(t, 'first_click_at');
      epoch(t, 'first_reply_at');
      epoch(t, 'updated_at');
      t.unique(['campaign_id', 'contact_id'], { indexName: 'campaigns_deliveries_campaign_contact_uq' });
      t.index(['campaign_id', 'state'], 'campaigns_deliveries_campaign_state_ix');
      t.index(['contact_id'], 'campaigns_deliveries_contact_ix');
      t.index(['message_id'], 'campaigns_deliveries_message_id_ix');
    });

    await knex.schema.createTable(TABLES.events, (t) => {
      t.increments('id').primary();
      // 191 characters keeps the unique index inside MySQL's 767-byte limit with utf8mb4.
      t.string('idempotency_key', 191).notNullable();
      t.string('type', 32).notNullable();
      t.integer('delivery_id').nullable();
      t.integer('campaign_id').nullable();
      t.integer('contact_id').nullable();
      t.string('source', 32).notNullable();
      t.boolean('is_bot').notNullable().defaultTo(false);
      t.text('data').nullable();
      t.string('raw_ref', 255).nullable();
      epoch(t, 'occurred_at');
      epoch(t, 'created_at');
      t.unique(['idempotency_key'], { indexName: 'campaigns_events_idempotency_uq' });
      t.index(['campaign_id', 'type'], 'campaigns_events_campaign_type_ix');
      t.index(['delivery_id'], 'campaigns_events_delivery_ix');
      t.index(['contact_id', 'occurred_at'], 'campaigns_events_contact_time_ix');
    });

    await knex.schema.createTable(TABLES.links, (t) => {
      t.increments('id').primary();
      t.integer('campaign_id').notNullable();
      t.string('variant', 16).notNullable().defaultTo('');
      t.string('url_hash', 64).notNullable();
      t.text('url').notNullable();
      t.integer('position').notNullable().defaultTo(0);
      epoch(t, 'created_at');
      t.unique(['campaign_id', 'variant', 'url_hash'], { indexName: 'campaigns_links_campaign_url_uq' });
    });

    await knex.schema.createTable(TABLES.replies, (t) => {
      t.increments('id').primary();
      t.integer('delivery_id').nullable();
      t.integer('campaign_id').nullable();
      t.integer('contact_id').nullable();
      t.string('message_id', 191).notNullable();
      t.string('from_address', 320).notNullable();
      t.string('subject', 998).nullable();
      t.text('snippet').nullable();
      t.string('class', 24).notNullable();
      epoch(t, 'received_at');
      epoch(t, 'created_at');
      t.unique(['message_id'], { indexName: 'campaigns_replies_message_id_uq' });
      t.index(['campaign_id'], 'campaigns_replies_campaign_ix');
    });

    await knex.schema.createTable(TABLES.rollups, (t) => {
      t.integer('campaign_id').notNullable();
      t.string('variant', 16).notNullable().defaultTo('');
      t.string('metric', 32).notNullable();
      t.bigInteger('value').notNullable().defaultTo(0);
      t.primary(['campaign_id', 'variant', 'metric'], 'campaigns_rollups_pk');
    });

    await knex.schema.createTable(TABLES.rollupHours, (t) => {
      t.integer('campaign_id').notNullable();
      t.string('variant', 16).notNullable().defaultTo('');
      t.string('metric', 32).notNullable();
      t.bigInteger('hour').notNullable();
      t.bigInteger('value').notNullable().defaultTo(0);
      t.primary(['campaign_id', 'variant', 'metric', 'hour'], 'campaigns_rollup_hours_pk');
    });
  },
};
