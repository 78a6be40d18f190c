import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

// Epoch milliseconds, as every table of the plugin keeps times (see 001-delivery-tables).
const epoch = (t: Knex.CreateTableBuilder, name: string) => t.bigInteger(name).nullable();

/**
 * What came back: one notice row per recipient of each inbound notice (matched or not), the raw
 * mail or webhook body it came in (once, shared by its rows), where each IMAP mailbox's scan
 * has got to, and the index that finds deliveries by their address.
 */
export const inboundTables: Migration = {
  id: '006-inbound-tables',
  async up(knex) {
    await knex.schema.createTable(TABLES.inboundRaw, (t) => {
      t.increments('id').primary();
      t.string('sha256', 64).notNullable();
      // MySQL's TEXT holds 64 KB; a stored mail is capped well above that.
      t.text('body', 'longtext').notNullable();
      t.integer('size').notNullable();
      t.boolean('truncated').notNullable().defaultTo(false);
      epoch(t, 'created_at');
      t.unique(['sha256'], { indexName: 'campaigns_inbound_raw_sha_uq' });
    });

    await knex.schema.createTable(TABLES.inboundNotices, (t) => {
      t.increments('id').primary();
      // origin + reference + recipient (hashed when long): 191 characters fit MySQL's utf8mb4 unique index.
      t.string('idempotency_key', 191).notNullable();
      t.string('source', 16).notNullable();
      t.string('origin', 64).notNullable();
      t.string('kind', 24).notNullable();
      t.string('bounce_type', 16).nullable();
      t.string('reason', 32).nullable();
      t.string('status', 16).nullable();
      t.text('diagnostic').nullable();
      t.string('feedback_type', 32).nullable();
      t.string('email', 320).nullable();
      t.integer('delivery_id').nullable();
      t.integer('campaign_id').nullable();
      t.integer('contact_id').nullable();
      t.string('matched_by', 16).nullable();
      t.string('action', 16).notNullable();
      t.integer('raw_id').nullable();
      epoch(t, 'occurred_at');
      epoch(t, 'created_at');
      epoch(t, 'undone_at');
      t.string('undone_by', 255).nullable();
      t.unique(['idempotency_key'], { indexName: 'campaigns_inbound_notices_key_uq' });
      t.index(['created_at'], 'campaigns_inbound_notices_created_ix');
      t.index(['kind', 'created_at'], 'campaigns_inbound_notices_kind_ix');
      t.index(['action', 'created_at'], 'campaigns_inbound_notices_action_ix');
      t.index(['campaign_id', 'kind'], 'campaigns_inbound_notices_campaign_ix');
      t.index(['contact_id'], 'campaigns_inbound_notices_contact_ix');
      // The soft-bounce count: one address's soft bounces in the window, on distinct campaigns.
      t.index(['email', 'bounce_type', 'occurred_at'], 'campaigns_inbound_notices_soft_ix');
    });

    // Matching's last resort finds the latest delivery to a notice's recipient by address.
    await knex.schema.alterTable(TABLES.deliveries, (t) => {
      t.index(['email'], 'campaigns_deliveries_email_ix');
    });

    await knex.schema.createTable(TABLES.mailboxCheckpoints, (t) => {
      t.string('mailbox', 64).primary();
      t.bigInteger('uid_validity').notNullable();
      t.bigInteger('last_uid').notNullable();
      epoch(t, 'updated_at');
    });
  },
};
