import Redis from 'ioredis';
import { createRateLimiter } from '../../server/src/sending/rate-limiter';
import { deleteRedisPrefix, redisUrl, uniqueRedisPrefix } from '../helpers/redis';

describe('the rate limiter (real Redis)', () => {
  const prefix = uniqueRedisPrefix();
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl());
  });
  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    redis.disconnect();
  });

  test('a group takes slots until one has to wait, and the group after it waits its turn', async () => {
    const limiter = createRateLimiter(redis, `${prefix}:a`, { messagesPerSecond: 1000, perDomain: { 'slow.test': 10 } });
    // Fast addresses share the global 1,000/s: all ten fit within 20 ms.
    const fast = Array.from({ length: 10 }, (_, i) => `r${i}@fast.test`);
    expect(await limiter.acquireGroup(fast, 20)).toBe(10);
    // The first slow.test message goes at once, the second waits 100 ms and closes the group.
    const started = Date.now();
    expect(await limiter.acquireGroup(['a@fast.test', 'b@slow.test', 'c@slow.test', 'd@fast.test'], 20)).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    // slow.test's next slot, shared with every other caller, is 200 ms after b's, which came no
    // sooner than \`started\`. Measured from \`started\`, not from the call: a machine that stalls
    // between the calls shortens the wait but cannot bring the slot forward.
    const other = createRateLimiter(redis, `${prefix}:a`, { messagesPerSecond: 1000, perDomain: { 'slow.test': 10 } });
    expect(await other.acquireGroup(['e@SLOW.test'], 20)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  test('the global rate spaces a group: at 50/s a second message already waits 20 ms', async () => {
    const limiter = createRateLimiter(redis, `${prefix}:b`, { messagesPerSecond: 50, perDomain: {} });
    const started = Date.now();
    expect(await limiter.acquireGroup(['a@x.test', 'b@x.test', 'c@x.test'], 20)).toBe(2);
    expect(await limiter.acquireGroup(['c@x.test'], 20)).toBe(1);
    // Three slots of 20 ms: the third message went no sooner than 40 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(38);
  });
});
