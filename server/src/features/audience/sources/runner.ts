import { AsyncResource } from 'node:async_hooks';

/**
 * Runs mirror tasks one after another, all of them: not only a create and the update that follows
 * it, but two entries that carry the same address must not race each other to one contact (per
 * document ordering let the second entry claim the contact first under load). Keeps track of
 * what is under way so shutdown and tests can wait for it.
 *
 * Tasks run in the async scope of the runner's creation (bootstrap), not in the scope of the
 * write that scheduled them: Strapi keeps its transaction in an AsyncLocalStorage, and a task
 * started from a commit callback would otherwise inherit that finished transaction's state and
 * its commit callback list.
 */
export const createRunner = () => {
  const scope = new AsyncResource('campaigns.audience-sources');
  let tail: Promise<unknown> = Promise.resolve();
  const pending = new Set<Promise<unknown>>();

  const run = <T>(task: () => Promise<T>): Promise<T> =>
    scope.runInAsyncScope(() => {
      const next = tail.catch(() => undefined).then(task);
      tail = next;
      pending.add(next);
      const settle = () => pending.delete(next);
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
