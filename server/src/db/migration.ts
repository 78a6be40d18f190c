import type { Knex } from 'knex';

/**
 * A versioned change to the plugin's own tables. `id` is recorded once applied and must never be
 * renamed; a migration that has shipped is never edited, a new one is added instead.
 */
export interface Migration {
  id: string;
  up(knex: Knex): Promise<void>;
}

/**
 * The features' migrations in the order of their ids (a three-digit sequence taken across all
 * features, so the order never depends on where a migration lives). Two with one id would leave
 * the second unapplied forever, recorded under the first's name.
 */
export const orderMigrations = (migrations: readonly Migration[]): Migration[] => {
  const ids = new Set<string>();
  for (const { id } of migrations) {
    if (ids.has(id)) throw new Error(`campaigns: two migrations have the id "${id}"`);
    ids.add(id);
  }
  return [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
