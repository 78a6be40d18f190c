import type { Job } from 'bullmq';
import { getService } from '../../services/get-service';
import type { QueueDependencies, QueueProcessor } from '../feature';
import type { SendJob } from './engine';

export const sendProcessor = ({ strapi }: QueueDependencies): QueueProcessor => async (job: SendJob) => getService(strapi, 'sending').engine().send(job);

/** After BullMQ's last attempt a job's deliveries must still end in a final state. */
export const onSendJobFailed = ({ strapi }: QueueDependencies) => (job: Job | undefined, error: Error) => {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
  getService(strapi, 'sending')
    .engine()
    .abandon(job as SendJob, error)
    .catch((abandonError: Error) => strapi.log.error(`campaigns: could not settle the deliveries of failed send job ${job.id}: ${abandonError.message}`));
};
