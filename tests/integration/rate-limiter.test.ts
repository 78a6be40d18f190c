import { rateLimiterChecks } from '../helpers/rate-limiter-checks';
import { useRedisPrefix } from '../helpers/redis';

describe('the rate limiter (real Redis)', () => {
  const { prefix, redis } = useRedisPrefix();

  rateLimiterChecks(() => ({ redis: redis(), prefix }));
});
