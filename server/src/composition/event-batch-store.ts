import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { connectionBatchStore, type BatchCounters, type EventBatchStore } from '../events/batch-write';
import { threadBatchStore } from '../events/write-thread';

/** The SQLite file of Strapi's connection, or null for another database or one in memory. */
const sqliteFileOf = (strapi: Core.Strapi): string | null => {
  const { client, connection } = strapi.db.connection.client.config as { client?: unknown; connection?: { filename?: unknown } };
  const filename = connection?.filename;
  if (client !== 'better-sqlite3' || typeof filename !== 'string' || !filename || filename === ':memory:' || filename.startsWith('file:'))
    return null;
  return path.resolve(filename);
};

/**
 * The knex module Strapi's database layer loads, found from the app the way Node finds it for
 * Strapi; null when a package layout hides it from the app's folder.
 */
const knexModuleOf = (strapi: Core.Strapi): string | null => {
  try {
    const fromApp = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
    return createRequire(fromApp.resolve('@strapi/database')).resolve('knex');
  } catch {
    return null;
  }
};

/**
 * Where the recorder's batches are written. On a SQLite file, by the event write thread
 * (events/write-thread.ts), built beside the server bundle (package.json exports it); elsewhere,
 * and where the bundle was loaded as an ES module (no __dirname to find the thread by), on
 * Strapi's own connection.
 */
export const eventBatchStoreOf = (strapi: Core.Strapi, counters: BatchCounters): EventBatchStore => {
  const knex = strapi.db.connection;
  const filename = sqliteFileOf(strapi);
  const file = typeof __dirname === 'string' ? path.join(__dirname, '..', 'event-write-thread', 'index.js') : null;
  if (!filename || !file || !fs.existsSync(file)) return connectionBatchStore(knex, counters);
  const knexPath = knexModuleOf(strapi);
  if (!knexPath) {
    strapi.log.warn('campaigns: knex was not found from the app folder; delivery events are written on the event loop');
    return connectionBatchStore(knex, counters);
  }
  return threadBatchStore({ knex, file, knexPath, filename });
};
