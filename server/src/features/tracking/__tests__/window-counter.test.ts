import type { Redis } from 'ioredis';
import { createWindowCounter } from '../window-counter';

test('adding fails at once while Redis is reconnecting, rather than queue behind the connection', async () => {
  const campaignsWindowAdd = jest.fn();
  const redis = { status: 'reconnecting', defineCommand: jest.fn(), campaignsWindowAdd } as unknown as Redis;
  await expect(createWindowCounter(redis).add([{ key: 'k', by: 1, windowMs: 1000 }])).rejects.toThrow(
    'Redis is not connected (reconnecting)'
  );
  expect(campaignsWindowAdd).not.toHaveBeenCalled();
});

test('the keys, then each key its addition and window; each key answers its count and the milliseconds left', async () => {
  const campaignsWindowAdd = jest.fn().mockResolvedValue([3, 1200, 1, 60000]);
  const redis = { status: 'ready', defineCommand: jest.fn(), campaignsWindowAdd } as unknown as Redis;
  const counts = await createWindowCounter(redis).add([
    { key: 'a', by: 2, windowMs: 60000 },
    { key: 'b', by: 1, windowMs: 60000 },
  ]);
  expect(campaignsWindowAdd).toHaveBeenCalledWith(2, 'a', 'b', 2, 60000, 1, 60000);
  expect(counts).toEqual([
    { count: 3, ttlMs: 1200 },
    { count: 1, ttlMs: 60000 },
  ]);
});
