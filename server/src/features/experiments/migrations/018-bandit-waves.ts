import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * A bandit's waves (issue 19): one row per wave once it starts, with the traffic shares its
 * dispatch places contacts by. Stored, never recomputed: a retry or a second dispatch of the wave
 * reads the same shares, and the results show what each wave was given. The unique (experiment,
 * wave) is what lets two runners start a wave once. `sent_at`: when its messages had all gone out,
 * which starts the pause before the next wave (epoch milliseconds, as every plugin time).
 *
 * The send record gets the wave its current dispatch is for (1 for any first dispatch): the
 * dispatch places only contacts of the waves up to it, and a runner that finds a stored wave
 * past the record's starts that wave's dispatch (the process died between the two).
 */
export const banditWaves: Migration = {
  id: '018-bandit-waves',
  async up(knex) {
    await knex.schema.createTable(TABLES.experimentWaves, (t) => {
      t.increments('id').primary();
      t.integer('experiment_id').notNullable();
      t.integer('wave').notNullable();
      // JSON, { [variant key]: share }: text, the same on the three databases.
      t.text('shares').notNullable();
      t.bigInteger('started_at').notNullable();
      t.bigInteger('sent_at').nullable();
      t.unique(['experiment_id', 'wave'], { indexName: 'campaigns_experiment_waves_wave_uq' });
    });
    await knex.schema.alterTable(TABLES.sends, (t) => {
      t.integer('wave').notNullable().defaultTo(1);
    });
  },
};
