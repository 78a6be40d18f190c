import type { Knex } from 'knex';

/**
 * A versioned change to the plugin's own tables. `id` is recorded once applied and must never be
 * renamed; a migration that has shipped is never edited, a new one is added instead.
 */
export interface Migration {
  id: string;
  up(knex: Knex): Promise<void>;
}
