import { Cluster, Redis } from 'ioredis';
import { parseConfig } from '../../config/parse';
import { createRedisConnection, describeRedis } from '../connection';

const redisOf = (redis: unknown) => parseConfig({ redis }).redis;

const nodes = [
  { host: '10.0.0.1', port: 7000 },
  { host: '10.0.0.2', port: 7001 },
];
const sentinels = [
  { host: 's1', port: 26379 },
  { host: 's2', port: 26380 },
];

describe('the Redis connection', () => {
  test('cluster nodes make an ioredis Cluster whose node connections BullMQ accepts for workers', () => {
    const natMap = { '10.0.0.1:7000': { host: 'localhost', port: 17000 } };
    const client = createRedisConnection(
      redisOf({
        cluster: { nodes, options: { natMap, lazyConnect: false, redisOptions: { maxRetriesPerRequest: 3, family: 6 } } },
        password: 'pw',
        tls: true,
      })
    ) as Cluster;
    expect(client).toBeInstanceOf(Cluster);
    expect(client.status).toBe('wait');
    expect(client.options).toMatchObject({ natMap, lazyConnect: true, enableReadyCheck: true });
    expect(client.options.redisOptions).toMatchObject({ maxRetriesPerRequest: null, family: 6, password: 'pw', tls: {} });
    client.disconnect();
  });

  test('sentinels make a Redis that asks them for the master', () => {
    const client = createRedisConnection(redisOf({ sentinels, name: 'mymaster', password: 'pw', sentinelPassword: 'spw', db: 2 })) as Redis;
    expect(client).toBeInstanceOf(Redis);
    expect(client.options).toMatchObject({
      sentinels,
      name: 'mymaster',
      password: 'pw',
      sentinelPassword: 'spw',
      db: 2,
      maxRetriesPerRequest: null,
      lazyConnect: true,
    });
    client.disconnect();
  });

  test('a URL makes a Redis on it', () => {
    const client = createRedisConnection(redisOf({ url: 'redis://:pw@cache.internal:6380/4' })) as Redis;
    expect(client.options).toMatchObject({ host: 'cache.internal', port: 6380, db: 4, password: 'pw', maxRetriesPerRequest: null });
    client.disconnect();
  });

  test.each([
    ['sentinels', { sentinels: [{ host: '127.0.0.1', port: 1 }], name: 'mymaster' }, /All sentinels are unreachable/],
    ['cluster nodes', { cluster: { nodes: [{ host: '127.0.0.1', port: 1 }] } }, /None of startup nodes is available/],
  ])('unreachable %s fail the first connect instead of retrying it for ever', async (_, redis, message) => {
    const client = createRedisConnection(redisOf(redis));
    try {
      await expect(client.connect()).rejects.toThrow(message);
    } finally {
      client.disconnect();
    }
  });

  test('the description names the mode and the nodes, never a secret', () => {
    expect(describeRedis(redisOf({ cluster: { nodes }, password: 'secret-pw' }))).toBe('cluster 10.0.0.1:7000, 10.0.0.2:7001');
    expect(describeRedis(redisOf({ sentinels, name: 'mymaster', password: 'secret-pw', sentinelPassword: 'secret-spw' }))).toBe(
      'master "mymaster" of sentinels s1:26379, s2:26380, db 0'
    );
    expect(describeRedis(redisOf({ url: 'redis://user:secret-pw@cache.internal:6380/4' }))).toBe('redis://***@cache.internal:6380/4');
    expect(describeRedis(redisOf({ host: 'cache.internal', password: 'secret-pw' }))).toBe('redis://cache.internal:6379/0');
  });
});
