import type { Knex } from 'knex';

/** Which database a knex instance talks to: where the SQL the plugin writes by hand differs. */
export const isMysql = (knex: Knex) => String(knex.client.config.client).includes('mysql');
export const isPostgres = (knex: Knex) => knex.client.dialect === 'postgresql';
export const isSqlite = (knex: Knex) => String(knex.client.config.client).includes('sqlite');

/**
 * `column = value` in a walk of a table in primary-key order (`id > after ORDER BY id LIMIT n`).
 * SQLite has no statistics: it would take an index on the column, then read and sort every
 * matching row for each page (a campaign's three million events: hours). Its unary plus keeps the
 * value and leaves the index, so each page continues along the primary key. PostgreSQL and MySQL
 * choose from their statistics.
 */
export const whereInIdWalk = (qb: Knex.QueryBuilder, knex: Knex, column: string, value: string | number) =>
  isSqlite(knex) ? qb.whereRaw('+?? = ?', [column, value]) : qb.where(column, value);
