import os from 'node:os';
import type { Job } from 'bullmq';
import { WORKER_PROCESS_ENV } from '../../constants';
import type { MaintenanceJobs, PingResult } from '../jobs';

type MaintenanceJob = Job<MaintenanceJobs[keyof MaintenanceJobs], PingResult, keyof MaintenanceJobs>;

/** Answers which process ran it: the admin and the tests use it to see that workers are alive, and where. */
export const processMaintenance = async (job: MaintenanceJob): Promise<PingResult> => {
  switch (job.name) {
    case 'ping':
      return { pid: process.pid, hostname: os.hostname(), workerProcess: process.env[WORKER_PROCESS_ENV] === '1' };
    default:
      throw new Error(`unknown maintenance job "${String(job.name)}"`);
  }
};
