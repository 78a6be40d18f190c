import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

// Epoch milliseconds, as every table of the plugin keeps times (see 001-delivery-tables).
const epoch = (t: Knex.CreateTableBuilder, name: string) => t.bigInteger(name).nullable();

/**
 * The replies matched to our messages: one row per inbound notice that is a reply (its notice row
 * holds the raw mail and the pipeline's action), with what the inbox shows of it: the class, the
 * writer, the stripped text and the quote, an out-of-office return date, and whether an editor
 * has handled it. Unrelated mail in a replies mailbox never gets a row.
 *
 * 001 made a first replies table that nothing ever wrote: it is replaced, not altered (its unique
 * Message-ID gives way to the notice, the key the pipeline already makes exactly-once).
 */
export const repliesTable: Migration = {
  id: '014-replies',
  async up(knex) {
    await knex.schema.dropTableIfExists(TABLES.replies);
    await knex.schema.createTable(TABLES.replies, (t) => {
      t.increments('id').primary();
      t.integer('notice_id').notNullable();
      t.integer('delivery_id').notNullable();
      t.integer('campaign_id').notNullable();
      t.integer('contact_id').nullable();
      t.string('class', 24).notNullable();
      t.string('auto_reply_kind', 24).nullable();
      t.string('from_address', 320).notNullable();
      t.string('from_name', 255).nullable();
      t.text('subject').notNullable();
      t.string('snippet', 255).notNullable();
      t.text('body_text', 'longtext').notNullable();
      t.text('quoted_text', 'longtext').notNullable();
      t.text('signature_text').notNullable();
      // YYYY-MM-DD: a date without a time zone, as the writer stated it.
      t.string('return_date', 10).nullable();
      t.string('matched_by', 16).notNullable();
      t.string('match_note', 16).nullable();
      t.integer('raw_id').nullable();
      epoch(t, 'received_at');
      epoch(t, 'handled_at');
      t.string('handled_by', 255).nullable();
      epoch(t, 'created_at');
      t.unique(['notice_id'], { indexName: 'campaigns_replies_notice_uq' });
      t.index(['received_at'], 'campaigns_replies_received_ix');
      t.index(['class', 'received_at'], 'campaigns_replies_class_ix');
      t.index(['campaign_id', 'class'], 'campaigns_replies_campaign_ix');
      t.index(['contact_id', 'received_at'], 'campaigns_replies_contact_ix');
      t.index(['handled_at', 'received_at'], 'campaigns_replies_handled_ix');
    });
  },
};
