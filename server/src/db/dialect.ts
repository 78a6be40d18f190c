import type { Knex } from 'knex';

/** Which database a knex instance talks to: where the SQL the plugin writes by hand differs. */
export const isMysql = (knex: Knex) => String(knex.client.config.client).includes('mysql');
export const isPostgres = (knex: Knex) => knex.client.dialect === 'postgresql';
export const isSqlite = (knex: Knex) => String(knex.client.config.client).includes('sqlite');
