import Redis from 'ioredis';
import { rateLimiterChecks } from '../helpers/rate-limiter-checks';
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

  rateLimiterChecks(() => ({ redis, prefix }));
});
