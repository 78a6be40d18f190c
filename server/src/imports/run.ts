import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { ImportCounters } from '../../../shared/contracts/imports';
import { TABLES, UID } from '../constants';
import { contactTables } from './contact-tables';
import { TopicPositions, writeContacts, type WriteContext } from './contact-writer';
import { CsvSyntaxError, readCsv, type CsvRecord } from './csv-records';
import { planColumns, type ColumnPlan } from './options';
import { ReportFile, reportLines, type RejectedRow } from './report';
import { checkRow, type ImportedContact } from './row';
import { counterColumns, countersOf, findImportRow, type ImportRow, type StoredOptions } from './table';

/** Rows per transaction: one multi-row insert each (see MAX_ROWS_PER_INSERT). */
export const BATCH_SIZE = 500;

/** A failure that retrying cannot fix (a broken file, a deleted topic): the import is marked failed. */
export class ImportFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export interface RunHooks {
  /** Bytes of the file read, in percent, after each committed batch. */
  progress(percent: number): Promise<unknown> | unknown;
}

export const importSource = (importId: number) => `import:${importId}`;

const percent = (bytes: number, size: number) => (size > 0 ? Math.min(100, Math.floor((bytes / size) * 100)) : 100);

/** Contacts created or updated, and what the batch adds to the counters; rows it rejects go to the report. */
const splitBatch = (records: readonly CsvRecord[], plan: ColumnPlan, headerLength: number) => {
  const valid: ImportedContact[] = [];
  const rejected: RejectedRow[] = [];
  for (const record of records) {
    const check = checkRow(record.fields, plan, headerLength);
    if (check.ok) valid.push(check.contact);
    else rejected.push({ line: record.line, email: (record.fields[plan.email] ?? '').trim(), reason: check.reason, values: record.fields });
  }
  return { valid, rejected };
};

/** The header was checked when the import was created; a file changed since cannot be imported. */
const planHeader = (header: readonly string[], options: StoredOptions) => {
  try {
    return planColumns(header, options.mapping);
  } catch (error) {
    throw new ImportFailed(`the file's header no longer fits the mapping: ${(error as Error).message}`);
  }
};

const resolveTopics = async (strapi: Core.Strapi, documentIds: readonly string[]) => {
  if (!documentIds.length) return [];
  const found: Array<{ id: number; documentId: string }> = await strapi.db
    .query(UID.topic)
    .findMany({ where: { documentId: { $in: documentIds as string[] } }, select: ['id', 'documentId'] });
  const ids = new Map(found.map((t) => [t.documentId, Number(t.id)]));
  const missing = documentIds.filter((d) => !ids.has(d));
  if (missing.length) throw new ImportFailed(`topic ${missing.map((m) => `"${m}"`).join(', ')} was deleted after the import was started`);
  return documentIds.map((d) => ids.get(d) as number);
};

/**
 * Runs (or resumes) an import: streams the file, skips the data rows an earlier attempt committed,
 * and commits each batch of rows together with the import's counters, its resume point and the
 * length of its report, so a crash at any point loses and repeats nothing.
 */
