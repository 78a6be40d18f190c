import type { RedisClient } from '../../queue/connection';
import type { WindowCount } from './public-limits';

/**
 * Adds to each key's fixed window and answers, per key, the count and the milliseconds left in its
 * window. The window starts with its first count and its key expires with it, so Redis holds
 * nothing for quiet clients. One script: every instance sharing the Redis counts atomically in the
 * same windows. KEYS: the counters, under the plugin's prefix (a hash tag in a Redis Cluster, where
 * one script's keys must share a slot); ARGV: per key, what to add and its window in milliseconds.
 */
const ADD = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCRBY', key, tonumber(ARGV[i * 2 - 1]))
  local window = tonumber(ARGV[i * 2])
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

type WithAdd = RedisClient & { campaignsWindowAdd(keyCount: number, ...args: Array<string | number>): Promise<number[]> };

export interface WindowAdd {
  key: string;
  by: number;
  windowMs: number;
}

export const createWindowCounter = (redis: RedisClient) => {
  const client = redis as WithAdd;
  if (typeof client.campaignsWindowAdd !== 'function') client.defineCommand('campaignsWindowAdd', { lua: ADD });

  return {
    /** Fails at once while Redis is not connected: the connection would queue commands until it is back. */
    async add(adds: readonly WindowAdd[]): Promise<WindowCount[]> {
      if (client.status !== 'ready') throw new Error(`Redis is not connected (${client.status})`);
      const flat = await client.campaignsWindowAdd(adds.length, ...adds.map((a) => a.key), ...adds.flatMap((a) => [a.by, a.windowMs]));
      return adds.map((_, i) => ({ count: Number(flat[i * 2]), ttlMs: Number(flat[i * 2 + 1]) }));
    },
  };
};

export type WindowCounter = ReturnType<typeof createWindowCounter>;
