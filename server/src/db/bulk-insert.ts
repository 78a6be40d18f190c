import type { Knex } from 'knex';
import { isMysql, isPostgres } from './dialect';

// Rows per statement of bound values (MySQL, and callers' own lists): SQLite takes at most 32,766, and a contact row has 15.
const MAX_ROWS_PER_INSERT = 500;
// With the rows as one JSON parameter, the statement's size does not grow with them.
const MAX_ROWS_PER_JSON = 8000;

export const chunks = <T>(items: readonly T[], size = MAX_ROWS_PER_INSERT) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

type Returned = Array<Record<string, unknown>>;

/**
 * `column IN (values)`, as one array parameter on PostgreSQL: parsing 8,000 placeholders costs
 * its server more than the lookup.
 */
export const whereInList = (knex: Knex, qb: Knex.QueryBuilder, column: string, values: readonly unknown[]) =>
  isPostgres(knex) ? qb.whereRaw('?? = any(?)', [column, values as unknown[]]) : qb.whereIn(column, values as string[]);

/** Per database connection settings, per table: each column's type, for the casts of the JSON rows. */
const columnTypes = new WeakMap<object, Map<string, Promise<Map<string, string>>>>();

const typesOf = (trx: Knex.Transaction, table: string) => {
  const key = trx.client.config as object;
  const tables = columnTypes.get(key) ?? new Map<string, Promise<Map<string, string>>>();
  columnTypes.set(key, tables);
  let types = tables.get(table);
  if (!types) {
    types = trx
      .raw('select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ?', [table])
      .then(
        (result: { rows: Array<{ column_name: string; udt_name: string }> }) => new Map(result.rows.map((r) => [r.column_name, r.udt_name]))
      );
    tables.set(table, types);
    types.catch(() => tables.delete(table));
  }
  return types;
};

/**
 * PostgreSQL: each value cast to its column's type from its text (`(e->>0)::bigint`), as the type's
 * own input reads it. The rows are jsonb, parsed once: `->>` on a `json` element parses the
 * element's text again for each column, a third of a 500-event insert's time on the server.
 */
const postgresValues = async (trx: Knex.Transaction, table: string, columns: readonly string[]) => {
  const types = await typesOf(trx, table);
  return columns.map((column, i) => {
    const type = types.get(column);
    if (!type) throw new Error(`${table}.${column} does not exist`);
    return `(e->>${i})::${type.replace(/^_/, '')} as c${i}`;
  });
};

/**
 * A Date as the pg driver sends one: local time with its offset. Strapi's `timestamp` columns have
 * no time zone and keep the wall time the driver wrote; JSON's own dates are UTC.
 */
export const asDriverSendsDate = (date: Date, offset = -date.getTimezoneOffset()) => {
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${hours}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
};

const jsonOf = (rows: ReadonlyArray<readonly unknown[]>, date: (value: Date) => unknown) =>
  JSON.stringify(rows.map((row) => (row.some((value) => value instanceof Date) ? row.map((v) => (v instanceof Date ? date(v) : v)) : row)));

/** How one database reads rows given as one JSON parameter (an array of arrays): its select list and its source. */
interface JsonRows {
  /** The select list: each column's value, aliased c0, c1... */
  values: string[];
  /** The FROM source, aliased e, with the one placeholder the JSON binds to. */
  source: string;
  json(rows: ReadonlyArray<readonly unknown[]>): string;
}

/**
 * The rows as one JSON parameter, on PostgreSQL and SQLite. Not a VALUES list: 7,500 placeholders
 * cost more to parse and bind (knex's bindings pass, then each driver's) than the insert itself.
 * Not one array per column through unnest on PostgreSQL: the driver escapes every value of an array
 * in JavaScript, a stall of 10–20 ms on the event loop for a 500-row batch of events, where
 * JSON.stringify takes a millisecond. SQLite's json_extract gives each value as the driver would
 * have bound it (numbers, text, null, true as 1) once dates are epoch milliseconds, as knex binds them.
 */
const jsonRowsFor = async (trx: Knex.Transaction, table: string, columns: readonly string[]): Promise<JsonRows> =>
  isPostgres(trx)
    ? {
        values: await postgresValues(trx, table, columns),
        source: 'jsonb_array_elements(?::jsonb) as e',
        json: (rows) => jsonOf(rows, (date) => asDriverSendsDate(date)),
      }
    : {
        values: columns.map((_, i) => `json_extract(e.value, '$[${i}]') as c${i}`),
        source: 'json_each(?) as e',
        json: (rows) => jsonOf(rows, (date) => date.getTime()),
      };

