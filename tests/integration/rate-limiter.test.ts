import Redis from 'ioredis';
import { databaseUnderTest } from '../helpers/database';
import { rateLimiterChecks } from '../helpers/rate-limiter-checks';
import { deleteRedisPrefix, redisUrl, uniqueRedisPrefix } from '../helpers/redis';

// The limiter talks to Redis and no database: once is enough, on the SQLite run.
const describeOnce = databaseUnderTest() === 'sqlite' ? describe : describe.skip;

describeOnce('the rate limiter (real Redis)', () => {
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
