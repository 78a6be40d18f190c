/**
 * How long a test waits for an event (a job finishing, a campaign or an import ending, a message
 * arriving). Generous, because a loaded 2-core machine is many times slower than an idle one,
 * and shorter than jest's testTimeout (jest.config.js), so that the wait's own message, which says
 * what it was waiting for and what it saw last, is what a failure shows.
 */
export const EVENT_WAIT_MS = 90_000;

/** Polls `check` until it holds; after `timeoutMs`, fails saying what it waited for. */
export const waitUntil = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = EVENT_WAIT_MS) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
