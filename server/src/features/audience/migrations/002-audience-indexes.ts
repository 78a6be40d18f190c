import type { Migration } from '../../../db/migration';

/**
 * Indexes on the tables Strapi made for the contact and suppression content types (Strapi cannot
 * declare them, and leaves indexes it did not create alone). The unique email index is what bulk
 * imports upsert against; the others serve segment counts over the audience.
 */
export const audienceIndexes: Migration = {
  id: '002-audience-indexes',
  async up(knex) {
    await knex.schema.alterTable('campaigns_contacts', (t) => {
      t.unique(['email'], { indexName: 'campaigns_contacts_email_uq' });
      t.index(['email_hash'], 'campaigns_contacts_email_hash_ix');
      // Covers the mailable scan: state filter plus the suppression probe, without reading rows.
      t.index(['state', 'email_hash'], 'campaigns_contacts_state_hash_ix');
    });
    await knex.schema.alterTable('campaigns_suppressions', (t) => {
      t.index(['email_hash', 'scope'], 'campaigns_suppressions_hash_scope_ix');
    });
  },
};
