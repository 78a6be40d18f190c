import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * Sends that do not go out at once (recipient-local waves, a spread, a send window): each delivery
 * keeps the instant it is due (`due_at`, epoch ms; null: right away), and the send record keeps the
 * plan that gave those instants (`plan`, JSON), saved with the dispatch cursor so a dispatch that
 * resumes gives every contact the time it would have had.
 */
export const sendPlans: Migration = {
  id: '009-send-plans',
  async up(knex) {
    await knex.schema.alterTable(TABLES.deliveries, (t) => {
      t.bigInteger('due_at').nullable();
    });
    await knex.schema.alterTable(TABLES.sends, (t) => {
      t.text('plan').nullable();
    });
  },
};
