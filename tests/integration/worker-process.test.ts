import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PLAYGROUND, PLAYGROUND_DIST, ROOT } from '../helpers/paths';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';

const WORKER_BIN = path.join(ROOT, 'bin', 'campaigns-worker.js');

let app: TestApp;
let worker: ChildProcess | undefined;
let workerOutput = '';

beforeAll(async () => {
  app = await bootTestApp({ env: { CAMPAIGNS_WORKER_MODE: 'dedicated' } });
});

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await stopTestApp(app);
  delete process.env.CAMPAIGNS_WORKER_MODE;
});

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

const queues = () => app.strapi.plugin('campaigns').service('queues');

test('in dedicated mode the web process runs no worker, so a job waits', async () => {
  expect((await queues().health()).workersInThisProcess).toBe(0);
  await expect(queues().ping(1500)).rejects.toThrow(/timed out|Job wait/i);
});

test('the worker entry runs the workers in a process of its own, then stops cleanly on SIGTERM', async () => {
  worker = spawn(process.execPath, [WORKER_BIN], {
    cwd: PLAYGROUND,
    env: { ...process.env, ...app.env, CAMPAIGNS_WORKER_MODE: 'dedicated', STRAPI_DIST_DIR: PLAYGROUND_DIST, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout?.on('data', (chunk) => (workerOutput += chunk));
  worker.stderr?.on('data', (chunk) => (workerOutput += chunk));

  const deadline = Date.now() + 45_000;
  let answer: { pid: number; workerProcess: boolean } | undefined;
  while (!answer && Date.now() < deadline) {
    answer = await queues().ping(2000).catch(() => undefined);
    if (worker.exitCode !== null) throw new Error(`worker exited early (${worker.exitCode}):\n${workerOutput}`);
  }
  expect(answer).toEqual(expect.objectContaining({ pid: worker.pid, workerProcess: true }));
  expect(answer?.pid).not.toBe(process.pid);

  const stopped = exited(worker);
  worker.kill('SIGTERM');
  expect(await stopped).toEqual({ code: 0, signal: null });
  expect((await queues().health()).queues.find((q: { name: string }) => q.name === 'maintenance')?.workers).toBe(0);
});

test('the worker refuses to start when workerMode is off', async () => {
  const off = spawn(process.execPath, [WORKER_BIN], {
    cwd: PLAYGROUND,
    env: { ...process.env, ...app.env, CAMPAIGNS_WORKER_MODE: 'off', STRAPI_DIST_DIR: PLAYGROUND_DIST, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  off.stdout?.on('data', (chunk) => (output += chunk));
  off.stderr?.on('data', (chunk) => (output += chunk));
  expect((await exited(off)).code).toBe(1);
  expect(output).toMatch(/workerMode is "off"/);
});
