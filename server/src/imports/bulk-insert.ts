import type { Knex } from 'knex';

// Rows per statement: SQLite takes at most 32,766 bound values, and a contact row has 15.
const MAX_ROWS_PER_INSERT = 500;
// With one array per column, PostgreSQL's statement size does not grow with the rows.
const MAX_ROWS_PER_UNNEST = 8000;

export const isMysql = (knex: Knex) => String(knex.client.config.client).includes('mysql');
const isPostgres = (knex: Knex) => knex.client.dialect === 'postgresql';

export const chunks = <T>(items: readonly T[], size = MAX_ROWS_PER_INSERT) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

type Returned = Array<Record<string, unknown>>;

/**
 * `column IN (values)`, as one array parameter on PostgreSQL: parsing 8,000 placeholders costs
 * its server more than the lookup.
 */
export const whereInList = (knex: Knex, qb: Knex.QueryBuilder, column: string, values: readonly unknown[]) =>
  isPostgres(knex) ? qb.whereRaw('?? = any(?)', [column, values as unknown[]]) : qb.whereIn(column, values as string[]);

/** Per database connection settings, per table: each column's element type, as unnest needs it. */
const columnTypes = new WeakMap<object, Map<string, Promise<Map<string, string>>>>();

const typesOf = (trx: Knex.Transaction, table: string) => {
  const key = trx.client.config as object;
  const tables = columnTypes.get(key) ?? new Map<string, Promise<Map<string, string>>>();
  columnTypes.set(key, tables);
  let types = tables.get(table);
  if (!types) {
    types = trx
      .raw('select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ?', [table])
      .then((result: { rows: Array<{ column_name: string; udt_name: string }> }) => new Map(result.rows.map((r) => [r.column_name, r.udt_name])));
    tables.set(table, types);
    types.catch(() => tables.delete(table));
  }
  return types;
};

/**
 * PostgreSQL: one array per column through unnest. A VALUES list of 7,500 parameters costs the
 * server more to parse and plan than to insert; this statement has 15.
 */
const insertWithUnnest = async (trx: Knex.Transaction, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, returning: readonly string[]) => {
  const types = await typesOf(trx, table);
  const arrays = columns.map((column) => {
    const type = types.get(column);
    if (!type) throw new Error(`${table}.${column} does not exist`);
    return `?::${type.replace(/^_/, '')}[]`;
  });
  const returned: Returned = [];
  for (const chunk of chunks(rows, MAX_ROWS_PER_UNNEST)) {
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) select * from unnest(${arrays.join(', ')})` +
      (returning.length ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const values = columns.map((_, c) => chunk.map((row) => row[c]));
    const result = await trx.raw(sql, [table, ...columns, ...values, ...returning]);
    returned.push(...(result.rows as Returned));
  }
  return returned;
};

/**
 * Inserts rows, in as few statements as each database takes well: arrays through unnest on
 * PostgreSQL, multi-row VALUES of 500 rows on SQLite and MySQL. Not knex's insert(): on SQLite knex
 * 3.0.1 writes a compound SELECT (capped at 500 terms, and slower to prepare), and compiling 7,500
 * bindings through its query builder costs more than the insert itself. Answers the `returning`
 * columns of the new rows where the database can (PostgreSQL, SQLite), undefined on MySQL.
 */
export const insertRows = async (
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  returning: readonly string[] = []
): Promise<Returned | undefined> => {
  if (isPostgres(trx)) {
    const returned = rows.length ? await insertWithUnnest(trx, table, columns, rows, returning) : [];
    return returning.length ? returned : undefined;
  }
  const withReturning = returning.length > 0 && !isMysql(trx);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const returned: Returned = [];
  for (const chunk of chunks(rows)) {
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) values ${chunk.map(() => placeholders).join(', ')}` +
      (withReturning ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const result = await trx.raw(sql, [table, ...columns, ...chunk.flat(), ...(withReturning ? returning : [])]);
    // SQLite answers the rows.
    if (withReturning) returned.push(...(result as Returned));
  }
  return withReturning ? returned : undefined;
};
