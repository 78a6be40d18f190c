import { rootOf } from '../../server/src/composition/accessor';
import { getService } from '../../server/src/services/get-service';
import { decisionRows, experimentRow, seedExperiment, subjectsOf, testGroupOut } from '../helpers/experiments';
import { deleteRedisPrefix } from '../helpers/redis';
import { finished, sendingEnv, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';
import { bootTestApp, startStrapi, stopTestApp, type TestApp } from '../helpers/strapi';
import { afterAllInReverse } from '../helpers/teardown';
import { waitUntil } from '../helpers/wait';
import { spawnWorker, type WorkerProcess } from '../helpers/worker-process';

/**
 * Issue 19: "a worker killed during the wait does not lose the decision". The wait is a row
 * (decide_at on campaigns_experiments), not a delayed job: a worker process killed with SIGKILL
 * while the test waits, its app stopped and its Redis keys gone, the next boot on the same
 * database decides the test once and sends the winner to the rest. PostgreSQL and MySQL only
 * (jest.config.js), as dedicated workers are.
 */
const sink = useSmtpSink();
let app: TestApp | undefined;
let worker: WorkerProcess | undefined;

afterAllInReverse(async () => {
  if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await stopTestApp(app);
});

const booted = () => {
  if (!app) throw new Error('the app boots in the test');
  return app;
};
const knex = () => booted().strapi.db.connection;

test('the worker is killed with SIGKILL during the wait and Redis is emptied: the next boot decides once, the rest gets the default once, the campaign ends sent', async () => {
  app = await bootTestApp({ env: { CAMPAIGNS_WORKER_MODE: 'dedicated', ...sendingEnv(sink().port) } });
  const first = spawnWorker(booted(), sendingEnv(sink().port));
  worker = first;
  await waitUntil(async () => {
    if (first.child.exitCode !== null) throw new Error(`the worker exited early (${first.child.exitCode}):\n${first.output()}`);
    const health = await getService(booted().strapi, 'queues').health();
    return health.queues.find((q) => q.name === 'send')?.workers === 1;
  }, "the worker process's send worker");

  const test = await seedExperiment(booted().strapi, 'ab-killed', 30, {
    noWinner: 'send-default',
    defaultVariant: 'A',
    minSamplePerVariant: 3,
  });
  await getService(booted().strapi, 'sending').sendNow(test.documentId);
  await waitForProgress(booted().strapi, test.documentId, testGroupOut);
  const testGroup = new Map<string, string>(
    (await knex()('campaigns_deliveries').select('email', 'variant').where({ campaign_id: test.id })).map(
      (r: { email: string; variant: string }) => [r.email, r.variant]
    )
  );
  // About 60%: each contact's variant, or none, comes from a hash (stats/assignment.ts).
  expect(testGroup.size).toBeGreaterThan(0);
  expect(testGroup.size).toBeLessThan(30);

  await rootOf(booted().strapi).running.decisions.run();
  const waiting = await experimentRow(booted().strapi, test.experimentId);
  expect(waiting.state).toBe('testing');
  expect(Number(waiting.decide_at) - Number(waiting.test_sent_at)).toBe(90 * 60_000);
  expect(await decisionRows(booted().strapi, test.experimentId)).toEqual([]);

  first.child.kill('SIGKILL');
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
  // The wait passes while nothing runs.
  await knex()('campaigns_experiments')
    .where({ id: test.experimentId })
    .update({ decide_at: Date.now() - 1 });
  await booted().strapi.destroy();
  await deleteRedisPrefix(booted().redisPrefix);
  expect((await subjectsOf(sink(), 'ab-killed')).size).toBe(testGroup.size);

  // The second boot runs its workers in its own process, on the same database and the emptied prefix.
  booted().strapi = await startStrapi(booted().env, { env: { ...sendingEnv(sink().port), CAMPAIGNS_WORKER_MODE: undefined } });
  await rootOf(booted().strapi).running.decisions.run();

  const [decision, ...more] = await decisionRows(booted().strapi, test.experimentId);
  expect(more).toEqual([]);
  expect(decision).toMatchObject({ action: 'decide', winner: 'A', by_label: null });
  expect(decision.reason).toMatch(/no clear winner, the default A is sent$/);
  expect(await experimentRow(booted().strapi, test.experimentId)).toMatchObject({ state: 'decided', winner: 'A', decide_at: null });

  expect(await waitForProgress(booted().strapi, test.documentId, finished)).toMatchObject({
    state: 'sent',
    targeted: 30,
    sent: 30,
    failed: 0,
  });
  const subjects = await subjectsOf(sink(), 'ab-killed');
  expect(subjects.size).toBe(30);
  for (const [email, got] of subjects) {
    expect(got).toHaveLength(1);
    if (!testGroup.has(email)) expect(got[0]).toMatch(/^Autumn news for P\d+$/);
  }
  // Later runs find nothing more to do.
  await rootOf(booted().strapi).running.decisions.run();
  expect(await decisionRows(booted().strapi, test.experimentId)).toHaveLength(1);
  expect(sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith('@ab-killed.test')))).toHaveLength(30);
});
