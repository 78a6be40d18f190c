import type { Core } from '@strapi/strapi';
import { Queue, QueueEvents, Worker, type ConnectionOptions, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, type QueueName } from '../constants';
import { importProcessor } from './processors/import';
import { processMaintenance } from './processors/maintenance';

export type QueueKey = keyof typeof QUEUES;

/** Which processor serves which queue (made for the app it runs in), and how many jobs one process runs at once. */
const PROCESSORS: Partial<Record<QueueKey, { processor: (strapi: Core.Strapi) => Processor; concurrency: number }>> = {
  maintenance: { processor: () => processMaintenance as Processor, concurrency: 4 },
  // One import at a time per process: each one already keeps the database busy.
  import: { processor: (strapi) => importProcessor(strapi) as Processor, concurrency: 1 },
};

export interface QueueRuntime {
  readonly queues: Record<QueueKey, Queue>;
  readonly workers: readonly Worker[];
  events(key: QueueKey): QueueEvents;
  close(): Promise<void>;
}

/**
 * Opens every queue on the shared connection and, when asked, their workers. Workers and queue
 * events get connections of their own (BullMQ duplicates the client for blocking commands).
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
        return [new Worker(QUEUES[key], entry.processor(strapi), { connection, prefix, concurrency: entry.concurrency })];
      })
    : [];

  const events = new Map<QueueKey, QueueEvents>();
  let closing: Promise<void> | undefined;

  return {
    queues,
    workers,
    events(key) {
      let queueEvents = events.get(key);
      if (!queueEvents) {
        // Options rather than a client: BullMQ then owns this blocking connection and closes it.
        queueEvents = new QueueEvents(QUEUES[key], { connection: { ...connection.options } as ConnectionOptions, prefix });
        events.set(key, queueEvents);
      }
      return queueEvents;
    },
    close() {
      closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all([...events.values()].map((e) => e.close()));
        await Promise.all(Object.values(queues).map((q) => q.close()));
      })();
      return closing;
    },
  };
};
