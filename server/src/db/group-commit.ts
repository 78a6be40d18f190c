import type { Knex } from 'knex';

type Work<T> = (trx: Knex.Transaction) => Promise<T>;

interface Unit {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs small units of work in shared transactions: what arrives while one transaction is being
 * written waits and goes, together, into the next. On SQLite each commit is an fsync that blocks
 * the event loop, so twenty send jobs claiming at once cost one commit instead of twenty. Only for
 * a single-connection database (SQLite): there, units cannot lock each other out. A transaction
 * that fails fails every unit in it.
 */
export const groupCommit = (knex: Knex) => {
  let queue: Unit[] = [];
  let writing = false;

  const drain = async () => {
    writing = true;
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        const results = await knex.transaction(async (trx) => {
          const out: unknown[] = [];
          for (const unit of batch) out.push(await unit.work(trx));
          return out;
        });
        batch.forEach((unit, i) => unit.resolve(results[i]));
      } catch (error) {
        for (const unit of batch) unit.reject(error);
      }
    }
    writing = false;
  };

  return <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!writing) void drain();
    });
};
