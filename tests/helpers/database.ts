import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PLAYGROUND } from './paths';

export type TestDatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
  client: TestDatabaseClient;
  /** The DATABASE_* variables that point the playground at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const uniqueName = () => `campaigns_test_${process.pid}_${randomBytes(4).toString('hex')}`;

const postgresAdmin = () => ({
  host: process.env.PGHOST || '127.0.0.1',
  port: Number(process.env.PGPORT || 5432),
  user: process.env.PGUSER || 'postgres',
  password: process.env.PGPASSWORD || '',
});

const mysqlAdmin = () => ({
  host: process.env.MYSQL_HOST || '127.0.0.1',
  port: Number(process.env.MYSQL_PORT || 3306),
  user: process.env.MYSQL_USER || 'root',
  password: process.env.MYSQL_PASSWORD || '',
});

const withPostgres = async <T>(work: (run: (sql: string) => Promise<unknown>) => Promise<T>) => {
  const { Client } = require('pg');
  const client = new Client({ ...postgresAdmin(), database: 'postgres' });
  await client.connect();
  try {
    return await work((sql) => client.query(sql));
  } finally {
    await client.end();
  }
};

const withMysql = async <T>(work: (run: (sql: string) => Promise<unknown>) => Promise<T>) => {
  const mysql = require('mysql2/promise');
  const connection = await mysql.createConnection(mysqlAdmin());
  try {
    return await work((sql) => connection.query(sql));
  } finally {
    await connection.end();
  }
};

/** A database of its own for one test file, on the server the project names; dropped afterwards. */
export const createTestDatabase = async (client: TestDatabaseClient): Promise<TestDatabase> => {
  const name = uniqueName();
  switch (client) {
    case 'sqlite': {
      const filename = path.join(PLAYGROUND, '.tmp', `${name}.db`);
      fs.mkdirSync(path.dirname(filename), { recursive: true });
      return {
        client,
        env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
        async drop() {
          for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${filename}${suffix}`, { force: true });
        },
      };
    }
    case 'postgres': {
      await withPostgres((run) => run(`CREATE DATABASE ${name}`));
      const admin = postgresAdmin();
      return {
        client,
        env: {
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: admin.host,
          DATABASE_PORT: String(admin.port),
          DATABASE_USERNAME: admin.user,
          DATABASE_PASSWORD: admin.password,
          DATABASE_NAME: name,
        },
        drop: () => withPostgres((run) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
      };
    }
    case 'mysql': {
      await withMysql((run) => run(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
      const admin = mysqlAdmin();
      return {
        client,
        env: {
          DATABASE_CLIENT: 'mysql',
          DATABASE_HOST: admin.host,
          DATABASE_PORT: String(admin.port),
          DATABASE_USERNAME: admin.user,
          DATABASE_PASSWORD: admin.password,
          DATABASE_NAME: name,
        },
        drop: () => withMysql((run) => run(`DROP DATABASE IF EXISTS ${name}`)).then(() => undefined),
      };
    }
  }
};

export const databaseUnderTest = (): TestDatabaseClient =>
  (process.env.CAMPAIGNS_TEST_DATABASE as TestDatabaseClient | undefined) ?? 'sqlite';
