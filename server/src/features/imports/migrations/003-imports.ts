import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

const counter = (t: Knex.CreateTableBuilder, name: string) => t.bigInteger(name).notNullable().defaultTo(0);

/**
 * Contact imports: one row per uploaded file, its options, its counters and where a crashed or
 * retried job resumes (`rows_committed`, committed with each batch). `campaigns_import_updates`
 * remembers which existing contacts an import already updated, so a later row with the same
 * address counts as a duplicate even after a resume.
 */
export const imports: Migration = {
  id: '003-imports',
  async up(knex) {
    await knex.schema.createTable(TABLES.imports, (t) => {
      t.increments('id').primary();
      t.string('state', 16).notNullable().defaultTo('queued');
      t.string('file_name', 255).notNullable();
      t.string('file_path', 1024).nullable();
      t.bigInteger('size').notNullable();
      t.text('options').notNullable();
      counter(t, 'rows_read');
      counter(t, 'created');
      counter(t, 'updated');
      counter(t, 'duplicates');
      counter(t, 'rejected');
      counter(t, 'suppressed');
      counter(t, 'bytes_read');
      counter(t, 'rows_committed');
      t.text('error').nullable();
      t.string('report_path', 1024).nullable();
      // Length of the report once the last batch committed: a resume cuts the report back to it.
      counter(t, 'report_bytes');
      t.integer('created_by').nullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('started_at').nullable();
      t.bigInteger('finished_at').nullable();
      t.index(['state'], 'campaigns_imports_state_ix');
    });

    await knex.schema.createTable(TABLES.importUpdates, (t) => {
      t.integer('import_id').notNullable();
      t.integer('contact_id').notNullable();
      t.primary(['import_id', 'contact_id'], 'campaigns_import_updates_pk');
    });
  },
};
