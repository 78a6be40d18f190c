import { randomBytes } from 'node:crypto';
import { deleteRedisPrefix as deleteKeysUnder } from '../../scripts/lib/redis-prefix';

export const redisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';

/** A key prefix of its own per test file, so tests share a Redis without touching each other's keys. */
export const uniqueRedisPrefix = () => `campaigns-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Deletes the keys under the prefix: only what this test created. */
export const deleteRedisPrefix = (prefix: string) => deleteKeysUnder(redisUrl(), prefix);
