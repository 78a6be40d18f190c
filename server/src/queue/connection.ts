import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/redis';

/** What the plugin talks to: one Redis (on its own or a master found through Sentinel), or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** `maxRetriesPerRequest: null` is what BullMQ requires of workers: their blocking commands wait through a reconnection. */
const COMMAND_OPTIONS = { maxRetriesPerRequest: null, connectionName: 'campaigns' } satisfies RedisOptions;

const SENTINEL_ROUNDS_AT_BOOT = 5;

/** Only what is configured: in cluster mode these go over `options.redisOptions`, which may hold its own. */
const credentials = (redis: RedisConfig) => ({
  ...(redis.username !== undefined && { username: redis.username }),
  ...(redis.password !== undefined && { password: redis.password }),
  ...(redis.tls && { tls: {} }),
});

/**
 * One ioredis client for commands (queues, rate limits); BullMQ duplicates it for the blocking
 * connections its workers need. It connects when asked (`connect()`), so an unreachable Redis is
 * reported where the boot can say which option is wrong.
 */
export const createRedisConnection = (redis: RedisConfig): RedisClient => {
  switch (redis.mode) {
    case 'cluster':
      return new Cluster(redis.nodes, {
        ...redis.options,
        lazyConnect: true,
        // "ready" only once CLUSTER INFO says every slot is served.
        enableReadyCheck: true,
        redisOptions: { ...redis.options?.redisOptions, ...COMMAND_OPTIONS, ...credentials(redis) },
      });
    case 'sentinel': {
      let connectedOnce = false;
      const client = new Redis({
        ...COMMAND_OPTIONS,
        lazyConnect: true,
        enableReadyCheck: true,
        sentinels: redis.sentinels,
        name: redis.name,
        sentinelUsername: redis.sentinelUsername,
        sentinelPassword: redis.sentinelPassword,
        // ioredis asks unreachable sentinels again for ever, so a first connect() would hang the boot
        // instead of failing: it gives up after a few rounds until it has once connected. Later a
        // round that gave up would end the client for good, so a running app keeps asking.
        sentinelRetryStrategy: (rounds) => (connectedOnce || rounds <= SENTINEL_ROUNDS_AT_BOOT ? Math.min(rounds * 10, 1000) : null),
        db: redis.db,
        ...credentials(redis),
        ...(redis.tls && { enableTLSForSentinelMode: true, sentinelTLS: {} }),
      });
      client.once('ready', () => {
        connectedOnce = true;
      });
      return client;
    }
    case 'standalone': {
      const options = { ...COMMAND_OPTIONS, lazyConnect: true, enableReadyCheck: true };
      if (redis.url) return new Redis(redis.url, options);
      return new Redis({ ...options, host: redis.host, port: redis.port, db: redis.db, ...credentials(redis) });
    }
  }
};

const addresses = (nodes: ReadonlyArray<{ host: string; port: number }>) => nodes.map(({ host, port }) => `${host}:${port}`).join(', ');

/** Where the plugin's Redis is, for logs, errors and the settings page: the mode and its nodes, never a secret. */
export const describeRedis = (redis: RedisConfig) => {
  switch (redis.mode) {
    case 'cluster':
      return `cluster ${addresses(redis.nodes)}`;
    case 'sentinel':
      return `master "${redis.name}" of sentinels ${addresses(redis.sentinels)}, db ${redis.db}`;
    case 'standalone':
      return redis.url ? redis.url.replace(/\/\/([^@/]*)@/, '//***@') : `redis://${redis.host}:${redis.port}/${redis.db}`;
  }
};
