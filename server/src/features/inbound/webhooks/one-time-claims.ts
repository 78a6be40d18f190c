import type { RedisClient } from '../../../queue/connection';

/** One-time values (Mailgun's tokens) claimed in Redis, so a replay is refused whichever instance it reaches. */
export const redisClaims = (redis: RedisClient, prefix: string) => {
  const keyOf = (key: string) => `${prefix}:inbound:once:${key}`;
  return {
    async claimOnce(key: string, ttlSeconds: number) {
      return (await redis.set(keyOf(key), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    async release(key: string) {
      await redis.del(keyOf(key));
    },
  };
};
