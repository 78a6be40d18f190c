import { TABLES } from '../../../constants';
import type { Migration } from '../../../db/migration';

/**
 * The first time a machine (a privacy proxy, a link scanner) opened or clicked each delivery:
 * what counts the deliveries machines opened or clicked, apart from people's (first_open_at and
 * first_click_at). Not indexed: setting them stays an update in the row's page.
 */
export const machineFirsts: Migration = {
  id: '011-machine-firsts',
  async up(knex) {
    await knex.schema.alterTable(TABLES.deliveries, (t) => {
      t.bigInteger('first_machine_open_at').nullable();
      t.bigInteger('first_machine_click_at').nullable();
    });
  },
};
