import os from 'node:os';
import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { errors } from '@strapi/utils';
import { COMMAND_PROCESS_ENV, WORKER_PROCESS_ENV, type WorkerMode } from '../constants';
import { createRedisConnection, describeRedis } from '../queue/connection';
import type { PingResult } from '../queue/jobs';
import { openQueueRuntime, type QueueKey, type QueueRuntime } from '../queue/runtime';
import { getPluginConfig } from '../runtime/plugin-config';

/**
 * Whether this process runs the workers, given the configured mode. A one-off command never
 * does: it would take jobs and then exit in the middle of them.
 */
export const shouldRunWorkers = (mode: WorkerMode, isWorkerProcess: boolean, isCommandProcess = false) =>
  !isCommandProcess && (mode === 'in-process' || (mode === 'dedicated' && isWorkerProcess));

const TIDY_SCHEDULER = 'tidy-imports';
const TIDY_EVERY_MS = 5 * 60_000;
const SWEEP_SCHEDULER = 'tidy-sends';
const SWEEP_EVERY_MS = 60_000;

const createQueuesService = ({ strapi }: { strapi: Core.Strapi }) => {
  let connection: Redis | undefined;
  let runtime: QueueRuntime | undefined;

  const requireRuntime = () => {
    if (!runtime || !connection) {
      throw new errors.ApplicationError('campaigns: the queues are not started (Strapi is still booting or shutting down)');
    }
    return { runtime, connection };
  };

  /**
   * Opens the Redis connection. Called from register, so an unreachable Redis stops the boot
   * before Strapi touches the database or starts other plugins' background work.
   */
  const connect = async (): Promise<Redis> => {
    if (connection) return connection;
    const config = getPluginConfig(strapi);
    const client = createRedisConnection(config.redis);
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw new Error(`campaigns: cannot reach Redis at ${describeRedis(config.redis)} (option campaigns.redis): ${(error as Error).message}`);
    }
    connection = client;
    return client;
  };

  return {
    connect,

    /** Opens the queues on the connection and, when this process should run them, the workers. */
    async start() {
      if (runtime) return;
      const client = await connect();
      const config = getPluginConfig(strapi);
      const runWorkers = shouldRunWorkers(
        config.workerMode,
        process.env[WORKER_PROCESS_ENV] === '1',
        process.env[COMMAND_PROCESS_ENV] === '1'
      );
      runtime = openQueueRuntime(strapi, client, config.redis.prefix, runWorkers);
      // One schedule per Redis prefix, whoever upserts it; any worker process runs the jobs.
      await runtime.queues.maintenance.upsertJobScheduler(TIDY_SCHEDULER, { every: TIDY_EVERY_MS }, {
        name: 'tidyImports',
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 100 },
      });
      await runtime.queues.maintenance.upsertJobScheduler(SWEEP_SCHEDULER, { every: SWEEP_EVERY_MS }, {
        name: 'tidySends',
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 100 },
      });
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

    /** The command connection (rate limits share it with the queues). */
    redis(): Redis {
      return requireRuntime().connection;
    },

    queue(key: QueueKey) {
      return requireRuntime().runtime.queues[key];
    },

    /** Runs a ping job and answers which process served it; fails when no worker answers in time. */
    async ping(timeoutMs = 5000): Promise<PingResult> {
      const { runtime: current } = requireRuntime();
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
      const { runtime: current, connection: client } = requireRuntime();
      const started = Date.now();
      await client.ping();
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
