import { parseConfig } from '../parse';

const redisOf = (redis: unknown) => parseConfig({ redis }).redis;
const errorOf = (redis: unknown) => {
  try {
    parseConfig({ redis });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the options were accepted');
};

describe('redis options', () => {
  test('a URL, or host and port, is one Redis as before', () => {
    expect(redisOf({ url: 'redis://:pw@redis.internal:6380/2', prefix: 'shop' })).toEqual({
      mode: 'standalone',
      url: 'redis://:pw@redis.internal:6380/2',
      host: '127.0.0.1',
      port: 6379,
      db: 0,
      tls: false,
      prefix: 'shop',
    });
    expect(redisOf({ host: 'redis.internal', port: 6380, db: 3, password: 'pw', tls: true })).toMatchObject({
      mode: 'standalone',
      host: 'redis.internal',
      port: 6380,
      db: 3,
      password: 'pw',
      tls: true,
    });
  });

  test('sentinels with the master name they watch', () => {
    expect(
      redisOf({
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26379 },
        ],
        name: 'mymaster',
        password: 'master-pw',
        sentinelPassword: 'sentinel-pw',
        db: 1,
      })
    ).toEqual({
      mode: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'mymaster',
      password: 'master-pw',
      sentinelPassword: 'sentinel-pw',
      db: 1,
      tls: false,
      prefix: 'campaigns',
    });
  });

  test('cluster nodes, with the prefix wrapped in a hash tag unless it has one', () => {
    const nodes = [
      { host: '10.0.0.1', port: 7000 },
      { host: '10.0.0.2', port: 7000 },
    ];
    expect(redisOf({ cluster: { nodes } })).toEqual({ mode: 'cluster', nodes, tls: false, prefix: '{campaigns}' });
    expect(redisOf({ cluster: { nodes }, prefix: 'shop' }).prefix).toBe('{shop}');
    expect(redisOf({ cluster: { nodes }, prefix: 'shop-{eu}' }).prefix).toBe('shop-{eu}');
    const natMap = { '10.0.0.1:7000': { host: 'localhost', port: 17000 } };
    expect(redisOf({ cluster: { nodes, options: { natMap } }, password: 'pw' })).toMatchObject({
      mode: 'cluster',
      options: { natMap },
      password: 'pw',
    });
  });

  test('a prefix outside cluster mode is kept as written, a tag included', () => {
    expect(redisOf({ prefix: '{shop}' }).prefix).toBe('{shop}');
  });

  test.each([
    [{ prefix: 'a:b' }, 'campaigns.redis.prefix: letters, digits, "-" and "_", with at most one {hash tag}'],
    [{ prefix: '{a}{b}' }, 'campaigns.redis.prefix: letters, digits'],
    [{ prefix: '{}' }, 'campaigns.redis.prefix: letters, digits'],
    [{ prefix: '' }, 'campaigns.redis.prefix'],
    [{ sentinels: [{ host: 's1', port: 26379 }] }, 'campaigns.redis.name: the master name the sentinels watch'],
    [{ sentinels: [], name: 'm' }, 'campaigns.redis.sentinels'],
    [{ sentinels: [{ host: 's1' }], name: 'm' }, 'campaigns.redis.sentinels[0].port'],
    [{ sentinels: [{ host: 's1', port: 26379 }], name: 'm', url: 'redis://x:6379' }, 'campaigns.redis.url: not with sentinels'],
    [{ name: 'mymaster' }, 'campaigns.redis.name: only with sentinels'],
    [{ sentinelPassword: 'pw' }, 'campaigns.redis.sentinelPassword: only with sentinels'],
    [{ cluster: { nodes: [] } }, 'campaigns.redis.cluster.nodes'],
    [{ cluster: { nodes: [{ host: 'n1', port: 7000 }], replicas: 1 } }, 'campaigns.redis.cluster.replicas: unknown option'],
    [
      { cluster: { nodes: [{ host: 'n1', port: 7000 }], options: 'fast' } },
      'campaigns.redis.cluster.options: an object of ioredis Cluster options',
    ],
    [
      { cluster: { nodes: [{ host: 'n1', port: 7000 }] }, host: 'n1', port: 7000 },
      'campaigns.redis.host: not with cluster: the cluster nodes say where Redis is; campaigns.redis.port: not with cluster',
    ],
    [
      { cluster: { nodes: [{ host: 'n1', port: 7000 }] }, sentinels: [{ host: 's1', port: 26379 }], name: 'm' },
      'campaigns.redis.sentinels: not with cluster',
    ],
    [{ cluster: { nodes: [{ host: 'n1', port: 7000 }] }, db: 2 }, 'campaigns.redis.db: Redis Cluster has database 0 only'],
  ])('refuses %j', (redis, message) => {
    expect(errorOf(redis)).toContain(message);
  });
});
