import os from 'node:os';
import type { Job } from 'bullmq';
import { WORKER_PROCESS_ENV } from '../constants';
import type { MaintenanceJob, QueueDependencies, QueueProcessor } from '../features/feature';
import type { PingJob, PingResult } from './jobs';

/** The queue every process opens first: the ping below, and each feature's periodic jobs. */
export const MAINTENANCE_QUEUE = { key: 'maintenance', name: 'campaigns-maintenance' } as const;

/**
 * `ping` answers which process ran it (the admin and the tests use it to see that workers are
 * alive, and where); every other name is a feature's maintenance job, run on whichever worker takes it.
 */
export const maintenanceProcessor =
  (jobs: readonly MaintenanceJob[]) =>
  (deps: QueueDependencies): QueueProcessor =>
  async (job: Job<PingJob | Record<string, never>>): Promise<unknown> => {
    if (job.name === 'ping') {
      const answer: PingResult = { pid: process.pid, hostname: os.hostname(), workerProcess: process.env[WORKER_PROCESS_ENV] === '1' };
      return answer;
    }
    const feature = jobs.find((candidate) => candidate.name === job.name);
    if (!feature) throw new Error(`unknown maintenance job "${String(job.name)}"`);
    return feature.run(deps);
  };
