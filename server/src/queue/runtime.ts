import type { Core } from '@strapi/strapi';
import { Queue, Worker, type Job, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, type QueueName } from '../constants';
import { getPluginConfig } from '../config/plugin-config';
import { eventHubReactor, eventsProcessor } from '../events/reactors';
import { dispatchProcessor } from '../features/sending/dispatch-processor';
import { importProcessor } from '../features/imports/processor';
import { maintenanceProcessor } from '../features/settings/maintenance-processor';
import { onSendJobFailed, sendProcessor } from '../features/sending/send-processor';

export type QueueKey = keyof typeof QUEUES;

interface ProcessorEntry {
  /** Made for the app it runs in. */
  processor: (strapi: Core.Strapi) => Processor;
  /** How many jobs one process runs at once. */
  concurrency: number | ((strapi: Core.Strapi) => number);
  options?: Pick<WorkerOptions, 'maxStalledCount' | 'lockDuration' | 'stalledInterval'>;
  onFailed?: (strapi: Core.Strapi) => (job: Job | undefined, error: Error) => void;
}

/** Which processor serves which queue. */
const PROCESSORS: Partial<Record<QueueKey, ProcessorEntry>> = {
  maintenance: { processor: (strapi) => maintenanceProcessor(strapi) as Processor, concurrency: 4 },
  // One import at a time per process: each one already keeps the database busy. An import whose
  // worker died resumes where it committed, so its job may be picked up again after a few stalls.
  import: { processor: (strapi) => importProcessor(strapi) as Processor, concurrency: 1, options: { maxStalledCount: 5 } },
  // Each recorded delivery event, to what reacts to it; reactors are short and independent.
  events: { processor: (strapi) => eventsProcessor([eventHubReactor(strapi.eventHub)]) as Processor, concurrency: 10 },
  // A dispatch resumes from its committed cursor, so a stalled one is simply run again.
  dispatch: { processor: (strapi) => dispatchProcessor(strapi) as Processor, concurrency: 2, options: { maxStalledCount: 5 } },
  // Send jobs hold messages in flight: a dead worker's jobs are noticed within 15 s and retried
  // (what they had claimed becomes unknown, the rest is sent); a job that keeps stalling fails.
  send: {
    processor: (strapi) => sendProcessor(strapi) as Processor,
    concurrency: (strapi) => getPluginConfig(strapi).sending.concurrency,
    options: { maxStalledCount: 3, lockDuration: 15_000, stalledInterval: 15_000 },
    onFailed: onSendJobFailed,
  },
};

export interface QueueRuntime {
  readonly queues: Record<QueueKey, Queue>;
  readonly workers: readonly Worker[];
  close(): Promise<void>;
}

/**
 * Opens every queue on the shared connection and, when asked, their workers. Workers get
 * connections of their own (BullMQ duplicates the client for blocking commands).
 */
export const openQueueRuntime = (strapi: Core.Strapi, connection: Redis, prefix: string, runWorkers: boolean): QueueRuntime => {
  const keys = Object.keys(QUEUES) as QueueKey[];
  const queues = Object.fromEntries(
    keys.map((key) => [key, new Queue(QUEUES[key] satisfies QueueName, { connection, prefix })])
  ) as Record<QueueKey, Queue>;

  const workers = runWorkers
    ? keys.flatMap((key) => {
        const entry = PROCESSORS[key];
        if (!entry) return [];
        const concurrency = typeof entry.concurrency === 'function' ? entry.concurrency(strapi) : entry.concurrency;
        const worker = new Worker(QUEUES[key], entry.processor(strapi), { ...entry.options, connection, prefix, concurrency });
        if (entry.onFailed) worker.on('failed', entry.onFailed(strapi));
        return [worker];
      })
    : [];

  let closing: Promise<void> | undefined;

  return {
    queues,
    workers,
    close() {
      closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(Object.values(queues).map((q) => q.close()));
      })();
      return closing;
    },
  };
};
