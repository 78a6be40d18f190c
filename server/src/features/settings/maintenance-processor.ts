import os from 'node:os';
import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { WORKER_PROCESS_ENV } from '../../constants';
import { getService } from '../../services/get-service';
import type { MaintenanceJobs } from '../../queue/jobs';

type MaintenanceJob = Job<MaintenanceJobs[keyof MaintenanceJobs], unknown, keyof MaintenanceJobs>;

/**
 * `ping` answers which process ran it (the admin and the tests use it to see that workers are
 * alive, and where); `tidyImports` runs every few minutes on whichever worker takes it.
 */
export const maintenanceProcessor = (strapi: Core.Strapi) => async (job: MaintenanceJob) => {
  switch (job.name) {
    case 'ping':
      return { pid: process.pid, hostname: os.hostname(), workerProcess: process.env[WORKER_PROCESS_ENV] === '1' };
    case 'tidyImports':
      return getService(strapi, 'imports').tidy();
    case 'tidySends':
      return getService(strapi, 'sending').engine().sweep();
    default:
      throw new Error(`unknown maintenance job "${String(job.name)}"`);
  }
};
