import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * The counters per recipient domain (analytics/domains.ts): per campaign, domain and metric. The
 * second index ranks a campaign's domains by one metric without reading the others.
 */
export const domainRollups: Migration = {
  id: '012-domain-rollups',
  async up(knex) {
    await knex.schema.createTable(TABLES.domainRollups, (t) => {
      t.integer('campaign_id').notNullable();
      t.string('domain', 255).notNullable();
      t.string('metric', 32).notNullable();
      t.bigInteger('value').notNullable().defaultTo(0);
      t.primary(['campaign_id', 'domain', 'metric'], 'campaigns_domain_rollups_pk');
      t.index(['campaign_id', 'metric', 'value', 'domain'], 'campaigns_domain_rollups_rank');
    });
  },
};
