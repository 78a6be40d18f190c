import type { Knex } from 'knex';
import { batcher } from './batcher';

type Work<T> = (trx: Knex.Transaction) => Promise<T>;

/**
 * Runs small units of work in shared transactions: what arrives while one transaction is being
 * written waits and goes, together, into the next. On SQLite each commit is an fsync that blocks
 * the event loop, so twenty send jobs claiming at once cost one commit instead of twenty. Only for
 * a single-connection database (SQLite): there, units cannot lock each other out. A transaction
 * that fails fails every unit in it.
 */
export const groupCommit = (knex: Knex) => {
  const run = batcher<Work<unknown>, unknown>((units) =>
    knex.transaction(async (trx) => {
      const out: unknown[] = [];
      for (const unit of units) out.push(await unit(trx));
      return out;
    })
  );
  return <T>(work: Work<T>) => run(work) as Promise<T>;
};
