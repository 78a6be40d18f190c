type Teardown = () => unknown;

const teardowns: Teardown[] = [];

/**
 * Jest runs afterAll hooks in the order they were declared, but what a file sets up first must go
 * last: the SMTP sink outlives the app whose pooled connections it holds, or its close waits for
 * them. Teardowns given here run in reverse order, from one afterAll that the first of them
 * declares; call it at a file's top level, as the use* helpers are.
 */
export const afterAllInReverse = (teardown: Teardown) => {
  if (teardowns.length === 0) {
    afterAll(async () => {
      // Every teardown runs even when one fails (an open sink or app would keep jest alive); the first error is reported.
      const errors: unknown[] = [];
      while (teardowns.length)
        await Promise.resolve()
          .then(teardowns.pop()!)
          .catch((error) => errors.push(error));
      if (errors.length) throw errors[0];
    });
  }
  teardowns.push(teardown);
};
