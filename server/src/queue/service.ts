import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { Job } from 'bullmq';
import { rootOf } from '../composition/accessor';
import type { PingResult } from './jobs';
import type { RedisClient } from './connection';
import { MAINTENANCE_QUEUE } from './maintenance';

const PING_POLL_MS = 50;
/** A finished ping stays this long, so the process that asked can read its answer. */
const PING_KEPT_SECONDS = 60;

/**
 * The queues as the admin, the commands and extensions see them: a queue to add jobs to, the Redis
 * connection, a ping and their health. The composition root opens and closes them.
 */
export const createQueuesService =
  <K extends string>() =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    type QueueKey = K | typeof MAINTENANCE_QUEUE.key;
    const root = rootOf(strapi);
    return {
      /** The command connection (rate limits share it with the queues). */
      redis(): RedisClient {
        return root.running.redis;
      },

      queue(key: QueueKey) {
        return root.running.queues[key];
      },

      /**
       * Runs a ping job and answers which process served it; fails when no worker answers in time.
       * Its state is polled rather than awaited through QueueEvents: a QueueEvents that has just
       * connected reads its stream only from its first XREAD on, so a ping answered before then (the
       * first thing a process asks, on a busy machine) was never heard of and timed out.
       */
      async ping(timeoutMs = 5000): Promise<PingResult> {
        const queue = root.running.queues[MAINTENANCE_QUEUE.key];
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
        const { queues, redis, workerCount } = root.running;
        const started = Date.now();
        await redis.ping();
        const redisLatencyMs = Date.now() - started;
        const counts = await Promise.all(
          (Object.keys(queues) as QueueKey[]).map(async (key) => ({
            name: key,
            workers: await queues[key].getWorkersCount(),
            counts: await queues[key].getJobCounts('waiting', 'active', 'delayed', 'failed'),
          }))
        );
        return { redisLatencyMs, workersInThisProcess: workerCount, queues: counts };
      },
    };
  };
