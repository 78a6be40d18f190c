import type { Migration } from '../../../db/migration';

/**
 * Every write to an audience source looks its mirrored contact up by (source_uid, source_id), and
 * the backfill does so once per source entry: without this index each lookup scans the contacts.
 */
export const sourceIndex: Migration = {
  id: '004-source-index',
  async up(knex) {
    await knex.schema.alterTable('campaigns_contacts', (t) => {
      t.index(['source_uid', 'source_id'], 'campaigns_contacts_source_ix');
    });
  },
};
