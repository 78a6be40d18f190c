import type { ClusterOptions } from 'ioredis';
import { z } from 'zod';

const port = z.number().int().min(1).max(65535);
const node = z.strictObject({ host: z.string().min(1), port });

/**
 * Letters, digits, "-" and "_", with at most one non-empty `{hash tag}`: Redis Cluster places a key
 * by the tag alone, so keys sharing it share a slot (what BullMQ's scripts and ours need).
 */
const PREFIX = /^[A-Za-z0-9_-]*(\{[A-Za-z0-9_-]+\})?[A-Za-z0-9_-]*$/;

/** In cluster mode every key of the plugin needs the same tag: the configured prefix becomes `{prefix}` unless it has one. */
export const clusterPrefix = (prefix: string) => (prefix.includes('{') ? prefix : `{${prefix}}`);

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const clusterSchema = z.strictObject({
  // Where the client starts; it learns the other nodes from them.
  nodes: z.array(node).min(1),
  // Handed to ioredis' Cluster (natMap, dnsLookup, scaleReads, redisOptions...); the connection settings BullMQ needs are set over it.
  options: z.custom<ClusterOptions>(isPlainObject, 'an object of ioredis Cluster options').optional(),
});

const inputSchema = z.strictObject({
  url: z.string().url().optional(),
  host: z.string().min(1).optional(),
  port: port.optional(),
  db: z.number().int().min(0).max(15).optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  tls: z.boolean().default(false),
  prefix: z.string().min(1).regex(PREFIX, 'letters, digits, "-" and "_", with at most one {hash tag}').default('campaigns'),
  // Redis Sentinel: the sentinels to ask and the name of the master they watch.
  sentinels: z.array(node).min(1).optional(),
  name: z.string().min(1).optional(),
  sentinelUsername: z.string().optional(),
  sentinelPassword: z.string().optional(),
  cluster: clusterSchema.optional(),
});

type RedisInput = z.output<typeof inputSchema>;

/** The options that say where Redis is: one way of saying it at a time. */
const checkOneMode = (ctx: z.core.ParsePayload<RedisInput>) => {
  const redis = ctx.value;
  const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', input: redis, path: [path], message });
  const standalone = (['url', 'host', 'port'] as const).filter((key) => redis[key] !== undefined);
  if (redis.cluster) {
    for (const key of [...standalone, ...(redis.sentinels ? ['sentinels'] : [])])
      issue(key, 'not with cluster: the cluster nodes say where Redis is');
    if (redis.db) issue('db', 'Redis Cluster has database 0 only');
  } else if (redis.sentinels) {
    for (const key of standalone) issue(key, 'not with sentinels: the sentinels say where the master is');
    if (!redis.name) issue('name', 'the master name the sentinels watch (sentinel monitor <name> ...)');
  }
  if (!redis.sentinels) {
    for (const key of ['name', 'sentinelUsername', 'sentinelPassword'] as const) {
      if (redis[key] !== undefined) issue(key, 'only with sentinels');
    }
  }
};

/** Credentials and TLS, which apply to the Redis servers whatever the mode. */
const accessOf = (redis: RedisInput) => ({ username: redis.username, password: redis.password, tls: redis.tls });

const normalise = (redis: RedisInput) => {
  if (redis.cluster) {
    return { mode: 'cluster' as const, ...accessOf(redis), ...redis.cluster, prefix: clusterPrefix(redis.prefix) };
  }
  if (redis.sentinels) {
    return {
      mode: 'sentinel' as const,
      ...accessOf(redis),
      sentinels: redis.sentinels,
      name: redis.name!,
      sentinelUsername: redis.sentinelUsername,
      sentinelPassword: redis.sentinelPassword,
      db: redis.db ?? 0,
      prefix: redis.prefix,
    };
  }
  return {
    mode: 'standalone' as const,
    ...accessOf(redis),
    url: redis.url,
    host: redis.host ?? '127.0.0.1',
    port: redis.port ?? 6379,
    db: redis.db ?? 0,
    prefix: redis.prefix,
  };
};

/**
 * One Redis (a URL, or host and port), a master behind Sentinel, or a Redis Cluster. The output
 * says which (`mode`); in cluster mode its prefix carries the hash tag every key needs.
 */
export const redisSchema = inputSchema.check(checkOneMode).transform(normalise).prefault({});

export type RedisConfig = z.output<typeof redisSchema>;
