import type { Job } from 'bullmq';
import type { SendEngine, SendJob } from './engine';

export const sendProcessor = (engine: Pick<SendEngine, 'send'>) => async (job: SendJob) => engine.send(job);

/** After BullMQ's last attempt a job's deliveries must still end in a final state. */
export const onSendJobFailed =
  (engine: Pick<SendEngine, 'abandon'>, log: { error(message: string): void }) => (job: Job | undefined, error: Error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    engine
      .abandon(job as SendJob, error)
      .catch((abandonError: Error) =>
        log.error(`campaigns: could not settle the deliveries of failed send job ${job.id}: ${abandonError.message}`)
      );
  };
