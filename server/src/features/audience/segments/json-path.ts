import type { Knex } from 'knex';

export type Dialect = 'sqlite' | 'postgres' | 'mysql';

/** knex's client name -> the SQL dialect the JSON functions are written for. */
export const dialectOf = (knex: Knex): Dialect => {
  const client = String(knex.client.config.client);
  if (client.includes('sqlite')) return 'sqlite';
  if (client.includes('pg') || client.includes('postgres')) return 'postgres';
  if (client.includes('mysql')) return 'mysql';
  throw new Error(`campaigns: segments do not support the database client "${client}"`);
};

/**
 * SQL reading one value out of a contact's JSON attributes, per database. The path is always a
 * binding (validated as dotted identifiers before it gets here), never part of the SQL text.
 * A document a database cannot read gives NULL, as an absent value does.
 * - `text`: the value as text (strings unquoted), NULL when absent or JSON null
 * - `number`: the value when it is a JSON number, else NULL
 * - `bool`: the value compared to a boolean binding
 */
export const jsonValue = (knex: Knex, dialect: Dialect, column: string, path: string) => {
  const segments = path.split('.');
  const dollar = `$.${segments.join('.')}`;
  switch (dialect) {
    case 'sqlite': {
      // SQLite's JSON functions fail the whole statement on one row they cannot parse (text that
      // is not JSON, or nested past 1,000 levels), so such a row reads as holding nothing.
      const doc = knex.raw(`(CASE WHEN json_valid(??) THEN ?? END)`, [column, column]);
      return {
        text: knex.raw(`CASE WHEN json_type(?, ?) IN ('text', 'integer', 'real') THEN CAST(json_extract(?, ?) AS TEXT) END`, [
          doc,
          dollar,
          doc,
          dollar,
        ]),
        number: knex.raw(`CASE WHEN json_type(?, ?) IN ('integer', 'real') THEN json_extract(?, ?) END`, [doc, dollar, doc, dollar]),
        bool: (value: boolean) => knex.raw(`json_type(?, ?) = ?`, [doc, dollar, value ? 'true' : 'false']),
      };
    }
    case 'postgres': {
      const pgPath = `{${segments.join(',')}}`;
      return {
        text: knex.raw(`CASE WHEN jsonb_typeof(?? #> CAST(? AS text[])) IN ('string', 'number') THEN ?? #>> CAST(? AS text[]) END`, [
          column,
          pgPath,
          column,
          pgPath,
        ]),
        number: knex.raw(`CASE WHEN jsonb_typeof(?? #> CAST(? AS text[])) = 'number' THEN CAST(?? #>> CAST(? AS text[]) AS numeric) END`, [
          column,
          pgPath,
          column,
          pgPath,
        ]),
        bool: (value: boolean) => knex.raw(`?? #> CAST(? AS text[]) = CAST(? AS jsonb)`, [column, pgPath, value ? 'true' : 'false']),
      };
    }
    case 'mysql':
      return {
        text: knex.raw(
          `CASE WHEN JSON_TYPE(JSON_EXTRACT(??, ?)) IN ('STRING', 'INTEGER', 'DOUBLE', 'DECIMAL') THEN JSON_UNQUOTE(JSON_EXTRACT(??, ?)) END`,
          [column, dollar, column, dollar]
        ),
        number: knex.raw(
          `CASE WHEN JSON_TYPE(JSON_EXTRACT(??, ?)) IN ('INTEGER', 'DOUBLE', 'DECIMAL') THEN CAST(JSON_UNQUOTE(JSON_EXTRACT(??, ?)) AS DECIMAL(38, 10)) END`,
          [column, dollar, column, dollar]
        ),
        bool: (value: boolean) =>
          knex.raw(`JSON_TYPE(JSON_EXTRACT(??, ?)) = 'BOOLEAN' AND JSON_UNQUOTE(JSON_EXTRACT(??, ?)) = ?`, [
            column,
            dollar,
            column,
            dollar,
            value ? 'true' : 'false',
          ]),
      };
  }
};
