import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PLAYGROUND, PLAYGROUND_DIST, ROOT } from './paths';
import type { TestApp } from './strapi';

export const WORKER_BIN = path.join(ROOT, 'bin', 'campaigns-worker.js');

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `strapi-campaigns-worker` for this app's database and Redis prefix, in a process of its own. */
export const spawnWorker = (app: TestApp, env: Record<string, string> = {}): WorkerProcess => {
  const child = spawn(process.execPath, [WORKER_BIN], {
    cwd: PLAYGROUND,
    env: { ...process.env, ...app.env, CAMPAIGNS_WORKER_MODE: 'dedicated', STRAPI_DIST_DIR: PLAYGROUND_DIST, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  return { child, output: () => output, exited };
};
