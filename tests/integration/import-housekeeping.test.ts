import fs from 'node:fs';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Knex } from 'knex';
import { postImport } from '../helpers/imports';
import { redisUrl } from '../helpers/redis';
import { useAdminApp } from '../helpers/admin-app';

// No workers in this app: jobs wait in Redis until the test decides what becomes of them.
const { strapi, token, service } = useAdminApp({ env: { CAMPAIGNS_WORKER_MODE: 'off' } });

const knex = (): Knex => strapi().db.connection;
const importQueue = () => service('queues').queue('import');
const row = (id: number) => knex()('campaigns_imports').where({ id }).first();
const OPTIONS = { mapping: { Email: 'email' }, consent: { source: 'fair' } };

const queued = async (name: string) => {
  const res = await postImport(strapi(), token(), `Email\r\n${name}@example.com\r\n`, OPTIONS);
  expect(res.status).toBe(202);
  return res.body.data.id as number;
};

test('every import has a job named after it, and the maintenance jobs are scheduled (event retention every ten minutes, imports every five, A/B decisions, schedules and sends every minute)', async () => {
  const id = await queued('named');
  const job = await importQueue().getJob(`import-${id}`);
  expect(await job?.getState()).toBe('waiting');
  const schedulers = await service('queues').queue('maintenance').getJobSchedulers();
  expect(schedulers.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
    expect.objectContaining({ key: 'decide-experiments', name: 'decideExperiments', every: 60_000 }),
    expect.objectContaining({ key: 'event-retention', name: 'eventRetention', every: 600_000 }),
    expect.objectContaining({ key: 'reconcile-schedules', name: 'reconcileSchedules', every: 60_000 }),
    expect.objectContaining({ key: 'tidy-imports', name: 'tidyImports', every: 300_000 }),
    expect.objectContaining({ key: 'tidy-sends', name: 'tidySends', every: 60_000 }),
  ]);
});

test('an import whose job was lost is requeued; one whose file is gone too is failed, saying so', async () => {
  const lost = await queued('lost');
  const gone = await queued('gone');
  await (await importQueue().getJob(`import-${lost}`))?.remove();
  await (await importQueue().getJob(`import-${gone}`))?.remove();
  fs.rmSync((await row(gone)).file_path);

  const result = await service('imports').tidy();
  expect(result.requeued).toContain(lost);
  expect(result.failed).toEqual([gone]);
  expect(await (await importQueue().getJob(`import-${lost}`))?.getState()).toBe('waiting');
  expect(await row(lost)).toMatchObject({ state: 'queued' });
  expect(await row(gone)).toMatchObject({
    state: 'failed',
    error: expect.stringMatching(/job was lost.*upload the file again/),
    file_path: null,
  });

  // Tidying again changes nothing: the requeued job is there.
  expect(await service('imports').tidy()).toMatchObject({ requeued: [], failed: [] });
});

test('an import whose job failed where the processor could not see it is failed with BullMQ reason', async () => {
  const stalled = await queued('stalled');
  const queue = importQueue();
  // A worker that fails the jobs it takes as BullMQ fails one that stalled too often.
  const worker = new Worker(
    queue.name,
    async () => {
      throw new UnrecoverableError('job stalled more than allowable limit');
    },
    { connection: { url: redisUrl() } as never, prefix: queue.opts.prefix }
  );
  try {
    for (let state = ''; state !== 'failed'; state = (await (await queue.getJob(`import-${stalled}`))?.getState()) ?? '') {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await worker.close();
  }
  const result = await service('imports').tidy();
  expect(result.failed).toContain(stalled);
  expect(await row(stalled)).toMatchObject({
    state: 'failed',
    error: 'its job failed: job stalled more than allowable limit',
    file_path: null,
  });
});

test('reports of imports that ended more than the retention ago are deleted; their counters stay', async () => {
  const [oldId, recentId] = [await queued('old'), await queued('recent')];
  const DAY = 86_400_000;
  await knex()('campaigns_imports')
    .where({ id: oldId })
    .update({ state: 'done', finished_at: Date.now() - 31 * DAY, created: 7 });
  await knex()('campaigns_imports')
    .where({ id: recentId })
    .update({ state: 'done', finished_at: Date.now() - 29 * DAY });
  const oldReport = (await row(oldId)).report_path;
  const recentReport = (await row(recentId)).report_path;

  const result = await service('imports').tidy();
  expect(result.reportsRemoved).toEqual([oldId]);
  expect(fs.existsSync(oldReport)).toBe(false);
  expect(fs.existsSync(recentReport)).toBe(true);
  expect(await service('imports').findOne(oldId)).toMatchObject({ state: 'done', hasReport: false, counters: { created: 7 } });
  expect(await service('imports').findOne(recentId)).toMatchObject({ hasReport: true });
});
