import { signToken, verifyToken } from '../../server/src/features/tracking/tokens';
import { useAdminApp } from '../helpers/admin-app';
import { finished, seedCampaign, sendingEnv, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../helpers/sending';
import { useSmtpSink } from '../helpers/smtp-sink';
import { flushTracking, syncPublicLimits } from '../helpers/tracking';

/** Low limits and a long window, so a few requests cross them and no window ends during the file. */
const LIMITS = { windowSeconds: 600, firstPerToken: 2, perToken: 4, perIp: 8, invalidPerIp: 3 };

const sink = useSmtpSink();
const { app, strapi, service, api, auth } = useAdminApp({
  // server.proxy.koa on: each test is a client of its own through X-Forwarded-For.
  env: () => sendingEnv(sink().port, { CAMPAIGNS_PUBLIC_LIMITS: JSON.stringify(LIMITS), SERVER_PROXY_KOA: 'true' }),
});

const people = ['ann', 'bob', 'carol', 'dave', 'erin'].map((name) => ({ email: `${name}@limits.test`, firstName: name }));
const paths: Record<string, { clicks: string[]; open: string; view: string; unsubscribe: string }> = {};

const pathsOf = (html: string, kind: string) => [
  ...new Set(
    [...html.matchAll(new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g'))].map(
      (m) => m[1]
    )
  ),
];
const tokenOf = (path: string) => path.split('/').pop()!;
const nameOf = (email: string) => email.split('@')[0];

beforeAll(async () => {
  const campaign = await seedCampaign(strapi(), 'Limited', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  for (const received of sink().received) {
    const html = String((await sink().parse(received)).html);
    paths[nameOf(received.rcptTo[0])] = {
      clicks: pathsOf(html, 'c'),
      open: pathsOf(html, 'o')[0],
      view: pathsOf(html, 'v')[0],
      unsubscribe: pathsOf(html, 'u')[0],
    };
  }
});

const get = (path: string, ip: string) => api().get(path).set('X-Forwarded-For', ip);
const oneClick = (path: string, ip: string) => api().post(path).set('X-Forwarded-For', ip).type('form').send('List-Unsubscribe=One-Click');
const redis = () => service('queues').redis();
const tokenKey = (purpose: string, ids: number[]) => `${app().redisPrefix}:public:token:${purpose}:${ids.join('.')}`;
const retryAfter = (res: { headers: Record<string, string> }) => Number(res.headers['retry-after']);
const contactState = async (email: string) => (await service('contacts').findByEmail(email))?.state;
const suppressions = (email: string) => strapi().db.query('plugin::campaigns.suppression').findMany({ where: { email } });
const unsubscribeEvents = (deliveryId: number) =>
  strapi().db.connection('campaigns_events').where({ delivery_id: deliveryId, type: 'unsubscribe' });

test('every recipient got the message', () => {
  expect(Object.keys(paths).sort()).toEqual(people.map((p) => p.firstName).sort());
});

test('one link clicked over and over is answered 429 with Retry-After from its Redis window, and passes again when the window ends', async () => {
  const click = paths.ann.clicks[0];
  const key = tokenKey('click', verifyToken(TEST_SIGNING_SECRET, 'click', tokenOf(click), 2)!);
  for (let i = 1; i <= LIMITS.perToken; i++) expect((await get(click, '198.51.100.1')).status).toBe(302);

  const limited = await get(click, '198.51.100.1');
  expect(limited.status).toBe(429);
  expect(limited.headers.location).toBeUndefined();
  expect(limited.headers['cache-control']).toMatch(/no-store/);
  // The count goes to Redis (every 100 ms), shared by every instance; Retry-After is what is left of its window.
  await syncPublicLimits(strapi());
  expect(await redis().get(key)).toBe(String(LIMITS.perToken + 1));
  const ttlSeconds = Math.ceil((await redis().pttl(key)) / 1000);
  expect(retryAfter(limited)).toBeGreaterThanOrEqual(ttlSeconds);
  expect(retryAfter(limited)).toBeLessThanOrEqual(LIMITS.windowSeconds);
  // Another IP gets the same answer: the limit is the token's.
  expect((await get(click, '198.51.100.2')).status).toBe(429);

  // The window ending is the key expiring: end it now rather than wait Retry-After seconds, once
  // nothing counted here is left to send. This process learns it at its next sync, as it would
  // learn another instance's counts.
  await syncPublicLimits(strapi());
  await redis().pexpire(key, 1);
  while ((await redis().exists(key)) === 1) await new Promise((resolve) => setImmediate(resolve));
  await get(click, '198.51.100.1');
  await syncPublicLimits(strapi());
  expect(await redis().get(key)).toBe('1');
  expect((await get(click, '198.51.100.1')).status).toBe(302);
});

test("a busy IP is limited per IP, yet each token's first requests from it still pass", async () => {
  const ip = '198.51.100.20';
  const bob = paths.bob;
  const busy = [bob.clicks[0], bob.clicks[1], bob.view, bob.open];
  for (const path of busy) {
    for (let i = 0; i < LIMITS.firstPerToken; i++) expect((await get(path, ip)).status).toBeLessThan(400);
  }
  // 8 requests from this IP so far: the next one beyond a token's first requests is over perIp.
  const limited = await get(bob.clicks[0], ip);
  expect(limited.status).toBe(429);
  expect(retryAfter(limited)).toBeGreaterThan(0);
  expect(retryAfter(limited)).toBeLessThanOrEqual(LIMITS.windowSeconds);
  // The same link from another IP is within both limits.
  expect((await get(bob.clicks[0], '198.51.100.21')).status).toBe(302);

  // A recipient behind the busy IP (an office, an image proxy) is never refused their first requests.
  expect((await get(paths.dave.clicks[0], ip)).status).toBe(302);
  expect((await get(paths.dave.unsubscribe, ip)).status).toBe(200);
  const first = await oneClick(paths.dave.unsubscribe, ip);
  expect(first.status).toBe(200);
  expect(await contactState('dave@limits.test')).toBe('unsubscribed');
});

test('invalid tokens are limited per IP without costing the genuine tokens from that IP', async () => {
  const ip = '198.51.100.30';
  const forged = (n: number) => `/api/campaigns/t/c/${signToken('another-secret-of-at-least-32-characters', 'click', [n, 1])}`;
  for (let n = 1; n <= LIMITS.invalidPerIp; n++) expect((await get(forged(n), ip)).status).toBe(404);
  const limited = await get(forged(99), ip);
  expect(limited.status).toBe(429);
  expect(retryAfter(limited)).toBeGreaterThan(0);
  expect((await get('/api/campaigns/t/o/not-a-token', ip)).status).toBe(429);
  // Another IP is not concerned, and a genuine token from the flooding IP still works.
  expect((await get(forged(100), '198.51.100.31')).status).toBe(404);
  expect((await get(paths.erin.clicks[0], ip)).status).toBe(302);
});

test('a one-click unsubscribe over the limit is applied all the same; only its answer is 429', async () => {
  const ip = '198.51.100.40';
  const carol = paths.carol.unsubscribe;
  const deliveryId = verifyToken(TEST_SIGNING_SECRET, 'unsubscribe', tokenOf(carol), 1)![0];
  // The unsubscribe page's GETs use up the token's allowance (a scanner reloading it, say).
  for (let i = 0; i < LIMITS.perToken; i++) expect((await get(carol, ip)).status).toBe(200);
  expect(await contactState('carol@limits.test')).toBe('subscribed');

  const limited = await oneClick(carol, ip);
  expect(limited.status).toBe(429);
  expect(retryAfter(limited)).toBeGreaterThan(0);
  expect(limited.text).toContain('c***@limits.test');
  expect(await contactState('carol@limits.test')).toBe('unsubscribed');
  expect(await suppressions('carol@limits.test')).toHaveLength(1);

  // More POSTs stay throttled and harmless: still one suppression, one event.
  for (let i = 0; i < 3; i++) expect((await oneClick(carol, ip)).status).toBe(429);
  await flushTracking(strapi());
  expect(await suppressions('carol@limits.test')).toHaveLength(1);
  expect(await unsubscribeEvents(deliveryId)).toHaveLength(1);
});

test('a malformed multipart body on a public route gets 400 with a message, a well-formed one is accepted', async () => {
  const erin = paths.erin.unsubscribe;
  for (const contentType of ['multipart/form-data; boundary=xyz', 'multipart/form-data']) {
    const res = await api()
      .post(erin)
      .set('X-Forwarded-For', '198.51.100.50')
      .set('Content-Type', contentType)
      .send('not multipart at all');
    expect({ contentType, status: res.status }).toEqual({ contentType, status: 400 });
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toMatch(/multipart\/form-data/);
  }
  expect(await contactState('erin@limits.test')).toBe('subscribed');

  // RFC 8058 as mailbox providers send it: multipart with the one field.
  const wellFormed = await api().post(erin).set('X-Forwarded-For', '198.51.100.50').field('List-Unsubscribe', 'One-Click');
  expect(wellFormed.status).toBe(200);
  expect(await contactState('erin@limits.test')).toBe('unsubscribed');
});

test("a malformed multipart body on the plugin's admin import upload gets 400, not 500", async () => {
  for (const path of ['/campaigns/imports', '/campaigns/imports/preview']) {
    const res = await api()
      .post(path)
      .set(auth())
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"');
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    expect(res.body.error.message).toMatch(/could not be read/);
  }
});
