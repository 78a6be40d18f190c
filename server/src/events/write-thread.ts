import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';
import type { EventBatchStore, StoredBatch } from './batch-write';
import type { DeliveryEvent } from './delivery-event';

/** What the thread needs to open its own connection to the process's SQLite file. */
export interface WriteThreadData {
  /** The knex module Strapi's own connection came from (it brings better-sqlite3 the same way). */
  knexPath: string;
  filename: string;
  /** Run on the thread's connection when it opens: the process connection's own settings. */
  pragmas: string[];
}

export interface WriteRequest {
  id: number;
  events: readonly DeliveryEvent[];
  now: number;
}

export type WriteReply = { id: number; stored: StoredBatch } | { id: number; error: { message: string; code?: string } };

/** The settings of the process's connection that change what a commit does, as pragmas for the thread's. */
const settingsOf = async (trx: Knex.Transaction): Promise<string[]> => {
  const read = async (name: string) => Object.values(((await trx.raw(`PRAGMA ${name}`)) as Array<Record<string, unknown>>)[0] ?? {})[0];
  const journal = String(await read('journal_mode'));
  const pragmas = [`synchronous = ${Number(await read('synchronous'))}`, `foreign_keys = ${Number(await read('foreign_keys'))}`];
  if (/^[a-z]+$/i.test(journal)) pragmas.unshift(`journal_mode = ${journal}`);
  return pragmas;
};

export interface ThreadBatchStoreOptions {
  /** The process's own connection (SQLite: one). */
  knex: Knex;
  /** The thread's script (composition/event-write-thread.ts, built). */
  file: string;
  knexPath: string;
  filename: string;
}

/**
 * Batches written by a worker thread on a second connection to the same SQLite file. better-sqlite3
 * runs every statement, and each commit's fsync, on the thread that calls it: on the event loop
 * they held up every waiting open and click (bench:tracking spent a third of the main thread
 * there). Two connections to one SQLite file may lock each other out (a read transaction that
 * wants to write while the other commits gets SQLITE_BUSY at once), so the process's own
 * connection is held in an empty transaction while the thread writes: BEGIN alone takes no lock,
 * and no statement of Strapi's can run until the thread has committed. The thread starts with the
 * first batch, with the process connection's journal mode, synchronous and foreign keys settings;
 * one that dies fails the batches it held (the tracking buffer tries them again) and the next
 * batch starts another.
 */
export const threadBatchStore = ({ knex, file, knexPath, filename }: ThreadBatchStoreOptions): EventBatchStore => {
  let worker: Worker | undefined;
  let lastId = 0;
  const waiting = new Map<number, { resolve(stored: StoredBatch): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  const start = async (trx: Knex.Transaction) => {
    const workerData: WriteThreadData = { knexPath, filename, pragmas: await settingsOf(trx) };
    const thread = new Worker(file, { workerData });
    thread.on('message', (reply: WriteReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      // Idle, the thread does not keep the process alive; with a batch in hand it does.
      if (!waiting.size) thread.unref();
      if (!pending) return;
      if ('stored' in reply) pending.resolve(reply.stored);
      else pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    thread.on('error', (error: Error) => failAll(new Error(`campaigns: the event write thread failed: ${error.message}`)));
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      failAll(new Error(`campaigns: the event write thread stopped (exit code ${code})`));
    });
    return thread;
  };

  const ask = (thread: Worker, events: readonly DeliveryEvent[], now: number) =>
    new Promise<StoredBatch>((resolve, reject) => {
      const request: WriteRequest = { id: ++lastId, events, now };
      waiting.set(request.id, { resolve, reject });
      thread.ref();
      thread.postMessage(request);
    });

  return {
    write: (events, now) =>
      knex.transaction(async (trx) => {
        worker ??= await start(trx);
        return ask(worker, events, now);
      }),
    async close() {
      const thread = worker;
      worker = undefined;
      if (thread) await thread.terminate();
    },
  };
};
