'use strict';

/**
 * Boots the built playground in this process against a database of its own (SQLite file, or a
 * fresh PostgreSQL or MySQL/MariaDB database), for benchmarks. Returns the app and a cleanup that drops it all.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { deleteRedisPrefix } = require('../../scripts/lib/redis-prefix');

const ROOT = path.resolve(__dirname, '../..');
const PLAYGROUND = path.join(ROOT, 'playground');

const createDatabase = async (client) => {
  const name = `campaigns_bench_${process.pid}_${Date.now()}`;
  if (client === 'sqlite') {
    const filename = path.join(os.tmpdir(), `${name}.db`);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
      },
    };
  }
  if (client === 'postgres') {
    const { Client } = require(require.resolve('pg', { paths: [PLAYGROUND] }));
    const admin = {
      host: process.env.PGHOST || '127.0.0.1',
      port: Number(process.env.PGPORT || 5432),
      user: process.env.PGUSER || 'postgres',
      password: process.env.PGPASSWORD || '',
    };
    const run = async (sql) => {
      const c = new Client({ ...admin, database: 'postgres' });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: admin.host,
        DATABASE_PORT: String(admin.port),
        DATABASE_USERNAME: admin.user,
        DATABASE_PASSWORD: admin.password,
        DATABASE_NAME: name,
      },
      drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  if (client === 'mysql') {
    const mysql = require(require.resolve('mysql2/promise', { paths: [PLAYGROUND] }));
    const admin = {
      host: process.env.MYSQL_HOST || '127.0.0.1',
      port: Number(process.env.MYSQL_PORT || 3306),
      user: process.env.MYSQL_USER || 'root',
      password: process.env.MYSQL_PASSWORD || '',
    };
    const run = async (sql) => {
      const c = await mysql.createConnection(admin);
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return {
      env: {
        DATABASE_CLIENT: 'mysql',
        DATABASE_HOST: admin.host,
        DATABASE_PORT: String(admin.port),
        DATABASE_USERNAME: admin.user,
        DATABASE_PASSWORD: admin.password,
        DATABASE_NAME: name,
      },
      drop: () => run(`DROP DATABASE IF EXISTS ${name}`),
    };
  }
  throw new Error(`unsupported database ${client}`);
};

const bootPlayground = async (client, env = {}) => {
  if (!fs.existsSync(path.join(PLAYGROUND, 'dist', 'config', 'plugins.js')))
    throw new Error(
      'playground/dist is missing: build the plugin and the playground first (npm run build, then npm run build --prefix playground)'
    );
  const database = await createDatabase(client);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CAMPAIGNS_REDIS_PREFIX: `campaigns-bench-${process.pid}`,
    ...database.env,
    ...env,
  });
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
  const strapi = createStrapi({ appDir: PLAYGROUND, distDir: path.join(PLAYGROUND, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  await strapi.load();
  return {
    strapi,
    async close() {
      await strapi.destroy();
      await database.drop();
    },
  };
};

/** bootPlayground on REDIS_URL (db 0 when unset) under a Redis prefix of this run's own, which close() deletes too. */
const bootPlaygroundOnRedis = async (client, name, env = {}) => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
  const prefix = `bench-${name}-${process.pid}`;
  const app = await bootPlayground(client, { REDIS_URL: redisUrl, CAMPAIGNS_REDIS_PREFIX: prefix, ...env });
  return {
    strapi: app.strapi,
    async close() {
      await app.close();
      await deleteRedisPrefix(redisUrl, prefix).catch(() => undefined);
    },
  };
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

module.exports = { bootPlayground, bootPlaygroundOnRedis, median, ROOT, PLAYGROUND };
