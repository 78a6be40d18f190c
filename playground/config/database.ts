import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** SQLite by default; DATABASE_CLIENT=postgres or mysql with the usual DATABASE_* variables switches it. */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', client === 'sqlite' ? 1 : 0), max: env.int('DATABASE_POOL_MAX', 10) };
  const network = (defaultPort: number, defaultUser: string) => ({
    host: env('DATABASE_HOST', '127.0.0.1'),
    port: env.int('DATABASE_PORT', defaultPort),
    database: env('DATABASE_NAME', 'strapi'),
    user: env('DATABASE_USERNAME', defaultUser),
    password: env('DATABASE_PASSWORD', ''),
  });
  const connections = {
    sqlite: {
      connection: { filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
    postgres: { connection: { ...network(5432, 'postgres'), schema: env('DATABASE_SCHEMA', 'public') }, pool },
    mysql: { connection: network(3306, 'root'), pool },
  } as const;
  if (!(client in connections)) {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql (got "${client}")`);
  }
  return {
    connection: { client, ...connections[client as keyof typeof connections] },
    settings: { forceMigration: true },
  } as Core.Config.Database;
};

export default config;
