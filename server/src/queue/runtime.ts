import { Queue, Worker, type Job, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, type QueueName } from '../constants';

export type QueueKey = keyof typeof QUEUES;
export type Queues = Readonly<Record<QueueKey, Queue>>;

/** How one queue's jobs are run in a process that runs workers. */
export interface WorkerEntry {
  processor: Processor;
  /** How many jobs one process runs at once. */
  concurrency: number;
  options?: Pick<WorkerOptions, 'maxStalledCount' | 'lockDuration' | 'stalledInterval'>;
  onFailed?: (job: Job | undefined, error: Error) => void;
}

/** Every queue on the shared command connection: what any process needs to add jobs. */
export const openQueues = (connection: Redis, prefix: string): Queues =>
  Object.fromEntries(
    (Object.keys(QUEUES) as QueueKey[]).map((key) => [key, new Queue(QUEUES[key] satisfies QueueName, { connection, prefix })])
  ) as Record<QueueKey, Queue>;

export const closeQueues = async (queues: Queues) => {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
};

/** Workers for the queues that have an entry; BullMQ duplicates the connection for their blocking commands. */
export const openWorkers = (connection: Redis, prefix: string, entries: Partial<Record<QueueKey, WorkerEntry>>): Worker[] =>
  (Object.keys(entries) as QueueKey[]).map((key) => {
    const entry = entries[key]!;
    const worker = new Worker(QUEUES[key], entry.processor, { ...entry.options, connection, prefix, concurrency: entry.concurrency });
    if (entry.onFailed) worker.on('failed', entry.onFailed);
    return worker;
  });
