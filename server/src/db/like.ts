import type { Knex } from 'knex';

// '!' rather than backslash as the LIKE escape: MySQL reads a backslash inside a literal as an escape of its own.
export const likeEscape = (value: string) => value.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`);

/** A LIKE pattern (escaped with likeEscape), case-insensitive on every database (PostgreSQL's LIKE is case-sensitive, MySQL's and SQLite's are not). */
export const like = (qb: Knex.QueryBuilder, column: string | Knex.Raw, pattern: string, negate = false) =>
  qb.whereRaw(`LOWER(${typeof column === 'string' ? '??' : '?'}) ${negate ? 'NOT ' : ''}LIKE ? ESCAPE '!'`, [column, pattern]);
