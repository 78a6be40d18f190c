import type { Knex } from 'knex';
import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

// Epoch milliseconds, as every table of the plugin keeps times (see 001-delivery-tables).
const epoch = (t: Knex.CreateTableBuilder, name: string) => t.bigInteger(name).notNullable();

/**
 * The decisions log of A/B tests: one row per decision, the rule's or an editor's (a winner, a
 * wait for an editor, a cancel), with the figures it was made on, who took it and when. Rows are
 * only added: the experiment's own `decision` holds the latest figures, this table how it got there.
 */
export const experimentDecisionsTable: Migration = {
  id: '015-experiment-decisions',
  async up(knex) {
    await knex.schema.createTable(TABLES.experimentDecisions, (t) => {
      t.increments('id').primary();
      t.integer('experiment_id').notNullable();
      t.string('action', 16).notNullable();
      t.string('winner', 1).nullable();
      // JSON as the rule made it: text, the same on the three databases.
      t.text('figures', 'longtext').nullable();
      t.text('reason').nullable();
      // The admin who decided (their id and name at the time); both null when the rule did.
      t.integer('by_id').nullable();
      t.string('by_label', 255).nullable();
      epoch(t, 'decided_at');
      t.index(['experiment_id', 'decided_at'], 'campaigns_experiment_decisions_experiment_ix');
    });
  },
};
