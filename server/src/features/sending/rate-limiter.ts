import type { RedisClient } from '../../queue/connection';

/**
 * Reserves send slots for a group of messages, in order: for each, the next slot of the global
 * bucket and of its recipient's domain bucket, until a message had to wait `maxWait` or more (that
 * one keeps its slots and closes the group). Answers each reserved message's wait. Each bucket
 * keeps its "theoretical arrival time" in microseconds (GCRA without a burst): every process
 * reserving through the same Redis shares the rate, and nobody is refused, only told when. Times
 * come from Redis so clocks of different hosts do not matter. KEYS: the global bucket, then the
 * domain buckets; ARGV: maxWait, the global interval, then per message its domain key's index
 * (0 for none) and that domain's interval, all in microseconds. Every key is named by the caller
 * under one prefix: in a Redis Cluster that prefix is a hash tag, so a script's keys share a slot.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local maxWait = tonumber(ARGV[1])
local globalInterval = tonumber(ARGV[2])
local tats = {}
local function tatOf(i)
  if tats[i] == nil then
    local v = tonumber(redis.call('GET', KEYS[i]) or '0')
    if v < now then v = now end
    tats[i] = v
  end
  return tats[i]
end
local waits = {}
for m = 1, (#ARGV - 2) / 2 do
  if m > 1 and waits[m - 1] >= maxWait then break end
  local domain = tonumber(ARGV[1 + m * 2])
  local wait = tatOf(1) - now
  tats[1] = tatOf(1) + globalInterval
  if domain > 0 then
    if tatOf(domain) - now > wait then wait = tatOf(domain) - now end
    tats[domain] = tatOf(domain) + tonumber(ARGV[2 + m * 2])
  end
  waits[m] = wait
end
for i, tat in pairs(tats) do
  redis.call('SET', KEYS[i], tat, 'PX', math.ceil((tat - now) / 1000) + 1000)
end
return waits
`;

export interface RateLimits {
  messagesPerSecond: number;
  perDomain: Record<string, number>;
}

type WithReserve = RedisClient & { campaignsReserve(keyCount: number, ...args: Array<string | number>): Promise<number[]> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const createRateLimiter = (redis: RedisClient, prefix: string, limits: RateLimits) => {
  const client = redis as WithReserve;
  if (typeof client.campaignsReserve !== 'function') client.defineCommand('campaignsReserve', { lua: RESERVE });
  const globalKey = `${prefix}:rate:global`;

  const globalInterval = Math.ceil(1_000_000 / limits.messagesPerSecond);

  return {
    /**
     * Waits until the first messages to these addresses may go, under the global rate and their
     * domains' rates: as many as take slots until one had to wait `maxWaitMs` (at least one), in one
     * round trip to Redis. Answers how many may go now.
     */
    async acquireGroup(emails: readonly string[], maxWaitMs: number): Promise<number> {
      const keys = [globalKey];
      const args: number[] = [maxWaitMs * 1000, globalInterval];
      for (const email of emails) {
        const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
        const domainRate = limits.perDomain[domain];
        if (!domainRate) {
          args.push(0, 0);
          continue;
        }
        const key = `${prefix}:rate:domain:${domain}`;
        let index = keys.indexOf(key);
        if (index === -1) index = keys.push(key) - 1;
        args.push(index + 1, Math.ceil(1_000_000 / domainRate));
      }
      const waits = await client.campaignsReserve(keys.length, ...keys, ...args);
      const waitMs = Math.floor(Math.max(...waits) / 1000);
      if (waitMs >= 1) await sleep(waitMs);
      return waits.length;
    },
  };
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;
