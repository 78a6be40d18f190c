import { RECONNECT_CAP_MS, reconnectDelayMs } from '../backoff';

describe('reconnectDelayMs', () => {
  it('doubles from the base after each failure', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectDelayMs(attempt, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops at the cap', () => {
    expect(reconnectDelayMs(7, 1000, 60_000)).toBe(60_000);
    expect(reconnectDelayMs(10_000)).toBe(RECONNECT_CAP_MS);
  });

  it('refuses an attempt number that is not a count of failures', () => {
    expect(() => reconnectDelayMs(0)).toThrow(/from 1/);
    expect(() => reconnectDelayMs(1.5)).toThrow(/from 1/);
  });
});
