import { retryDelayMs } from '../backoff';

test('doubles from the base delay per try made, capped at six hours', () => {
  expect([1, 2, 3, 4].map((n) => retryDelayMs(60, n))).toEqual([60_000, 120_000, 240_000, 480_000]);
  expect(retryDelayMs(60, 30)).toBe(6 * 3600 * 1000);
  expect(retryDelayMs(0, 3)).toBe(0);
});
