import os from 'node:os';
import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { errors } from '@strapi/utils';
import { WORKER_PROCESS_ENV, type WorkerMode } from '../constants';
import { createRedisConnection, describeRedis } from '../queue/connection';
import type { PingResult } from '../queue/jobs';
import { openQueueRuntime, type QueueKey, type QueueRuntime } from '../queue/runtime';
import { getPluginConfig } from '../runtime/plugin-config';

/** Whether this process runs the workers, given the configured mode. */
export const shouldRunWorkers = (mode: WorkerMode, isWorkerProcess: boolean) =>
  mode === 'in-process' || (mode === 'dedicated' && isWorkerProcess);

const createQueuesService = ({ strapi }: { strapi: Core.Strapi }) => {
  let connection: Redis | undefined;
  let runtime: QueueRuntime | undefined;

  const requireRuntime = () => {
    if (!runtime) throw new errors.ApplicationError('campaigns: the queues are not started (Strapi is still booting or shutting down)');
    return runtime;
  };

  return {
    async start() {
      if (runtime) return;
      const config = getPluginConfig(strapi);
      const isWorkerProcess = process.env[WORKER_PROCESS_ENV] === '1';
      connection = createRedisConnection(config.redis);
      try {
        await connection.connect();
      } catch (error) {
        connection.disconnect();
        connection = undefined;
        throw new Error(`campaigns: cannot reach Redis at ${describeRedis(config.redis)} (option campaigns.redis): ${(error as Error).message}`);
      }
      const runWorkers = shouldRunWorkers(config.workerMode, isWorkerProcess);
      runtime = openQueueRuntime(connection, config.redis.prefix, runWorkers);
      strapi.log.info(
        `campaigns: queues on ${describeRedis(config.redis)} (prefix "${config.redis.prefix}"), worker mode ${config.workerMode}, ` +
          `${runWorkers ? `${runtime.workers.length} workers in this process` : 'no workers in this process'}`
      );
    },

    async stop() {
      const current = runtime;
      runtime = undefined;
      await current?.close();
      if (connection) {
        await connection.quit().catch(() => connection?.disconnect());
        connection = undefined;
      }
    },

    queue(key: QueueKey) {
      return requireRuntime().queues[key];
    },

    /** Runs a ping job and answers which process served it; fails when no worker answers in time. */
    async ping(timeoutMs = 5000): Promise<PingResult> {
      const current = requireRuntime();
      const events = current.events('maintenance');
      await events.waitUntilReady();
      const job = await current.queues.maintenance.add(
        'ping',
        { requestedBy: `${os.hostname()}:${process.pid}` },
        { removeOnComplete: true, removeOnFail: 100 }
      );
      return job.waitUntilFinished(events, timeoutMs);
    },

    async health() {
      const current = requireRuntime();
      const started = Date.now();
      await connection!.ping();
      const redisLatencyMs = Date.now() - started;
      const queues = await Promise.all(
        (Object.keys(current.queues) as QueueKey[]).map(async (key) => ({
          name: key,
          workers: await current.queues[key].getWorkersCount(),
          counts: await current.queues[key].getJobCounts('waiting', 'active', 'delayed', 'failed'),
        }))
      );
      return { redisLatencyMs, workersInThisProcess: current.workers.length, queues };
    },
  };
};

export type QueuesService = ReturnType<typeof createQueuesService>;
export default createQueuesService;
