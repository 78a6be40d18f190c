import type { Redis } from 'ioredis';

/**
 * Reserves the next send slot of each bucket (the global one and the recipient's domain) and answers
 * how long to wait for the latest of them. Each bucket keeps its "theoretical arrival time" in
 * microseconds (GCRA without a burst): every process reserving through the same Redis shares the
 * rate, and nobody is refused, only told when. Times come from Redis so clocks of different hosts
 * do not matter.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local wait = 0
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i])
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  if tat - now > wait then wait = tat - now end
  redis.call('SET', key, tat + interval, 'PX', math.ceil((tat + interval - now) / 1000) + 1000)
end
return wait
`;

export interface RateLimits {
  messagesPerSecond: number;
  perDomain: Record<string, number>;
}

type WithReserve = Redis & { campaignsReserve(keyCount: number, ...args: Array<string | number>): Promise<number> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const createRateLimiter = (redis: Redis, prefix: string, limits: RateLimits) => {
  const client = redis as WithReserve;
  if (typeof client.campaignsReserve !== 'function') client.defineCommand('campaignsReserve', { lua: RESERVE });
  const globalKey = `${prefix}:rate:global`;

  return {
    /** Waits until one message to this address may go, under the global and its domain's rate; answers the milliseconds it waited for its slot. */
    async acquire(email: string): Promise<number> {
      const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
      const domainRate = limits.perDomain[domain];
      const keys = [globalKey];
      const intervals = [Math.ceil(1_000_000 / limits.messagesPerSecond)];
      if (domainRate) {
        keys.push(`${prefix}:rate:domain:${domain}`);
        intervals.push(Math.ceil(1_000_000 / domainRate));
      }
      const waitMicros = await client.campaignsReserve(keys.length, ...keys, ...intervals);
      const waitMs = Math.floor(waitMicros / 1000);
      if (waitMs >= 1) await sleep(waitMs);
      return waitMs;
    },
  };
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;
