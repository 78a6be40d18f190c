import { Redis, type RedisOptions } from 'ioredis';
import type { PluginConfig } from '../config/schema';

/**
 * One ioredis client for commands (queues, rate limits); BullMQ duplicates it for the blocking
 * connections its workers need. `maxRetriesPerRequest: null` is what BullMQ requires of workers.
 */
export const createRedisConnection = (redis: PluginConfig['redis']): Redis => {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: true,
    connectionName: 'campaigns',
  };
  if (redis.url) {
    const client = new Redis(redis.url, options);
    return client;
  }
  return new Redis({
    ...options,
    host: redis.host,
    port: redis.port,
    db: redis.db,
    username: redis.username,
    password: redis.password,
    tls: redis.tls ? {} : undefined,
  });
};

export const describeRedis = (redis: PluginConfig['redis']) =>
  redis.url ? redis.url.replace(/\/\/([^@/]*)@/, '//***@') : `redis://${redis.host}:${redis.port}/${redis.db}`;
