import { Queue, Worker } from 'bullmq';
import type { QueueDeclaration, QueueDependencies } from '../features/feature';
import type { RedisClient } from './connection';

/** Every declared queue on the shared command connection: what any process needs to add jobs. */
export const openQueues = <K extends string>(declarations: readonly QueueDeclaration<K>[], connection: RedisClient, prefix: string) =>
  Object.fromEntries(declarations.map(({ key, name }) => [key, new Queue(name, { connection, prefix })])) as Record<K, Queue>;

export const closeQueues = async (queues: Readonly<Record<string, Queue>>) => {
  await Promise.all(Object.values<Queue>(queues).map((queue) => queue.close()));
};

/**
 * Workers for the declared queues that have one, each given the composition root's objects it
 * needs. BullMQ duplicates the connection for their blocking commands.
 */
export const openWorkers = (
  declarations: readonly QueueDeclaration[],
  deps: QueueDependencies,
  connection: RedisClient,
  prefix: string
): Worker[] =>
  declarations.flatMap(({ name, worker: entry }) => {
    if (!entry) return [];
    const concurrency = typeof entry.concurrency === 'function' ? entry.concurrency(deps) : entry.concurrency;
    const worker = new Worker(name, entry.processor(deps), { ...entry.options, connection, prefix, concurrency });
    if (entry.onFailed) worker.on('failed', entry.onFailed(deps));
    return [worker];
  });
