/**
 * How long a delivery refused with a 4xx waits before its next try: the base delay, doubled for
 * every try already made (60 s, 2 min, 4 min...), capped at six hours.
 */
export const retryDelayMs = (baseSeconds: number, attemptsMade: number) =>
  Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attemptsMade - 1), 6 * 3600 * 1000);
