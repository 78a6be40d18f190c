import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { ImportCounters } from '../../../../shared/contracts/imports';
import { TABLES, UID } from '../../constants';
import { FIRST_BATCH_ROWS, nextBatchRows } from './batch-rows';
import { contactTables } from '../audience/contacts/contact-tables';
import { TopicPositions, writeContacts, type WriteContext } from './contact-writer';
import { CsvSyntaxError, readCsv, type CsvRecord } from './csv-records';
import { planColumns, type ColumnPlan } from './options';
import { plannerStatistics } from './planner-statistics';
import { ReportFile, reportLines, type RejectedRow } from './report';
import { raiseSqlitePageCache } from './sqlite-page-cache';
import { checkRow, type ImportedContact } from './row';
import { ERASED_MESSAGE, erasedHashes } from '../audience/contacts/erased';
import { counterColumns, countersOf, findImportRow, type ImportRow, type StoredOptions } from './table';

// Progress goes to Redis for the job's listeners; a few times a second is plenty.
const PROGRESS_EVERY_MS = 250;

/** A failure that retrying cannot fix (a broken file, a deleted topic): the import is marked failed. */
export class ImportFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export interface RunHooks {
  /** Bytes of the file read, in percent, after committed batches (a few times a second at most). */
  progress(percent: number): Promise<unknown> | unknown;
}

const importSource = (importId: number) => `import:${importId}`;

const percent = (bytes: number, size: number) => (size > 0 ? Math.min(100, Math.floor((bytes / size) * 100)) : 100);

interface CheckedBatch {
  /** Data rows of the file in the batch: the resume point moves by this much. */
  records: number;
  /** With the record each came from: a row whose address was erased is rejected when written. */
  valid: Array<{ contact: ImportedContact; record: CsvRecord }>;
  rejected: RejectedRow[];
}

/** Checks each row of a batch: valid contacts to write, and rejected rows with their reason for the report. */
const checkBatch = (records: readonly CsvRecord[], plan: ColumnPlan, headerLength: number): CheckedBatch => {
  const valid: CheckedBatch['valid'] = [];
  const rejected: RejectedRow[] = [];
  for (const record of records) {
    const check = checkRow(record.fields, plan, headerLength);
    if (check.ok) valid.push({ contact: check.contact, record });
    else rejected.push({ line: record.line, email: (record.fields[plan.email] ?? '').trim(), reason: check.reason, values: record.fields });
  }
  return { records: records.length, valid, rejected };
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
  const grown = await plannerStatistics(knex, tables.contacts);
  await knex(TABLES.imports)
    .where({ id: importId })
    .update({ state: 'running', started_at: row.started_at ?? Date.now(), error: null });

  const size = Number(row.size);
  let counters = countersOf(row);
  let committed = Number(row.rows_committed);
  let bytesRead = Number(row.bytes_read);
  const report = await ReportFile.open(row.report_path, Number(row.report_bytes));
  const restorePageCache = await raiseSqlitePageCache(knex);

  let lastProgress = 0;

  /**
   * Writes a checked batch and moves the resume point in one transaction. Rows whose address was
   * erased (read in the transaction) join the rejected ones, which are appended to the report
   * before the batch is written; the report's committed length moves with the batch.
   */
  const commit = async (batch: CheckedBatch, readTo: number) => {
    const next = await knex.transaction(async (trx) => {
      const erased = await erasedHashes(
        trx,
        tables.suppressions,
        batch.valid.map((v) => v.contact.emailHash)
      );
      const rejected = [
        ...batch.rejected,
        ...batch.valid
          .filter((v) => erased.has(v.contact.emailHash))
          .map(({ contact, record }) => ({ line: record.line, email: contact.email, reason: ERASED_MESSAGE, values: record.fields })),
      ];
      const valid = batch.valid.filter((v) => !erased.has(v.contact.emailHash)).map((v) => v.contact);
      const reportBytes = await report.append(reportLines(rejected));
      const written = await writeContacts(trx, tables, context, positions, valid);
      const totals: ImportCounters = {
        rowsRead: counters.rowsRead + batch.valid.length + batch.rejected.length,
        created: counters.created + written.created,
        updated: counters.updated + written.updated,
        duplicates: counters.duplicates + written.duplicates,
        rejected: counters.rejected + rejected.length,
        suppressed: counters.suppressed + written.suppressed,
      };
      const moved = await trx(TABLES.imports)
        .where({ id: importId, rows_committed: committed })
        .update({
          ...counterColumns(totals),
          rows_committed: committed + batch.records,
          bytes_read: Math.max(bytesRead, readTo),
          report_bytes: reportBytes,
        });
      // Two runners of one import (a job thought stalled while it was not) must not both write.
      if (moved !== 1) throw new Error(`import ${importId} was advanced by another worker`);
      return totals;
    });
    await grown(next.created - counters.created);
    counters = next;
    committed += batch.records;
    bytesRead = Math.max(bytesRead, readTo);
    if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = Date.now();
      await hooks.progress(percent(bytesRead, size));
    }
  };

  // One batch is written while the next is read and checked: with PostgreSQL or MySQL the database
  // server and this process then work at the same time. Batches still commit one after the other.
  let writing: Promise<void> = Promise.resolve();
  const schedule = async (batch: CheckedBatch, readTo: number) => {
    await writing;
    writing = commit(batch, readTo);
    // Awaited at the next batch or at the end; this only keeps it from counting as unhandled meanwhile.
    writing.catch(() => undefined);
  };

  let header: string[] | undefined;
  let plan: ColumnPlan | undefined;
  let dataRows = 0;
  let batch: CsvRecord[] = [];
  let batchRows = FIRST_BATCH_ROWS;
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
        if (batch.length === batchRows) {
          await schedule(checkBatch(batch, plan, header.length), readTo);
          batch = [];
          batchRows = nextBatchRows(batchRows);
        }
      }
    }
    if (header && plan && batch.length) await schedule(checkBatch(batch, plan, header.length), size);
    await writing;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    await writing;
    // Every row before the broken one is committed; the broken one is listed in the report.
    if (header && plan) {
      const checked = checkBatch(batch, plan, header.length);
      checked.rejected.push({ line: error.line, email: '', reason: error.parserMessage, values: [] });
      await commit(checked, readTo);
    }
    const message =
      `line ${error.line} could not be read as CSV (${error.parserMessage}); ` +
      `the ${committed} data rows before it were processed (see the counters and the report), nothing after it was read. ` +
      'Fix the file and import it again: rows already imported then count as duplicates.';
    await finish(strapi, importId, 'failed', message);
    throw new ImportFailed(message);
  } finally {
    await writing.catch(() => undefined);
    await report.close();
    await restorePageCache();
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
