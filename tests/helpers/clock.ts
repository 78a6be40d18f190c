/** Every timer API but Date: what keeps Strapi, BullMQ, Redis and the database running on real time. */
const REAL = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Stops the clock that `Date` reads at `at` for the code under test (the app runs in this process),
 * leaving every timer real. For tests whose subject is time (one event per minute, a window
 * after sending): they set the time instead of racing it. `jest.useRealTimers()` undoes it.
 */
export const freezeDate = (at: number) => jest.useFakeTimers({ doNotFake: [...REAL], now: at });

/** Ten seconds into the current minute: what happens at one frozen instant stays in one minute. */
export const earlyInThisMinute = () => Math.floor(Date.now() / 60_000) * 60_000 + 10_000;
