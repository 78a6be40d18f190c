import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { Job } from 'bullmq';
import { errors } from '@strapi/utils';
import { COMMAND_PROCESS_ENV, WORKER_PROCESS_ENV, type WorkerMode } from '../constants';
import { createRedisConnection, describeRedis, type RedisClient } from './connection';
import { getPluginConfig } from '../config/plugin-config';
import type { MaintenanceJob, QueueDeclaration } from '../features/feature';
import type { PingResult } from './jobs';
import { MAINTENANCE_QUEUE, maintenanceProcessor } from './maintenance';
import { openQueueRuntime, type QueueRuntime } from './runtime';

/**
 * Whether this process runs the workers, given the configured mode. A one-off command never
 * does: it would take jobs and then exit in the middle of them.
 */
export const shouldRunWorkers = (mode: WorkerMode, isWorkerProcess: boolean, isCommandProcess = false) =>
  !isCommandProcess && (mode === 'in-process' || (mode === 'dedicated' && isWorkerProcess));

const PING_POLL_MS = 50;
/** A finished ping stays this long, so the process that asked can read its answer. */
const PING_KEPT_SECONDS = 60;

/** The maintenance queue (with every feature's periodic jobs) first, then the features' own queues. */
const declarationsOf = <K extends string>(queues: readonly QueueDeclaration<K>[], maintenanceJobs: readonly MaintenanceJob[]) => [
  { ...MAINTENANCE_QUEUE, worker: { processor: maintenanceProcessor(maintenanceJobs), concurrency: 4 } },
  ...queues,
];

/** The queues service of the plugin whose features declare these queues and maintenance jobs. */
export const createQueuesService = <K extends string>(declared: readonly QueueDeclaration<K>[], maintenanceJobs: readonly MaintenanceJob[]) => ({ strapi }: { strapi: Core.Strapi }) => {
  type QueueKey = K | typeof MAINTENANCE_QUEUE.key;
  const declarations: QueueDeclaration<QueueKey>[] = declarationsOf(declared, maintenanceJobs);
  let connection: RedisClient | undefined;
  let runtime: QueueRuntime<QueueKey> | undefined;

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
  const connect = async (): Promise<RedisClient> => {
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
      runtime = openQueueRuntime(declarations, { strapi }, client, config.redis.prefix, runWorkers);
      // One schedule per Redis prefix, whoever upserts it; any worker process runs the jobs.
      for (const job of maintenanceJobs) {
        await runtime.queues.maintenance.upsertJobScheduler(job.scheduler, { every: job.everyMs }, {
          name: job.name,
          data: {},
          opts: { removeOnComplete: true, removeOnFail: 100 },
        });
      }
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
    redis(): RedisClient {
      return requireRuntime().connection;
    },

    queue(key: QueueKey) {
      return requireRuntime().runtime.queues[key];
    },

    /**
     * Runs a ping job and answers which process served it; fails when no worker answers in time.
     * Its state is polled rather than awaited through QueueEvents: a QueueEvents that has just
     * connected reads its stream only from its first XREAD on, so a ping answered before then (the
     * first thing a process asks, on a busy machine) was never heard of and timed out.
     */
    async ping(timeoutMs = 5000): Promise<PingResult> {
      const queue = requireRuntime().runtime.queues.maintenance;
      const job = await queue.add(
        'ping',
        { requestedBy: `${os.hostname()}:${process.pid}` },
        { removeOnComplete: { age: PING_KEPT_SECONDS }, removeOnFail: 100 }
      );
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await Job.fromId<unknown, PingResult>(queue, job.id!);
        if (state?.finishedOn) {
          if (state.failedReason) throw new Error(`the ping job failed: ${state.failedReason}`);
          return state.returnvalue;
        }
        if (Date.now() >= deadline) {
          // A worker that comes later has nothing stale to answer.
          await job.remove().catch(() => undefined);
          throw new Error(`the ping timed out: no worker answered within ${timeoutMs} ms`);
        }
        await sleep(PING_POLL_MS);
      }
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

