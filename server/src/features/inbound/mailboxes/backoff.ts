/** The first reconnection waits this long; each failed attempt doubles it, up to the cap. */
export const RECONNECT_BASE_MS = 1_000;
/** A server down for hours is tried every five minutes, no more often. */
export const RECONNECT_CAP_MS = 5 * 60_000;

/** How long to wait before attempt `attempt + 1`, after `attempt` failures in a row (1 for the first). */
export const reconnectDelayMs = (attempt: number, baseMs = RECONNECT_BASE_MS, capMs = RECONNECT_CAP_MS): number => {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, got ${attempt}`);
  // 2 ** 30 already passes any cap; the exponent is bounded so the product stays finite.
  return Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 30));
};
