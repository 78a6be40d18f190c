import { parseConfig } from '../../server/src/config/parse';
import { createRedisConnection, type RedisClient } from '../../server/src/queue/connection';
import { createRateLimiter } from '../../server/src/features/sending/rate-limiter';
import { useAdminApp } from '../helpers/admin-app';
import { databaseUnderTest } from '../helpers/database';
import { rateLimiterChecks } from '../helpers/rate-limiter-checks';
import { uniqueRedisPrefix } from '../helpers/redis';
import {
  readKey,
  SENTINEL_MASTER,
  sentinelFailover,
  sentinelMasterPort,
  startRedisSentinel,
  useRedisServers,
} from '../helpers/redis-servers';
import { finished, seedCampaign, sendingEnv, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';
import { waitUntil } from '../helpers/wait';

// Redis and the queues are what is under test, not SQL: once, on the SQLite run.
const describeOnce = databaseUnderTest() === 'sqlite' ? describe : describe.skip;

describeOnce('on a master found through Redis Sentinel', () => {
  const sentinels = useRedisServers(startRedisSentinel);
  const sentinelOptions = () => ({ sentinels: sentinels(), name: SENTINEL_MASTER });

  describe('the rate limiter', () => {
    const prefix = uniqueRedisPrefix();
    let redis: RedisClient;
    beforeAll(async () => {
      redis = createRedisConnection(parseConfig({ redis: sentinelOptions() }).redis);
      await redis.connect();
      // While the master changes the client reports each round of asking the sentinels; the failover test judges by the outcome.
      redis.on('error', () => undefined);
    });
    afterAll(() => redis.quit());

    rateLimiterChecks(() => ({ redis, prefix }));

    test('after a failover the connection follows the new master and the limiter writes there', async () => {
      const [sentinel] = sentinels();
      const before = await sentinelMasterPort(sentinel);
      const after = await sentinelFailover(sentinel);
      expect(after).not.toBe(before);
      await waitUntil(
        async () => (await redis.info('server')).includes(`tcp_port:${after}\r\n`),
        `the connection to reach the new master on port ${after}`
      );
      const limiter = createRateLimiter(redis, `${prefix}:failover`, { messagesPerSecond: 1000, perDomain: {} });
      expect(await limiter.acquireGroup(['a@failover.test'], 20)).toBe(1);
      expect(Number(await readKey(after, `${prefix}:failover:rate:global`))).toBeGreaterThan(0);
    });
  });

  describe('the send pipeline', () => {
    const sink = useSmtpSink();
    const { strapi, api, auth } = useAdminApp({
      env: () => sendingEnv(sink().port, { CAMPAIGNS_REDIS: JSON.stringify(sentinelOptions()) }),
    });

    test('a campaign goes to each contact exactly once; the settings name the sentinels and the master', async () => {
      const people = ['ann', 'bob', 'cem'].map((name) => ({ email: `${name}@sentinel.test`, firstName: name }));
      const campaign = await seedCampaign(strapi(), 'Watched', people);
      expect((await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth())).status).toBe(200);
      expect(await waitForProgress(strapi(), campaign.documentId, finished)).toMatchObject({
        state: 'sent',
        sent: 3,
        failed: 0,
        unknown: 0,
      });
      expect(
        sink()
          .received.flatMap((m) => m.rcptTo)
          .sort()
      ).toEqual(people.map((p) => p.email).sort());

      const settings = await api().get('/campaigns/settings').set(auth());
      const [{ port }] = sentinels();
      expect(settings.body.data.redis.connection).toBe(`master "${SENTINEL_MASTER}" of sentinels 127.0.0.1:${port}, db 0`);
    });
  });
});
