import { TABLES } from '../../../../constants';
import type { Migration } from '../../../../db/migration';

/**
 * Who lifted which suppression, when and why. The suppression row itself is deleted (it no longer
 * blocks anything), so this keeps what it was: the evidence a compliance officer asks for. Times
 * in epoch milliseconds, as in every table of the plugin.
 */
export const suppressionRemovals: Migration = {
  id: '007-suppression-removals',
  async up(knex) {
    await knex.schema.createTable(TABLES.suppressionRemovals, (t) => {
      t.increments('id').primary();
      t.string('suppression_document_id', 32).notNullable();
      // null once the address is erased: the hash stays, as on the suppression.
      t.string('email', 320).nullable();
      t.string('email_hash', 64).notNullable();
      t.string('reason', 32).notNullable();
      t.string('scope', 16).notNullable();
      t.string('topic_document_id', 32).nullable();
      t.string('topic_name', 200).nullable();
      t.bigInteger('suppressed_at').nullable();
      t.bigInteger('expires_at').nullable();
      t.text('note').notNullable();
      // The admin's id and name as they were: a removal outlives the admin account.
      t.integer('removed_by_id').nullable();
      t.string('removed_by_name', 255).nullable();
      t.bigInteger('removed_at').notNullable();
      t.index(['removed_at'], 'campaigns_suppression_removals_at_ix');
      t.index(['email_hash'], 'campaigns_suppression_removals_hash_ix');
    });
  },
};
