import type { Cluster } from 'ioredis';
import { parseConfig } from '../../server/src/config/parse';
import { clusterPrefix } from '../../server/src/config/redis';
import { createRedisConnection, type RedisClient } from '../../server/src/queue/connection';
import { createWindowCounter } from '../../server/src/features/tracking/window-counter';
import { useAdminApp } from '../helpers/admin-app';
import { databaseUnderTest } from '../helpers/database';
import { rateLimiterChecks } from '../helpers/rate-limiter-checks';
import { uniqueRedisPrefix } from '../helpers/redis';
import { startRedisCluster, useRedisServers } from '../helpers/redis-servers';
import { finished, seedCampaign, sendingEnv, TEST_PUBLIC_URL, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';
import { syncPublicLimits } from '../helpers/tracking';

// Redis and the queues are what is under test, not SQL: once, on the SQLite run.
const describeOnce = databaseUnderTest() === 'sqlite' ? describe : describe.skip;

describeOnce('on a three-node Redis Cluster', () => {
  const nodes = useRedisServers(startRedisCluster);
  const clusterOptions = () => ({ cluster: { nodes: nodes() } });

  /** A client of the plugin's own making, connected: the same code path as the app's. */
  const connect = async () => {
    const client = createRedisConnection(parseConfig({ redis: clusterOptions() }).redis);
    await client.connect();
    return client;
  };

  describe('the rate limiter and the public limits counter', () => {
    const prefix = clusterPrefix(uniqueRedisPrefix());
    let redis: RedisClient;
    beforeAll(async () => {
      redis = await connect();
    });
    afterAll(() => redis.quit());

    rateLimiterChecks(() => ({ redis, prefix }));

    test('the window counter adds to a token and an IP in one script, their keys sharing the tag', async () => {
      const counter = createWindowCounter(redis);
      const adds = (keys: string[], by: number) => keys.map((key) => ({ key, by, windowMs: 60_000 }));
      const keys = [`${prefix}:public:token:click:1.2`, `${prefix}:public:ip:203.0.113.7`];
      expect((await counter.add(adds(keys, 1))).map((c) => c.count)).toEqual([1, 1]);
      expect((await counter.add(adds(keys, 3))).map((c) => c.count)).toEqual([4, 4]);
      // The cluster is real: without the shared tag the same two keys are refused, slot against slot.
      await expect(counter.add(adds(['untagged:token:1', 'untagged:ip:2'], 1))).rejects.toThrow(/CROSSSLOT/);
    });
  });

  describe('the send pipeline', () => {
    const sink = useSmtpSink();
    const { app, strapi, api, auth } = useAdminApp({
      env: () => sendingEnv(sink().port, { CAMPAIGNS_REDIS: JSON.stringify(clusterOptions()) }),
    });

    /** Every key in the cluster under this app's prefix, from every master. */
    const keysOf = async (client: Cluster, prefix: string) =>
      (await Promise.all(client.nodes('master').map((node) => node.keys(`${prefix}*`)))).flat();

    test('a campaign goes to each contact exactly once, every queue key in one slot, and a click is counted', async () => {
      const people = ['ann', 'bob', 'cem', 'dia'].map((name) => ({ email: `${name}@cluster.test`, firstName: name }));
      const campaign = await seedCampaign(strapi(), 'Clustered', people);
      const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
      expect(res.status).toBe(200);
      const progress = await waitForProgress(strapi(), campaign.documentId, finished);
      expect(progress).toMatchObject({ state: 'sent', targeted: 4, sent: 4, failed: 0, unknown: 0 });
      expect(
        sink()
          .received.flatMap((m) => m.rcptTo)
          .sort()
      ).toEqual(people.map((p) => p.email).sort());

      const prefix = clusterPrefix(app().redisPrefix);
      const html = String((await sink().parse(sink().received[0])).html);
      const click = new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/c/[A-Za-z0-9._-]+)`).exec(html)![1];
      // A token's first requests (publicLimits.firstPerToken, 5) are counted in process alone: the sixth goes to Redis.
      for (let i = 0; i < 6; i++) expect((await api().get(click)).status).toBe(302);
      await syncPublicLimits(strapi());

      const client = (await connect()) as Cluster;
      try {
        const keys = await keysOf(client, prefix);
        expect(keys).toEqual(
          expect.arrayContaining([expect.stringMatching(/:campaigns-send:/), expect.stringMatching(/:campaigns-dispatch:/)])
        );
        expect(keys.filter((key) => key.startsWith(`${prefix}:public:token:click:`))).toHaveLength(1);
        const slots = new Set(await Promise.all(keys.map((key) => client.cluster('KEYSLOT', key))));
        expect(slots.size).toBe(1);
      } finally {
        await client.quit();
      }
    });

    test('the settings name the cluster nodes and the tagged prefix, and see the workers on it', async () => {
      const res = await api().get('/campaigns/settings').set(auth());
      expect(res.status).toBe(200);
      expect(res.body.data.redis).toEqual({
        connection: `cluster ${nodes()
          .map((n) => `127.0.0.1:${n.port}`)
          .join(', ')}`,
        prefix: clusterPrefix(app().redisPrefix),
      });
      const send = res.body.data.health.queues.find((q: { name: string }) => q.name === 'send');
      expect(send.workers).toBeGreaterThanOrEqual(1);
    });
  });
});
