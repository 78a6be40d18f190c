import type { Core } from '@strapi/strapi';
import type { Queue } from 'bullmq';
import { TABLES } from '../../constants';
import type { PluginConfig } from '../../config/schema';
import { importJobId, reconcileImports, removeExpiredReports } from './housekeeping';
import { finish, runImport, type RunHooks } from './run';
import { findImportRow } from './table';

/** Job options: a failed attempt (a database that went away) resumes where the last batch committed. */
const JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: 1000 };

/**
 * An import's work in the queue: queued once per import, run (or resumed) by the import
 * processor, failed for good when its job gives up, and reconciled by the maintenance queue.
 */
export const createImportWork = (strapi: Core.Strapi, queue: Queue, options: PluginConfig['imports']) => {
  const knex = () => strapi.db.connection;
  return {
    /** Queues the import's one job; an import that cannot be queued is failed, not left `queued`. */
    async enqueue(importId: number) {
      try {
        await queue.add('run', { importId }, { ...JOB_OPTIONS, jobId: importJobId(importId) });
      } catch (error) {
        await finish(strapi, importId, 'failed', `could not be queued: ${(error as Error).message}`);
        throw error;
      }
    },

    /** The job: runs or resumes the import (see run.ts). */
    run(importId: number, hooks: RunHooks) {
      return runImport(strapi, importId, hooks);
    },

    /** Requeues imports whose job was lost, fails those whose job failed unseen, and deletes expired reports. */
    async tidy() {
      const reconciled = await reconcileImports(strapi, queue, JOB_OPTIONS);
      const reportsRemoved = await removeExpiredReports(strapi, options.reportRetentionDays);
      for (const id of reconciled.requeued)
        strapi.log.warn(`campaigns: import ${id} had lost its job; requeued, it resumes where it stopped`);
      for (const id of reconciled.failed) strapi.log.warn(`campaigns: import ${id} is marked failed: its job failed or its file is gone`);
      return { ...reconciled, reportsRemoved };
    },

    /** Marks an import failed for good (its job gave up), unless it already ended. */
    async fail(importId: number, message: string) {
      const row = await findImportRow(knex(), importId);
      if (!row || row.state === 'done' || row.state === 'failed') return;
      await finish(strapi, importId, 'failed', message);
    },

    /** Notes a failed attempt that will be retried, so the admin sees why an import is slow. */
    async noteRetry(importId: number, message: string) {
      await knex()(TABLES.imports).where({ id: importId }).whereIn('state', ['queued', 'running']).update({ error: message });
    },
  };
};

export type ImportWork = ReturnType<typeof createImportWork>;