const insertFromJson = async (
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  returning: readonly string[],
  onConflict: ConflictClause
) => {
  const { values, source, json } = await jsonRowsFor(trx, table, columns);
  const returned: Returned = [];
  for (const chunk of chunks(rows, MAX_ROWS_PER_JSON)) {
    // `where true`: SQLite reads ON CONFLICT after a bare SELECT's FROM as a join's ON.
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) select ${values.join(', ')} from ${source} where true${onConflict.sql}` +
      (returning.length ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const result = await trx.raw(sql, [table, ...columns, json(chunk), ...onConflict.bindings, ...returning]);
    // PostgreSQL answers a result, SQLite the rows.
    if (returning.length) returned.push(...((isPostgres(trx) ? result.rows : result) as Returned));
  }
  return returned;
};

/**
 * Updates rows by id with one statement per chunk: `key` is the id column, `columns` the ones to
 * write; a null value leaves that column as it is (COALESCE), so one statement serves rows that
 * change different fields. PostgreSQL and SQLite (3.33+: UPDATE ... FROM) join the JSON rows, MySQL
 * and MariaDB a UNION ALL derived table.
 */
export const updateRows = async (
  trx: Knex.Transaction,
  table: string,
  key: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>
) => {
  if (rows.length === 0) return;
  // `col = coalesce(v.<source of col>, t.col)` for every column; the target table is aliased t.
  const sets = (source: (i: number) => string) => columns.map((_, i) => `?? = coalesce(${source(i)}, t.??)`).join(', ');
  const setNames = columns.flatMap((c) => [c, c]);
  const width = columns.length + 1;

  if (!isMysql(trx)) {
    const { values, source, json } = await jsonRowsFor(trx, table, [key, ...columns]);
    for (const chunk of chunks(rows, MAX_ROWS_PER_JSON)) {
      const sql = `update ?? as t set ${sets((i) => `v.c${i + 1}`)} from (select ${values.join(', ')} from ${source}) as v where t.?? = v.c0`;
      await trx.raw(sql, [table, ...setNames, json(chunk), key]);
    }
    return;
  }
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  for (const chunk of chunks(rows, Math.floor((MAX_ROWS_PER_INSERT * 15) / width))) {
    const first = `select ? as k, ${columns.map((_, i) => `? as c${i + 1}`).join(', ')}`;
    const derived = [first, ...chunk.slice(1).map(() => `select ${placeholders(width)}`)].join(' union all ');
    const mysqlSets = columns.map((_, i) => `t.?? = coalesce(v.c${i + 1}, t.??)`).join(', ');
    await trx.raw(`update ?? as t join (${derived}) as v on t.?? = v.k set ${mysqlSets}`, [table, ...chunk.flat(), key, ...setNames]);
  }
};

/**
 * Sets each column of the rows (by `key`) that is null to the row's value, in one UPDATE per
 * 8,000 rows (PostgreSQL and SQLite; MySQL has no UPDATE ... RETURNING), and answers each row it
 * changed: the `returning` columns and every column's value after it. A column already set is
 * kept (the first writer wins; PostgreSQL rechecks a row another transaction changed meanwhile on
 * its latest version); a null value leaves its column alone.
 */
export const fillNulls = async (
  trx: Knex.Transaction,
  table: string,
  key: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  returning: readonly string[]
): Promise<Returned> => {
  if (isMysql(trx)) throw new Error('fillNulls: MySQL has no UPDATE ... RETURNING');
  if (rows.length === 0) return [];
  const { values, source, json } = await jsonRowsFor(trx, table, [key, ...columns]);
  const sets = columns.map((_, i) => `?? = coalesce(??, v.c${i + 1})`).join(', ');
  const unset = columns.map((_, i) => `(t.?? is null and v.c${i + 1} is not null)`).join(' or ');
  const answered = [...returning, ...columns];
  const returned: Returned = [];
  for (const chunk of chunks(rows, MAX_ROWS_PER_JSON)) {
    // SQLite's RETURNING names only the updated table's columns, unqualified.
    const sql =
      `update ?? as t set ${sets} from (select ${values.join(', ')} from ${source}) as v where t.?? = v.c0 and (${unset}) ` +
      `returning ${answered.map(() => '??').join(', ')}`;
    const bindings = [table, ...columns.flatMap((c) => [c, c]), json(chunk), key, ...columns, ...answered];
    const result = await trx.raw(sql, bindings);
    returned.push(...((isPostgres(trx) ? result.rows : result) as Returned));
  }
  return returned;
};

interface ConflictClause {
  sql: string;
  bindings: readonly string[];
}

/** `on conflict (columns) do nothing`, as PostgreSQL and SQLite write it; nothing without columns. */
const ignoringConflictsOn = (columns: readonly string[] = []): ConflictClause =>
  columns.length
    ? { sql: ` on conflict (${columns.map(() => '??').join(', ')}) do nothing`, bindings: columns }
    : { sql: '', bindings: [] };

export interface InsertRowsOptions {
  /** Columns of the new rows to answer (PostgreSQL, SQLite). */
  returning?: readonly string[];
  /** A unique key: a row whose key is stored already is skipped, and not answered (PostgreSQL, SQLite). */
  ignoreConflictsOn?: readonly string[];
}

/**
 * Inserts rows, in as few statements as each database takes well: one JSON parameter on
 * PostgreSQL and SQLite, multi-row VALUES of 500 rows on MySQL. Not knex's insert(): compiling 7,500
 * bindings through its query builder costs more than the insert itself. Answers the `returning`
 * columns of the new rows where the database can (PostgreSQL, SQLite), undefined on MySQL, which
 * also has no `ignoreConflictsOn` (its INSERT IGNORE would skip every other error too).
 */
export const insertRows = async (
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  { returning = [], ignoreConflictsOn }: InsertRowsOptions = {}
): Promise<Returned | undefined> => {
  if (!isMysql(trx)) {
    const returned = rows.length ? await insertFromJson(trx, table, columns, rows, returning, ignoringConflictsOn(ignoreConflictsOn)) : [];
    return returning.length ? returned : undefined;
  }
  if (ignoreConflictsOn?.length) throw new Error('insertRows: MySQL has no ON CONFLICT DO NOTHING');
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (const chunk of chunks(rows)) {
    const sql = `insert into ?? (${columns.map(() => '??').join(', ')}) values ${chunk.map(() => placeholders).join(', ')}`;
    await trx.raw(sql, [table, ...columns, ...chunk.flat()]);
  }
  return undefined;
};