export const runImport = async (strapi: Core.Strapi, importId: number, hooks: RunHooks): Promise<ImportCounters | undefined> => {
  const knex = strapi.db.connection;
  const row = await findImportRow(knex, importId);
  if (!row) throw new ImportFailed(`import ${importId} does not exist`);
  // A job delivered again after its import finished has nothing left to do.
  if (row.state === 'done' || row.state === 'failed') return undefined;
  if (!row.file_path || !row.report_path) throw new ImportFailed(`import ${importId} has lost its file`);

  const options = JSON.parse(row.options) as StoredOptions;
  const tables = contactTables(strapi);
  const context: WriteContext = {
    importId,
    source: importSource(importId),
    consent: options.consent,
    topicIds: await resolveTopics(strapi, options.topics),
    updateExisting: options.updateExisting,
  };
  const positions = await TopicPositions.load(knex, tables, context.topicIds);
  await knex(TABLES.imports)
    .where({ id: importId })
    .update({ state: 'running', started_at: row.started_at ?? Date.now(), error: null });

  const size = Number(row.size);
  let counters = countersOf(row);
  let committed = Number(row.rows_committed);
  let bytesRead = Number(row.bytes_read);
  const report = await ReportFile.open(row.report_path, Number(row.report_bytes));

  /** Writes the batch and moves the resume point in one transaction; the report is appended first. */
  const commit = async (records: readonly CsvRecord[], extraRejects: RejectedRow[], plan: ColumnPlan, headerLength: number, readTo: number) => {
    const { valid, rejected } = splitBatch(records, plan, headerLength);
    rejected.push(...extraRejects);
    const reportBytes = await report.append(reportLines(rejected));
    const next = await knex.transaction(async (trx) => {
      const written = await writeContacts(trx, tables, context, positions, valid);
      const totals: ImportCounters = {
        rowsRead: counters.rowsRead + records.length + extraRejects.length,
        created: counters.created + written.created,
        updated: counters.updated + written.updated,
        duplicates: counters.duplicates + written.duplicates,
        rejected: counters.rejected + rejected.length,
        suppressed: counters.suppressed + written.suppressed,
      };
      const moved = await trx(TABLES.imports)
        .where({ id: importId, rows_committed: committed })
        .update({ ...counterColumns(totals), rows_committed: committed + records.length, bytes_read: Math.max(bytesRead, readTo), report_bytes: reportBytes });
      // Two runners of one import (a job thought stalled while it was not) must not both write.
      if (moved !== 1) throw new Error(`import ${importId} was advanced by another worker`);
      return totals;
    });
    counters = next;
    committed += records.length;
    bytesRead = Math.max(bytesRead, readTo);
    await hooks.progress(percent(bytesRead, size));
  };

  let header: string[] | undefined;
  let plan: ColumnPlan | undefined;
  let dataRows = 0;
  let batch: CsvRecord[] = [];
  let readTo = 0;
  try {
    for await (const chunk of readCsv(createReadStream(row.file_path), options.delimiter)) {
      readTo = chunk.bytesRead;
      for (const record of chunk.records) {
        if (!header || !plan) {
          header = record.fields.map((f) => f.trim());
          plan = planHeader(header, options);
          continue;
        }
        dataRows += 1;
        if (dataRows <= committed) continue;
        batch.push(record);
        if (batch.length === BATCH_SIZE) {
          await commit(batch, [], plan, header.length, readTo);
          batch = [];
        }
      }
    }
    if (header && plan) await commit(batch, [], plan, header.length, size);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // Every row before the broken one is committed; the broken one is listed in the report.
    if (header && plan) {
      await commit(batch, [{ line: error.line, email: '', reason: error.parserMessage, values: [] }], plan, header.length, readTo);
    }
    const message =
      `line ${error.line} could not be read as CSV (${error.parserMessage}); ` +
      `the ${committed} data rows before it were processed (see the counters and the report), nothing after it was read. ` +
      'Fix the file and import it again: rows already imported then count as duplicates.';
    await finish(strapi, importId, 'failed', message);
    throw new ImportFailed(message);
  } finally {
    await report.close();
  }
  await finish(strapi, importId, 'done', null);
  return counters;
};

/**
 * Ends an import: its state, the uploaded file deleted (the report stays), and the bookkeeping of
 * which contacts it updated dropped.
 */
export const finish = async (strapi: Core.Strapi, importId: number, state: 'done' | 'failed', error: string | null) => {
  const knex = strapi.db.connection;
  const row: ImportRow | undefined = await findImportRow(knex, importId);
  if (!row) return;
  if (row.file_path) await fs.rm(row.file_path, { force: true });
  await knex(TABLES.imports).where({ id: importId }).update({ state, error, file_path: null, finished_at: Date.now() });
  await knex(TABLES.importUpdates).where({ import_id: importId }).delete();
};
