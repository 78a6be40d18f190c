import type { Knex } from 'knex';

// Rows per statement: SQLite takes at most 32,766 bound values, and a contact row has 15.
const MAX_ROWS_PER_INSERT = 500;

export const isMysql = (knex: Knex) => String(knex.client.config.client).includes('mysql');

export const chunks = <T>(items: readonly T[], size = MAX_ROWS_PER_INSERT) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Inserts rows with one multi-row VALUES statement per 500 rows, identical SQL on the three
 * databases. Not knex's insert(): on SQLite knex 3.0.1 writes a compound SELECT (capped at 500
 * terms, and slower to prepare), and compiling 7,500 bindings through its query builder costs more
 * than the insert itself. Answers the `returning` columns of the new rows where the database can
 * (PostgreSQL, SQLite), undefined on MySQL.
 */
export const insertRows = async (
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  returning: readonly string[] = []
): Promise<Array<Record<string, unknown>> | undefined> => {
  const withReturning = returning.length > 0 && !isMysql(trx);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const returned: Array<Record<string, unknown>> = [];
  for (const chunk of chunks(rows)) {
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) values ${chunk.map(() => placeholders).join(', ')}` +
      (withReturning ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const result = await trx.raw(sql, [table, ...columns, ...chunk.flat(), ...(withReturning ? returning : [])]);
    // PostgreSQL answers a pg Result, SQLite the rows.
    if (withReturning) returned.push(...((Array.isArray(result) ? result : result.rows) as Array<Record<string, unknown>>));
  }
  return withReturning ? returned : undefined;
};
