import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import { getService } from '../../services/get-service';
import type { SendJob } from './engine';

export const sendProcessor = (strapi: Core.Strapi) => async (job: SendJob) => getService(strapi, 'sending').engine().send(job);

/** After BullMQ's last attempt a job's deliveries must still end in a final state. */
export const onSendJobFailed = (strapi: Core.Strapi) => (job: Job | undefined, error: Error) => {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
  getService(strapi, 'sending')
    .engine()
    .abandon(job as SendJob, error)
    .catch((abandonError: Error) => strapi.log.error(`campaigns: could not settle the deliveries of failed send job ${job.id}: ${abandonError.message}`));
};
