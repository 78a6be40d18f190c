import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import {
  createScheduler,
  scheduleJobId,
  type ScheduledCampaign,
  type ScheduleJobData,
} from '../../server/src/features/scheduling/scheduler';
import { redisUrl, useRedisPrefix } from '../helpers/redis';
import { waitUntil } from '../helpers/wait';

describe('schedule jobs on a real Redis', () => {
  const { prefix } = useRedisPrefix();
  let connection: Redis;
  let queue: Queue;
  let worker: Worker;
  const campaigns = new Map<number, ScheduledCampaign & { state: string }>();
  const started: number[] = [];
  let databaseAway = true;
  const warnings: string[] = [];

  const scheduler = () =>
    createScheduler({
      queue,
      store: {
        scheduled: async () => [...campaigns.values()].filter((c) => c.state === 'scheduled'),
        find: async (id) => campaigns.get(id) ?? null,
      },
      outcomes: {
        async start(campaignId) {
          if (databaseAway) throw new Error('connect ECONNREFUSED: the database is away');
          started.push(campaignId);
          campaigns.get(campaignId)!.state = 'sending';
          return true;
        },
        miss: async () => false,
      },
      graceMs: 3_600_000,
      attempts: 1,
      log: { warn: (message) => warnings.push(message) },
    });

  beforeAll(() => {
    connection = new Redis(redisUrl(), { maxRetriesPerRequest: null });
    queue = new Queue('campaigns-schedule', { connection, prefix });
    worker = new Worker('campaigns-schedule', (job: Job<ScheduleJobData>) => scheduler().fire(job.data), { connection, prefix });
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    connection.disconnect();
  });

  test('a job that failed every attempt is tried again by the reconcile while its campaign waits for it, and not once it moved', async () => {
    campaigns.set(1, { id: 1, version: 3, sendAt: Date.now(), state: 'scheduled' });
    campaigns.set(2, { id: 2, version: 1, sendAt: Date.now(), state: 'scheduled' });
    await scheduler().sync(campaigns.get(1)!);
    await scheduler().sync(campaigns.get(2)!);
    const failed = async (id: string) => (await (await queue.getJob(id))?.getState()) === 'failed';
    await waitUntil(() => failed(scheduleJobId(1, 3)), 'the first job to fail');
    await waitUntil(() => failed(scheduleJobId(2, 1)), 'the second job to fail');

    // The second campaign was rescheduled meanwhile: its failed job is not the one it waits for.
    campaigns.set(2, { ...campaigns.get(2)!, version: 2, sendAt: Date.now() + 3_600_000 });
    databaseAway = false;
    expect(await scheduler().reconcile()).toEqual({ added: 1, removed: 0, retried: 1 });
    await waitUntil(async () => started.includes(1), 'the retried job to start its campaign');
    expect(started).toEqual([1]);
    expect(await (await queue.getJob(scheduleJobId(2, 2)))!.getState()).toBe('delayed');
    expect(await (await queue.getJob(scheduleJobId(2, 1)))!.getState()).toBe('failed');

    // Nothing left to retry: the reconcile is quiet again.
    expect(await scheduler().reconcile()).toEqual({ added: 0, removed: 0, retried: 0 });
  });
});
