import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';
import { EVENT_WAIT_MS } from '../helpers/wait';
import { spawnWorker, type WorkerProcess } from '../helpers/worker-process';

let app: TestApp;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  app = await bootTestApp({ env: { CAMPAIGNS_WORKER_MODE: 'dedicated' } });
});

afterAll(async () => {
  if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await stopTestApp(app);
  delete process.env.CAMPAIGNS_WORKER_MODE;
});

const queues = () => app.strapi.plugin('campaigns').service('queues');

test('in dedicated mode the web process runs no worker, so a job waits', async () => {
  expect((await queues().health()).workersInThisProcess).toBe(0);
  await expect(queues().ping(1500)).rejects.toThrow(/timed out|Job wait/i);
});

test('the worker entry runs the workers in a process of its own, then stops cleanly on SIGTERM', async () => {
  worker = spawnWorker(app);
  const deadline = Date.now() + EVENT_WAIT_MS;
  let answer: { pid: number; workerProcess: boolean } | undefined;
  while (!answer && Date.now() < deadline) {
    answer = await queues()
      .ping(2000)
      .catch(() => undefined);
    if (worker.child.exitCode !== null) throw new Error(`worker exited early (${worker.child.exitCode}):\n${worker.output()}`);
  }
  expect(answer).toEqual(expect.objectContaining({ pid: worker.child.pid, workerProcess: true }));
  expect(answer?.pid).not.toBe(process.pid);

  worker.child.kill('SIGTERM');
  expect(await worker.exited).toEqual({ code: 0, signal: null });
  expect((await queues().health()).queues.find((q: { name: string }) => q.name === 'maintenance')?.workers).toBe(0);
});

test('the worker refuses to start when workerMode is off', async () => {
  const off = spawnWorker(app, { CAMPAIGNS_WORKER_MODE: 'off' });
  expect((await off.exited).code).toBe(1);
  expect(off.output()).toMatch(/workerMode is "off"/);
});
