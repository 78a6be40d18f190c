import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { rootOf } from '../../server/src/composition/accessor';
import { migrations } from '../../server/src/db/migrations';
import { PLAYGROUND_DIST, ROOT } from '../helpers/paths';
import { deleteRedisPrefix, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { destroyAfterFailedBoot, startStrapi } from '../helpers/strapi';
import { EVENT_WAIT_MS } from '../helpers/wait';

/**
 * What a site owner does: `npm install strapi-plugin-campaigns` (here, the tarball `npm pack`
 * makes) into an existing Strapi 5 app, list it in config/plugins, boot. The fresh host is a copy
 * of the built playground with its own package.json and node_modules, and no path back to this
 * working tree: Strapi finds the plugin among the app's dependencies, as it would in production.
 */
const WORK = path.join(ROOT, '.tmp', `package-test-${process.pid}`);
const HOST = path.join(WORK, 'host');
const DATABASE = path.join(WORK, 'data.db');
const redisPrefix = uniqueRedisPrefix();
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };

let tarball: string;
let strapi: Core.Strapi | undefined;

const pluginsConfig = (extra: Record<string, unknown> = {}) => `module.exports = ({ env }) => ({
  'users-permissions': { config: { jwtSecret: 'package-test-jwt-secret' } },
  campaigns: {
    enabled: true,
    config: ${JSON.stringify({ redis: { url: redisUrl(), prefix: redisPrefix }, signingSecret: 'package-test-signing-secret-0123456789', ...extra })},
  },
});
`;

const makeHost = (dir: string, extra?: Record<string, unknown>) => {
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  for (const file of ['admin.js', 'api.js', 'database.js', 'middlewares.js', 'server.js']) {
    fs.copyFileSync(path.join(PLAYGROUND_DIST, 'config', file), path.join(dir, 'config', file));
  }
  fs.writeFileSync(path.join(dir, 'config', 'plugins.js'), pluginsConfig(extra));
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'index.js'), 'module.exports = { register() {}, bootstrap() {} };\n');
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
};

/** Boots an app folder with the Strapi installed in that folder (not this working tree's). */
const bootHost = async (appDir: string) => {
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: DATABASE });
  const app = createStrapi({ appDir, distDir: appDir, autoReload: false, serveAdminPanel: false }) as Core.Strapi;
  app.log.level = 'error';
  try {
    await app.load();
  } catch (error) {
    await destroyAfterFailedBoot(app);
    throw error;
  }
  return app;
};

beforeAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', WORK], { cwd: ROOT, env: npmEnv, encoding: 'utf8' })
  );
  tarball = path.join(WORK, packed[0].filename);

  makeHost(HOST);
  const strapiVersion = require('@strapi/strapi/package.json').version;
  fs.writeFileSync(
    path.join(HOST, 'package.json'),
    JSON.stringify({
      name: 'fresh-host',
      private: true,
      version: '0.0.0',
      dependencies: {
        '@strapi/strapi': strapiVersion,
        '@strapi/plugin-users-permissions': strapiVersion,
        'better-sqlite3': require('better-sqlite3/package.json').version,
        react: '18.3.1',
        'react-dom': '18.3.1',
        'react-router-dom': '6.30.3',
        'styled-components': '6.1.19',
        'strapi-plugin-campaigns': `file:${tarball}`,
      },
    })
  );
  // The repository's lockfile pins every package the host needs, at the versions the repository
  // installed, and the repository's node_modules holds them already: the host starts from a copy of
  // it made of hard links (seconds, no bytes copied; npm replaces files, never writes into them, so
  // the repository's copy is never touched), then npm does what it does in a site owner's app that
  // already has Strapi: adds the plugin from the tarball, checks every dependency against the
  // lockfile and removes what the host does not use. The compiled better-sqlite3 addon comes along.
  fs.copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(HOST, 'package-lock.json'));
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(HOST, 'node_modules')]);
  execFileSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], {
    cwd: HOST,
    env: npmEnv,
    stdio: 'inherit',
  });
}, 15 * 60_000);

afterAll(async () => {
  await strapi?.destroy();
  await deleteRedisPrefix(redisPrefix);
  fs.rmSync(WORK, { recursive: true, force: true });
});

