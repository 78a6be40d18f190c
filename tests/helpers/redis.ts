import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { deleteRedisPrefix as deleteKeysUnder } from '../../scripts/lib/redis-prefix';

export const redisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';

/** A key prefix of its own per test file, so tests share a Redis without touching each other's keys. */
export const uniqueRedisPrefix = () => `campaigns-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Deletes the keys under the prefix: only what this test created. */
export const deleteRedisPrefix = (prefix: string) => deleteKeysUnder(redisUrl(), prefix);

/**
 * A connection to the test Redis and a key prefix of this file's own: connected in beforeAll; in
 * afterAll the keys under the prefix are deleted and the connection closed.
 */
export const useRedisPrefix = () => {
  const prefix = uniqueRedisPrefix();
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(redisUrl());
  });
  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    redis?.disconnect();
  });
  const connected = () => {
    if (!redis) throw new Error('the Redis connection opens in beforeAll: use it from tests and hooks');
    return redis;
  };
  return { prefix, redis: connected };
};
