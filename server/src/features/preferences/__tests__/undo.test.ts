import { UNDO_WINDOW_MS, undoExpiry, undoOpen } from '../undo';

test('the undo lasts the window from the suppression, to the second, and not a moment longer', () => {
  const suppressedAt = Date.UTC(2026, 0, 1, 12, 0, 0, 400);
  const expiry = undoExpiry(new Date(suppressedAt).toISOString());
  expect(expiry).toBe(Math.floor((suppressedAt + UNDO_WINDOW_MS) / 1000));
  expect(undoOpen(expiry, suppressedAt)).toBe(true);
  expect(undoOpen(expiry, expiry * 1000 - 1)).toBe(true);
  expect(undoOpen(expiry, expiry * 1000)).toBe(false);
  expect(undoOpen(expiry, suppressedAt + UNDO_WINDOW_MS + 1)).toBe(false);
});
