import { AsyncResource } from 'node:async_hooks';

/**
 * Runs mirror tasks one after another per key (one source document), so that a create and the
 * update that follows it never race each other into two contacts; keeps track of what is under
 * way so shutdown and tests can wait for it.
 *
 * Tasks run in the async scope of the runner's creation (bootstrap), not in the scope of the
 * write that scheduled them: Strapi keeps its transaction in an AsyncLocalStorage, and a task
 * started from a commit callback would otherwise inherit that finished transaction's state and
 * its commit callback list.
 */
export const createRunner = () => {
  const scope = new AsyncResource('campaigns.audience-sources');
  const tails = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();

  const run = <T>(key: string, task: () => Promise<T>): Promise<T> =>
    scope.runInAsyncScope(() => {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(task);
      tails.set(key, next);
      pending.add(next);
      const settle = () => {
        pending.delete(next);
        if (tails.get(key) === next) tails.delete(key);
      };
      next.then(settle, settle);
      return next;
    });

  return {
    run,
    /** Resolves once every task started so far, and any they started, has finished. */
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
};

export type Runner = ReturnType<typeof createRunner>;
