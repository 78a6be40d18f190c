import type { Migration } from '../../../db/migration';

/** The experiment content type's table (its schema.json's collectionName): Strapi creates it before the migrations run. */
export const EXPERIMENTS_TABLE = 'campaigns_experiments';

/**
 * An A/B test's wait, kept in the database like any schedule so a restart, a worker killed during
 * it or a lost Redis cannot lose the decision: when its test group had gone out (`test_sent_at`)
 * and when the rule decides (`decide_at`, cleared by any decision). Epoch milliseconds, as every
 * plugin time. Strapi leaves columns it never declared alone on its own tables.
 */
export const experimentWait: Migration = {
  id: '017-experiment-wait',
  async up(knex) {
    await knex.schema.alterTable(EXPERIMENTS_TABLE, (t) => {
      t.bigInteger('test_sent_at').nullable();
      t.bigInteger('decide_at').nullable();
      t.index(['decide_at'], 'campaigns_experiments_decide_at_ix');
    });
  },
};
