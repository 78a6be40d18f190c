import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { Queue } from 'bullmq';
import { TABLES } from '../../constants';
import { finish } from './run';
import type { ImportRow } from './table';

const DAY_MS = 86_400_000;

/** One job per import, so a job lost or failed outside the processor can be found again by the import's id. */
export const importJobId = (importId: number) => `import-${importId}`;

export interface ReconcileResult {
  requeued: number[];
  failed: number[];
}

/**
 * Imports whose job is gone are requeued (the job resumes after the last committed batch); imports
 * whose job failed without the processor seeing it (a worker that stalled too often, killed each
 * time) are marked failed with BullMQ's reason. Without this, both would show "running" forever.
 */
export const reconcileImports = async (strapi: Core.Strapi, queue: Queue, jobOptions: object): Promise<ReconcileResult> => {
  const knex = strapi.db.connection;
  const open: ImportRow[] = await knex(TABLES.imports).whereIn('state', ['queued', 'running']).orderBy('id');
  const result: ReconcileResult = { requeued: [], failed: [] };
  for (const row of open) {
    const id = Number(row.id);
    const job = await queue.getJob(importJobId(id));
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') {
      await finish(strapi, id, 'failed', `its job failed: ${job?.failedReason || 'no reason given'}`);
      result.failed.push(id);
    } else if (state === 'missing' || state === 'unknown') {
      const fileThere = row.file_path
        ? await fs.access(row.file_path).then(
            () => true,
            () => false
          )
        : false;
      if (fileThere) {
        await queue.add('run', { importId: id }, { ...jobOptions, jobId: importJobId(id) });
        result.requeued.push(id);
      } else {
        await finish(strapi, id, 'failed', 'its job was lost and its uploaded file is gone: upload the file again');
        result.failed.push(id);
      }
    }
  }
  return result;
};

/** Deletes the rejected-rows reports of imports that ended more than `days` ago; their counters stay. */
export const removeExpiredReports = async (strapi: Core.Strapi, days: number, now = Date.now()) => {
  const knex = strapi.db.connection;
  const expired: Array<Pick<ImportRow, 'id' | 'report_path'>> = await knex(TABLES.imports)
    .select('id', 'report_path')
    .whereIn('state', ['done', 'failed'])
    .whereNotNull('report_path')
    .where('finished_at', '<', now - days * DAY_MS);
  for (const row of expired) {
    await fs.rm(row.report_path as string, { force: true });
    await knex(TABLES.imports).where({ id: row.id }).update({ report_path: null, report_bytes: 0 });
  }
  return expired.map((row) => Number(row.id));
};
