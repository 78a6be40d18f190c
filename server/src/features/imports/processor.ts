import type { QueueDependencies, QueueProcessor } from '../feature';
import { UnrecoverableError, type Job } from 'bullmq';
import { ImportFailed } from './run';
import { getService } from '../../services/get-service';
import type { ImportJobs } from './jobs';

type ImportJob = Job<ImportJobs['run'], unknown, 'run'>;

/**
 * Runs one import. A broken file fails it for good; any other error (the database went away) is
 * retried by BullMQ and the next attempt resumes after the last committed batch. The attempt that
 * gives up marks the import failed, so none is left "running" forever.
 */
export const importProcessor = ({ strapi }: QueueDependencies): QueueProcessor => async (job: ImportJob) => {
  const imports = getService(strapi, 'imports');
  const { importId } = job.data;
  try {
    return await imports.run(importId, { progress: (percent) => job.updateProgress(percent) });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof ImportFailed) {
      await imports.fail(importId, message);
      throw new UnrecoverableError(message);
    }
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) await imports.fail(importId, `${message} (gave up after ${attempts} attempts)`);
    else await imports.noteRetry(importId, `attempt ${job.attemptsMade + 1} of ${attempts} failed (${message}); retrying`);
    throw error;
  }
};