test('the tarball holds the built plugin and nothing of the working tree', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(files).toEqual(
    expect.arrayContaining([
      'package/package.json',
      'package/dist/server/index.js',
      'package/dist/admin/index.mjs',
      'package/bin/campaigns-worker.js',
      'package/bin/campaigns-inbound.js',
      'package/bin/campaigns-rollups.js',
      'package/dist/inbound/index.js',
      'package/dist/inbound/index.mjs',
      'package/dist/inbound/index.d.ts',
      'package/dist/event-write-thread/index.js',
    ])
  );
  expect(files.filter((f) => /package\/(tests|playground|server\/src|admin\/src|node_modules)\//.test(f))).toEqual([]);
});

test('installs into a fresh host with its own Strapi, loads, keeps the data a working-tree build wrote, and answers', async () => {
  const installed = path.join(HOST, 'node_modules', 'strapi-plugin-campaigns');
  expect(fs.realpathSync(installed).startsWith(HOST)).toBe(true);
  expect(fs.existsSync(path.join(HOST, 'node_modules', 'bullmq', 'package.json'))).toBe(true);
  expect(require.resolve('@strapi/strapi', { paths: [HOST] }).startsWith(HOST)).toBe(true);

  const playground = await startStrapi({
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: DATABASE,
    REDIS_URL: redisUrl(),
    CAMPAIGNS_REDIS_PREFIX: redisPrefix,
  });
  const written = await playground.plugin('campaigns').service('campaigns').create({ name: 'Written by the working tree' });
  const contact = await playground.plugin('campaigns').service('contacts').create({ email: 'kept@example.com' });
  await playground.db
    .connection('campaigns_deliveries')
    .insert({ campaign_id: 1, contact_id: 1, email: 'kept@example.com', state: 'sent' });
  await playground.destroy();

  strapi = await bootHost(HOST);
  const plugin = strapi.plugin('campaigns');
  expect(await plugin.service('campaigns').findOne(written.documentId)).toMatchObject({ name: 'Written by the working tree' });
  expect(await plugin.service('contacts').findOne(contact.documentId)).toMatchObject({ email: 'kept@example.com' });
  expect(await strapi.db.connection('campaigns_deliveries').where({ email: 'kept@example.com' }).first()).toMatchObject({ state: 'sent' });
  expect(await strapi.db.connection('campaigns_migrations').count({ n: '*' }).first()).toEqual({ n: migrations.length });

  const created = await plugin.service('campaigns').create({ name: 'From the tarball' });
  expect(await plugin.service('campaigns').findOne(created.documentId)).toMatchObject({ name: 'From the tarball', state: 'draft' });
  expect(await plugin.service('queues').ping(EVENT_WAIT_MS)).toMatchObject({ pid: process.pid });

  // On SQLite events are written by the installed package's write thread, with the knex of the host's Strapi.
  const kept = await strapi.db.connection('campaigns_deliveries').where({ email: 'kept@example.com' }).first();
  const threads = () => (process.report.getReport() as unknown as { workers: unknown[] }).workers.length;
  const threadsBefore = threads();
  const at = Date.now();
  const opened = await rootOf(strapi).running.events.record({
    type: 'open',
    source: 'tracking',
    delivery: { id: Number(kept.id), campaignId: Number(kept.campaign_id), contactId: Number(kept.contact_id) },
    at,
    isBot: false,
    client: 'browser',
  });
  expect(opened).toMatchObject({ type: 'open', deliveryId: Number(kept.id) });
  expect(await strapi.db.connection('campaigns_deliveries').where({ id: kept.id }).first()).toMatchObject({ first_open_at: at });
  expect(threads()).toBe(threadsBefore + 1);
  await strapi.destroy();
  strapi = undefined;
});

test('an unknown option in config/plugins stops the boot, naming it', async () => {
  const badHost = path.join(WORK, 'bad-host');
  makeHost(badHost, { smtpp: { host: 'typo' } });
  fs.copyFileSync(path.join(HOST, 'package.json'), path.join(badHost, 'package.json'));
  fs.symlinkSync(path.join(HOST, 'node_modules'), path.join(badHost, 'node_modules'));
  await expect(bootHost(badHost)).rejects.toThrow(/campaigns\.smtpp: unknown option/);
});

test('the inbound classifier loads on its own, by require and by import, and as a command', () => {
  const dsn = path.join(ROOT, 'tests', 'fixtures', 'bounces', 'messages', 'aol.unknown.eml');
  const expected = { kind: 'bounce', recipients: ['recipient@example.net'], reason: 'userunknown' };
  const run = (args: string[]) => JSON.parse(execFileSync('node', args, { cwd: HOST, encoding: 'utf8' }));
  const pick = 'const { kind, recipients, reason } = r; console.log(JSON.stringify({ kind, recipients, reason }))';
  const raw = `require('node:fs').readFileSync(${JSON.stringify(dsn)})`;
  expect(run(['-e', `require('strapi-plugin-campaigns/inbound').classifyInboundMessage(${raw}).then((r) => { ${pick} })`])).toEqual(
    expected
  );
  expect(
    run([
      '--input-type=module',
      '-e',
      `const { classifyInboundMessage } = await import('strapi-plugin-campaigns/inbound'); const { readFileSync } = await import('node:fs'); const r = await classifyInboundMessage(readFileSync(${JSON.stringify(dsn)})); ${pick}`,
    ])
  ).toEqual(expected);
  const line = execFileSync(path.join(HOST, 'node_modules', '.bin', 'strapi-campaigns-inbound'), ['classify', dsn], {
    cwd: HOST,
    encoding: 'utf8',
  });
  expect(JSON.parse(line)).toMatchObject({ file: dsn, ...expected });
});
