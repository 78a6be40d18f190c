import type { Redis } from 'ioredis';
import { createWindowCounter } from '../window-counter';

test('counting fails at once while Redis is reconnecting, rather than queue behind the connection', async () => {
  const campaignsWindowHit = jest.fn();
  const redis = { status: 'reconnecting', defineCommand: jest.fn(), campaignsWindowHit } as unknown as Redis;
  await expect(createWindowCounter(redis).hit(['k'], 1000)).rejects.toThrow('Redis is not connected (reconnecting)');
  expect(campaignsWindowHit).not.toHaveBeenCalled();
});

test('each key answers its count and the milliseconds left in its window', async () => {
  const redis = {
    status: 'ready',
    defineCommand: jest.fn(),
    campaignsWindowHit: jest.fn().mockResolvedValue([3, 1200, 1, 60000]),
  } as unknown as Redis;
  expect(await createWindowCounter(redis).hit(['a', 'b'], 60000)).toEqual([
    { count: 3, ttlMs: 1200 },
    { count: 1, ttlMs: 60000 },
  ]);
});
