import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * A send resolves its campaign's entries blocks once, when it starts, and keeps their MJML here, on
 * its send record (JSON: block source -> MJML). Every recipient, every worker process and the
 * "view in browser" page then show the same entries, whatever the site publishes meanwhile. On the
 * send record rather than the campaign: it lives and dies with the send (a new send starts a new
 * record), and writing it in the transaction that starts the send neither touches the campaign's
 * updatedAt nor shows in the content manager. Long text: twenty entries with their rich text can
 * pass MySQL's 64 KB TEXT.
 */
export const frozenEntries: Migration = {
  id: '013-frozen-entries',
  async up(knex) {
    await knex.schema.alterTable(TABLES.sends, (t) => {
      t.text('entries_blocks', 'longtext').nullable();
    });
  },
};
