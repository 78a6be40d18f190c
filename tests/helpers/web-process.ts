import { spawn } from 'node:child_process';
import path from 'node:path';
import { PLAYGROUND, PLAYGROUND_DIST, ROOT } from './paths';
import { waitUntil } from './wait';
import type { WorkerProcess } from './worker-process';

const WEB_APP = path.join(ROOT, 'tests', 'helpers', 'web-app.js');

export interface WebProcess extends WorkerProcess {
  port: number;
}

/**
 * A second Strapi web process on this app's database and Redis prefix, listening on `port`, with no
 * queue workers of its own (the test's app runs them): another instance behind the same balancer.
 * Resolves once it listens.
 */
export const spawnWebProcess = async (env: Record<string, string>, port: number): Promise<WebProcess> => {
  const child = spawn(process.execPath, [WEB_APP], {
    cwd: PLAYGROUND,
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CAMPAIGNS_WORKER_MODE: 'dedicated',
      STRAPI_DIST_DIR: PLAYGROUND_DIST,
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  await waitUntil(() => {
    if (child.exitCode !== null) throw new Error(`the web process exited (${child.exitCode}):\n${output}`);
    return output.includes(`web-app listening ${port}`);
  }, 'the second web process to listen');
  return { child, output: () => output, exited, port };
};
