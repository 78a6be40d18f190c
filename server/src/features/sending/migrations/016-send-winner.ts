import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * The variant an A/B test's winner sends to the rest of the audience, on the send record: null
 * while the test group goes out (and for a send without a test). Set once, with the rest's
 * dispatch, so the dispatch, a retry of it and the campaign's end all read the same answer.
 */
export const sendWinner: Migration = {
  id: '016-send-winner',
  async up(knex) {
    await knex.schema.alterTable(TABLES.sends, (t) => {
      t.string('winner', 16).nullable();
    });
  },
};
