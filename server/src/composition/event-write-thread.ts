import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Knex } from 'knex';
import { writeEventBatch } from '../events/batch-write';
import type { WriteReply, WriteRequest, WriteThreadData } from '../events/write-thread';
import { createRollupWriter } from '../features/analytics/rollup-writer';

/**
 * The event write thread (events/write-thread.ts): a connection of its own to the process's SQLite
 * file, and the one event write path's transaction, counters included, for each batch it is sent.
 * The process holds its own connection meanwhile, so the thread never waits on a lock of Strapi's.
 */
const connect = async ({ knexPath, filename, pragmas }: WriteThreadData): Promise<Knex> => {
  const loaded = await import(knexPath);
  const knexOf = (loaded.default ?? loaded) as (config: Knex.Config) => Knex;
  return knexOf({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: { pragma(source: string): unknown }, done: (error: Error | null, connection: unknown) => void) => {
        for (const pragma of pragmas) connection.pragma(pragma);
        done(null, connection);
      },
    },
  });
};

const serve = (port: MessagePort, data: WriteThreadData) => {
  const knex = connect(data);
  const counters = createRollupWriter();
  port.on('message', async ({ id, events, now }: WriteRequest) => {
    let reply: WriteReply;
    try {
      reply = { id, stored: await writeEventBatch(await knex, counters, events, now) };
    } catch (error) {
      const { message, code } = error as Error & { code?: string };
      reply = { id, error: { message, code } };
    }
    port.postMessage(reply);
  });
};

if (parentPort) serve(parentPort, workerData as WriteThreadData);

/** What bench:analytics times on Strapi's own connection: one batch's transaction, with the counters and without. */
export { createRollupWriter, writeEventBatch };
