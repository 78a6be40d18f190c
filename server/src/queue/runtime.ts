import { Queue, Worker } from 'bullmq';
import type { QueueDeclaration, QueueDependencies } from '../features/feature';
import type { RedisClient } from './connection';

export interface QueueRuntime<K extends string> {
  readonly queues: Record<K, Queue>;
  readonly workers: readonly Worker[];
  close(): Promise<void>;
}

/**
 * Opens every declared queue on the shared connection and, when asked, the workers of those that
 * have one. Workers get connections of their own (BullMQ duplicates the client for blocking commands).
 */
export const openQueueRuntime = <K extends string>(
  declarations: readonly QueueDeclaration<K>[],
  deps: QueueDependencies,
  connection: RedisClient,
  prefix: string,
  runWorkers: boolean
): QueueRuntime<K> => {
  const queues = Object.fromEntries(declarations.map(({ key, name }) => [key, new Queue(name, { connection, prefix })])) as Record<K, Queue>;

  const workers = runWorkers
    ? declarations.flatMap(({ name, worker: entry }) => {
        if (!entry) return [];
        const concurrency = typeof entry.concurrency === 'function' ? entry.concurrency(deps) : entry.concurrency;
        const worker = new Worker(name, entry.processor(deps), { ...entry.options, connection, prefix, concurrency });
        if (entry.onFailed) worker.on('failed', entry.onFailed(deps));
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
        await Promise.all(Object.values<Queue>(queues).map((q) => q.close()));
      })();
      return closing;
    },
  };
};
