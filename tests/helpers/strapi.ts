import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, databaseUnderTest, type TestDatabase } from './database';
import { PLAYGROUND, PLAYGROUND_DIST } from './paths';
import { deleteRedisPrefix, redisUrl, uniqueRedisPrefix } from './redis';

export interface BootOptions {
  /** Extra environment for this boot (plugin options are read from env by the playground config). */
  env?: Record<string, string | undefined> | (() => Record<string, string | undefined>);
  serveAdminPanel?: boolean;
  /** Called with the app before it loads: a test can watch its log from the first line. */
  beforeLoad?: (app: Core.Strapi) => void;
}

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  redisPrefix: string;
  /** The environment the app booted with: a second process (a dedicated worker) reuses it. */
  env: Record<string, string>;
}

const applyEnv = (env: Record<string, string | undefined>) => {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
};

/**
 * Strapi.destroy() stops at the first plugin hook that throws on a half-loaded app, before it
 * closes the database: close the pool here too, or its timers keep jest from exiting.
 */
export const destroyAfterFailedBoot = async (app: Core.Strapi) => {
  await app.destroy().catch(() => undefined);
  await app.db?.destroy().catch(() => undefined);
};

/** Boots the real playground in this process on an existing database and Redis prefix. */
export const startStrapi = async (env: Record<string, string>, options: BootOptions = {}): Promise<Core.Strapi> => {
  if (!fs.existsSync(path.join(PLAYGROUND_DIST, 'config', 'plugins.js'))) {
    throw new Error('playground/dist is missing: run `npm run build --workspace playground` (scripts/test.sh does)');
  }
  // A function is read at boot: a file can hand over the port of a server its own beforeAll started.
  const extra = typeof options.env === 'function' ? options.env() : options.env;
  applyEnv({ NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true', ...env, ...extra });
  const { createStrapi } = require('@strapi/strapi');
  const app: Core.Strapi = createStrapi({
    appDir: PLAYGROUND,
    distDir: PLAYGROUND_DIST,
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  });
  app.log.level = process.env.CAMPAIGNS_TEST_LOG_LEVEL || 'error';
  options.beforeLoad?.(app);
  try {
    await app.load();
    await app.server.mount();
  } catch (error) {
    await destroyAfterFailedBoot(app);
    throw error;
  }
  return app;
};

/** A fresh database and Redis prefix of its own, then a booted playground on them. */
export const bootTestApp = async (options: BootOptions = {}): Promise<TestApp> => {
  const database = await createTestDatabase(databaseUnderTest());
  const redisPrefix = uniqueRedisPrefix();
  const env = { ...database.env, REDIS_URL: redisUrl(), CAMPAIGNS_REDIS_PREFIX: redisPrefix };
  try {
    return { strapi: await startStrapi(env, options), database, redisPrefix, env };
  } catch (error) {
    await database.drop();
    throw error;
  }
};

export const stopTestApp = async (app: TestApp | undefined) => {
  if (!app) return;
  await app.strapi.destroy();
  await app.database.drop();
  await deleteRedisPrefix(app.redisPrefix);
};
