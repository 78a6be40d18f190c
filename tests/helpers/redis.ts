import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const redisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';

/** A key prefix of its own per test file, so tests share a Redis without touching each other's keys. */
export const uniqueRedisPrefix = () => `campaigns-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Deletes the keys under the prefix: only what this test created. */
export const deleteRedisPrefix = async (prefix: string) => {
  const redis = new Redis(redisUrl(), { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
};
