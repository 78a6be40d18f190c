import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * The send pipeline's bookkeeping. `campaigns_sends` holds one row per campaign that was sent:
 * the audience rules as they were when sending started (so a resumed dispatch pages the same
 * audience), the keyset cursor the dispatch has committed, and the run number a pause and resume
 * advance. Deliveries learn which send job claimed them (`claimed_by`): a job that finds a row it
 * claimed in an attempt that died knows that message may have gone, and never sends it again.
 */
export const sends: Migration = {
  id: '005-sends',
  async up(knex) {
    await knex.schema.createTable(TABLES.sends, (t) => {
      t.integer('campaign_id').notNullable().primary();
      t.string('state', 16).notNullable();
      t.integer('run').notNullable().defaultTo(0);
      t.text('rules').notNullable();
      t.integer('cursor').notNullable().defaultTo(0);
      t.bigInteger('started_at').notNullable();
      t.bigInteger('dispatched_at').nullable();
      t.bigInteger('finished_at').nullable();
      t.bigInteger('updated_at').notNullable();
    });
    await knex.schema.alterTable(TABLES.deliveries, (t) => {
      t.string('claimed_by', 128).nullable();
      t.bigInteger('retry_at').nullable();
      t.integer('response_code').nullable();
    });
  },
};
