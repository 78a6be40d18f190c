import { spawn } from 'node:child_process';
import { PLAYGROUND, PLAYGROUND_DIST } from './paths';

/** Runs one of the plugin's commands (bin/) from the playground, against the app of `env`: its exit code and everything it printed. */
export const runCommand = (bin: string, args: string[], env: Record<string, string | undefined>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: PLAYGROUND,
      env: { ...process.env, ...env, STRAPI_DIST_DIR: PLAYGROUND_DIST, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
