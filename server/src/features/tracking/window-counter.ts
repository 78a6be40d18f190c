import type { RedisClient } from '../../queue/connection';
import type { WindowCount } from './public-limits';

/**
 * Counts one request in each key's fixed window and answers, per key, the count and the
 * milliseconds left in its window. The window starts with its first request and its key expires
 * with it, so Redis holds nothing for quiet clients. One script: every instance sharing the Redis
 * counts atomically in the same windows. KEYS: the counters, under the plugin's prefix (a hash tag
 * in a Redis Cluster, where one script's keys must share a slot); ARGV: the window in milliseconds.
 */
const HIT = `
local window = tonumber(ARGV[1])
local out = {}
for _, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if count == 1 or ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

type WithHit = RedisClient & { campaignsWindowHit(keyCount: number, ...args: Array<string | number>): Promise<number[]> };

export const createWindowCounter = (redis: RedisClient) => {
  const client = redis as WithHit;
  if (typeof client.campaignsWindowHit !== 'function') client.defineCommand('campaignsWindowHit', { lua: HIT });

  return {
    /** Fails at once while Redis is not connected: the connection queues commands until it is back, and a recipient must not wait for that. */
    async hit(keys: readonly string[], windowMs: number): Promise<WindowCount[]> {
      if (client.status !== 'ready') throw new Error(`Redis is not connected (${client.status})`);
      const flat = await client.campaignsWindowHit(keys.length, ...keys, windowMs);
      return keys.map((_, i) => ({ count: Number(flat[i * 2]), ttlMs: Number(flat[i * 2 + 1]) }));
    },
  };
};

export type WindowCounter = ReturnType<typeof createWindowCounter>;
