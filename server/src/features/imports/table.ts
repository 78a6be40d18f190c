import type { Knex } from 'knex';
import type { Import, ImportCounters, ImportDelimiter, ImportOptions, ImportState } from '../../../../shared/contracts/imports';
import { TABLES } from '../../constants';
import { isMysql } from '../../db/dialect';

/** Every state an import row takes, as the list's filter accepts them. */
export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const satisfies readonly ImportState[];

/** A row of campaigns_imports as the drivers return it (PostgreSQL returns BIGINT as strings). */
export interface ImportRow {
  id: number;
  state: ImportState;
  file_name: string;
  file_path: string | null;
  size: number | string;
  options: string;
  rows_read: number | string;
  created: number | string;
  updated: number | string;
  duplicates: number | string;
  rejected: number | string;
  suppressed: number | string;
  bytes_read: number | string;
  rows_committed: number | string;
  error: string | null;
  report_path: string | null;
  report_bytes: number | string;
  created_by: number | null;
  created_at: number | string;
  started_at: number | string | null;
  finished_at: number | string | null;
}

export type StoredOptions = Required<Omit<ImportOptions, 'consent'>> & {
  delimiter: ImportDelimiter;
  consent: { source: string; text: string | null };
};

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const countersOf = (row: ImportRow): ImportCounters => ({
  rowsRead: Number(row.rows_read),
  created: Number(row.created),
  updated: Number(row.updated),
  duplicates: Number(row.duplicates),
  rejected: Number(row.rejected),
  suppressed: Number(row.suppressed),
});

/** The counters as columns, for the update that commits them with a batch. */
export const counterColumns = (c: ImportCounters) => ({
  rows_read: c.rowsRead,
  created: c.created,
  updated: c.updated,
  duplicates: c.duplicates,
  rejected: c.rejected,
  suppressed: c.suppressed,
});

export const progressOf = (row: ImportRow) => {
  if (row.state === 'done') return 100;
  const size = Number(row.size);
  return size > 0 ? Math.min(99, Math.floor((Number(row.bytes_read) / size) * 100)) : 0;
};

/** `adminNames` maps admin ids to the names shown as "started by". */
export const toImport = (row: ImportRow, adminNames: ReadonlyMap<number, string> = new Map()): Import => ({
  id: Number(row.id),
  state: row.state,
  fileName: row.file_name,
  size: Number(row.size),
  options: JSON.parse(row.options) as StoredOptions,
  counters: countersOf(row),
  rowsCommitted: Number(row.rows_committed),
  bytesRead: Number(row.bytes_read),
  progress: progressOf(row),
  error: row.error,
  hasReport: row.report_path !== null,
  createdBy: row.created_by,
  createdByName: row.created_by === null ? null : (adminNames.get(Number(row.created_by)) ?? null),
  createdAt: iso(row.created_at) as string,
  startedAt: iso(row.started_at),
  finishedAt: iso(row.finished_at),
});

export const findImportRow = (knex: Knex, id: number): Promise<ImportRow | undefined> => knex(TABLES.imports).where({ id }).first();

/** Inserts a row and answers its id: PostgreSQL and SQLite return it, MySQL answers the insert id. */
export const insertImportRow = async (knex: Knex, row: Partial<ImportRow>) => {
  const [inserted] = isMysql(knex) ? await knex(TABLES.imports).insert(row) : await knex(TABLES.imports).insert(row, ['id']);
  return Number(typeof inserted === 'object' ? (inserted as { id: number }).id : inserted);
};
