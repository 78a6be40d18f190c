import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../../queue/connection';

// Only the holder's token may extend or delete the key: a lease that expired and was taken by another instance is left alone.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

type WithLeaseCommands = RedisClient & {
  campaignsLeaseRenew(key: string, token: string, ttlMs: number): Promise<number>;
  campaignsLeaseRelease(key: string, token: string): Promise<number>;
};

/** One holder of a named lease across every process on the Redis, kept while it renews. */
export interface Lease {
  /** False once it was released, or lost (not renewed in time, or taken over after it expired). */
  readonly held: boolean;
  /** Called once when the lease is lost without being released. */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

/**
 * Leases in Redis: a key set only if absent (`SET NX PX`) with a random token, extended every
 * third of its time to live and deleted on release, both only by its token. A holder that stops
 * renewing (a crash, a lost Redis) loses it when the key expires, and another process takes over.
 */
export const createLeases = (redis: RedisClient, prefix: string) => {
  const client = redis as WithLeaseCommands;
  if (typeof client.campaignsLeaseRenew !== 'function') {
    client.defineCommand('campaignsLeaseRenew', { numberOfKeys: 1, lua: RENEW });
    client.defineCommand('campaignsLeaseRelease', { numberOfKeys: 1, lua: RELEASE });
  }

  return {
    /** The lease, or null when another process holds it. */
    async acquire(name: string, ttlMs: number): Promise<Lease | null> {
      const key = `${prefix}:lease:${name}`;
      const token = randomUUID();
      if ((await client.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;

      let held = true;
      const listeners: Array<() => void> = [];
      const lose = () => {
        if (!held) return;
        held = false;
        clearInterval(timer);
        for (const listener of listeners) listener();
      };
      const timer = setInterval(
        () => {
          // The connection queues commands while it is down, so a renewal would wait, not fail: once the key
          // may have expired another process can take it, so a holder that cannot renew now stops as if it had.
          if (client.status !== 'ready') return lose();
          client.campaignsLeaseRenew(key, token, ttlMs).then((renewed) => {
            if (!renewed) lose();
          }, lose);
        },
        Math.floor(ttlMs / 3)
      );

      return {
        get held() {
          return held;
        },
        onLost(listener) {
          listeners.push(listener);
        },
        async release() {
          if (!held) return;
          held = false;
          clearInterval(timer);
          // Without Redis the key expires on its own; waiting for the connection would hold up a shutdown.
          if (client.status === 'ready') await client.campaignsLeaseRelease(key, token);
        },
      };
    },
  };
};

export type Leases = ReturnType<typeof createLeases>;
