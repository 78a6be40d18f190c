'use strict';

/**
 * Prints how long the steps a new user waits for take on this machine: a clean `npm ci` (in a
 * scratch copy of the manifests, with the npm cache as it is), `strapi-plugin build`, `strapi build`
 * (the admin bundle), and the boot of the built playground until GET /_health answers (median of
 * three, with the RSS the process holds once up). The last line is the summary.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const PLAYGROUND = path.join(ROOT, 'playground');
const seconds = (ms) => (ms / 1000).toFixed(1);

const timed = (label, command, args, options) => {
  const started = Date.now();
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });
  const ms = Date.now() - started;
  console.log(`${label}: ${seconds(ms)} s`);
  return ms;
};

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const healthy = (port) =>
  new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/_health', timeout: 500 }, (res) => resolve(res.statusCode === 204))
      .on('error', () => resolve(false));
  });

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
};

const bootOnce = async (database) => {
  const port = await freePort();
  const started = Date.now();
  const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [PLAYGROUND] })), 'bin', 'strapi.js');
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: PLAYGROUND,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      DATABASE_FILENAME: database,
      CAMPAIGNS_SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef',
      CAMPAIGNS_PUBLIC_URL: `http://127.0.0.1:${port}`,
      CAMPAIGNS_REDIS_PREFIX: `bench-boot-${process.pid}`,
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null) throw new Error(`strapi start exited ${child.exitCode}: ${stderr}`);
      if (Date.now() - started > 120_000) throw new Error('no /_health after 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms: Date.now() - started, rss: rssMb(child.pid) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
};

const main = async () => {
  console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-boot-'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(scratch, 'package.json'));
  fs.copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(scratch, 'package-lock.json'));
  fs.mkdirSync(path.join(scratch, 'playground'));
  fs.copyFileSync(path.join(PLAYGROUND, 'package.json'), path.join(scratch, 'playground', 'package.json'));
  const install = timed(
    'npm ci (clean node_modules, npm cache as found)',
    'npm',
    ['ci', '--no-audit', '--no-fund', '--ignore-scripts=false'],
    {
      cwd: scratch,
      env: { ...process.env, npm_config_build_from_source: 'better-sqlite3' },
    }
  );
  fs.rmSync(scratch, { recursive: true, force: true });

  const pluginBuild = timed('plugin build (strapi-plugin build)', 'npx', ['strapi-plugin', 'build'], { cwd: ROOT });
  const adminBuild = timed('playground build (strapi build: server and admin bundle)', 'npx', ['strapi', 'build'], { cwd: PLAYGROUND });

  const database = path.join(os.tmpdir(), `bench-boot-${process.pid}.db`);
  const boots = [];
  for (let i = 0; i < 4; i += 1) {
    const boot = await bootOnce(database);
    console.log(`boot ${i === 0 ? '(first, creates the schema)' : i}: ${seconds(boot.ms)} s to /_health, RSS ${boot.rss} MB`);
    if (i > 0) boots.push(boot);
  }
  fs.rmSync(database, { force: true });
  const median = boots.map((b) => b.ms).sort((a, b) => a - b)[1];
  const rss = Math.max(...boots.map((b) => b.rss));
  console.log(
    `boot: install ${seconds(install)} s, plugin build ${seconds(pluginBuild)} s, admin build ${seconds(adminBuild)} s, boot ${seconds(median)} s (median of 3, RSS ${rss} MB)`
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
