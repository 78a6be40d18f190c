import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signToken, verifyToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { earlyInThisMinute, freezeDate } from '../../helpers/clock';
import { flushTracking } from '../../helpers/tracking';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';

const SECRET = TEST_SIGNING_SECRET;
const PUBLIC_URL = TEST_PUBLIC_URL;
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const { strapi, service, api, sink } = useGroupApp();

const knex = () => strapi().db.connection;

/** The tracking paths one recipient's message carries, by kind, with the https://news.example.com prefix taken off. */
interface Received {
  deliveryId: number;
  clicks: string[];
  open: string;
  view: string;
  unsubscribe: string;
}

const people = [
  { email: 'ann@tracking.test', firstName: 'Ann' },
  { email: 'bob@tracking.test', firstName: 'Bob' },
];
const byEmail: Record<string, Received> = {};
let campaignId: number;

const pathsOf = (html: string, kind: string) => [
  ...new Set(
    [...html.matchAll(new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g'))].map((m) => m[1])
  ),
];

const tokenOf = (path: string) => path.split('/').pop()!;

beforeAll(async () => {
  const campaign = await seedCampaign(strapi(), 'Tracked', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  for (const received of sink().received) {
    const html = String((await sink().parse(received)).html);
    const unsubscribe = pathsOf(html, 'u')[0];
    byEmail[received.rcptTo[0]] = {
      deliveryId: verifyToken(SECRET, 'unsubscribe', tokenOf(unsubscribe), 1)![0],
      clicks: pathsOf(html, 'c'),
      open: pathsOf(html, 'o')[0],
      view: pathsOf(html, 'v')[0],
      unsubscribe,
    };
  }
  const deliveries = await knex()('campaigns_deliveries').whereIn(
    'email',
    people.map((p) => p.email)
  );
  campaignId = Number(deliveries[0].campaign_id);
  // The messages left an hour ago: an open or click right after sending is a machine's (see the machine-open test).
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });
});

// Repeated opens and clicks are one event per minute, and a fetch within seconds of sending is a
// machine's: the tests run at one frozen instant, so their requests share a minute and a distance
// from sent_at however slowly they are served. One instant for the whole file: a later test counts
// on the open an earlier one made being the same event as its own.
const frozenAt = earlyInThisMinute();
beforeEach(() => freezeDate(frozenAt));
afterEach(() => jest.useRealTimers());

// The endpoints answer before their events are written: every read of what they wrote flushes the tracking buffer first.
const delivery = async (email: string) => {
  await flushTracking(strapi());
  return knex()('campaigns_deliveries').where({ id: byEmail[email].deliveryId }).first();
};
const events = async (email: string, type: string) => {
  await flushTracking(strapi());
  return knex()('campaigns_events').where({ delivery_id: byEmail[email].deliveryId, type }).orderBy('id');
};
const eventCount = async () => {
  await flushTracking(strapi());
  return (await knex()('campaigns_events').count({ n: '*' }))[0].n;
};
const isBot = (row: { is_bot: unknown }) => row.is_bot === true || Number(row.is_bot) === 1;
const suppressionsOf = (email: string) => strapi().db.query('plugin::campaigns.suppression').findMany({ where: { email } });
const stateOf = async (email: string) => (await service('contacts').findByEmail(email))?.state;

test('both messages arrived with two click links, the pixel, the view link and the unsubscribe link', () => {
  expect(Object.keys(byEmail).sort()).toEqual(people.map((p) => p.email).sort());
  for (const received of Object.values(byEmail)) {
    expect(received.clicks).toHaveLength(2);
    expect([received.open, received.view, received.unsubscribe].every(Boolean)).toBe(true);
  }
});

test('a click answers 302 to the stored URL, records one click event and the first click time', async () => {
  const ann = byEmail['ann@tracking.test'];
  // Ann reads the message first: a click on a message never opened is a link scanner's.
  expect((await api().get(ann.open).set('User-Agent', SAFARI)).status).toBe(200);
  const links = await knex()('campaigns_links').where({ campaign_id: campaignId });
  const [first, second] = ann.clicks;
  const linkId = verifyToken(SECRET, 'click', tokenOf(first), 2)![1];
  const stored = links.find((l) => Number(l.id) === linkId)!.url;

  const res = await api().get(first).set('User-Agent', SAFARI);
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe(stored);
  expect(res.headers['cache-control']).toMatch(/no-store/);
  const [click] = await events('ann@tracking.test', 'click');
  expect(click).toMatchObject({ source: 'tracking', campaign_id: campaignId });
  expect(isBot(click)).toBe(false);
  expect(JSON.parse(click.data)).toEqual({ linkId, client: 'browser', verdict: 'human', mailClient: 'Safari', device: 'desktop' });
  const firstClickAt = Number((await delivery('ann@tracking.test')).first_click_at);
  expect(firstClickAt).toBe(Date.now());

  // The same click again is the same event; a HEAD (a link scanner looking) is answered but not counted.
  expect((await api().get(first).set('User-Agent', SAFARI)).status).toBe(302);
  const head = await api().head(second).set('User-Agent', SAFARI);
  expect(head.status).toBe(302);
  expect(head.headers.location).toBe(links.find((l) => Number(l.id) === verifyToken(SECRET, 'click', tokenOf(second), 2)![1])!.url);
  expect(await events('ann@tracking.test', 'click')).toHaveLength(1);
  expect(Number((await delivery('ann@tracking.test')).first_click_at)).toBe(firstClickAt);
});

test('forged or altered tokens, tokens of another purpose and links of another campaign get 404 without Location', async () => {
  const ann = byEmail['ann@tracking.test'];
  const [deliveryId, linkId] = verifyToken(SECRET, 'click', tokenOf(ann.clicks[0]), 2)!;
  await knex()('campaigns_links').insert({
    campaign_id: campaignId + 1000,
    variant: '',
    url_hash: 'f'.repeat(64),
    url: 'https://elsewhere.example.com/',
    position: 0,
    created_at: Date.now(),
  });
  const foreignLinkId = Number(
    (
      await knex()('campaigns_links')
        .where({ campaign_id: campaignId + 1000 })
        .first()
    ).id
  );
  const token = tokenOf(ann.clicks[0]);
  const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  const eventsBefore = await eventCount();

  for (const path of [
    `/api/campaigns/t/c/${altered}`,
    `/api/campaigns/t/c/${signToken('another-secret-of-at-least-32-characters', 'click', [deliveryId, linkId])}`,
    `/api/campaigns/t/c/${signToken(SECRET, 'open', [deliveryId, linkId])}`,
    `/api/campaigns/t/c/${tokenOf(ann.open)}`,
    `/api/campaigns/t/c/${signToken(SECRET, 'click', [deliveryId, 987654])}`,
    `/api/campaigns/t/c/${token.slice(0, token.lastIndexOf('.') + 8)}`,
    `/api/campaigns/t/c/${token.slice(0, token.indexOf('.'))}`,
    '/api/campaigns/t/c/not-a-token',
  ]) {
    const res = await api().get(path).set('User-Agent', SAFARI);
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('Not found');
  }
  expect(await eventCount()).toBe(eventsBefore);

  // Pairs only this secret can sign, yet not of one message: a link of another campaign, a delivery
  // that does not exist. The click does not wait for the delivery's row, so it is redirected (the
  // signature vouches for the pair), and the flush, which reads the row, records nothing.
  for (const ids of [
    [deliveryId, foreignLinkId],
    [987654, linkId],
  ]) {
    const res = await api()
      .get(`/api/campaigns/t/c/${signToken(SECRET, 'click', ids)}`)
      .set('User-Agent', SAFARI);
    expect(res.status).toBe(302);
  }
  expect(await eventCount()).toBe(eventsBefore);

  // Previews and test sends sign delivery 0: their links lead on, and count nothing.
  const fromTest = await api()
    .get(`/api/campaigns/t/c/${signToken(SECRET, 'click', [0, linkId])}`)
    .set('User-Agent', SAFARI);
  expect(fromTest.status).toBe(302);
  expect(fromTest.headers.location).toBeDefined();
  expect(await eventCount()).toBe(eventsBefore);
});

test('clicks and opens are answered before Koa: none of its middlewares run, and the answer holds what Koa would send', async () => {
  const ann = byEmail['ann@tracking.test'];
  // Strapi's poweredBy middleware marks every answer that went through Koa; the web view does.
  expect((await api().get(ann.view).set('User-Agent', SAFARI)).headers['x-powered-by']).toBeDefined();
  const click = await api().get(`${ann.clicks[0]}?utm_source=newsletter`).set('User-Agent', SAFARI);
  expect(click.status).toBe(302);
  expect(click.headers['x-powered-by']).toBeUndefined();
  const head = await api().head(ann.open).set('User-Agent', SAFARI);
  expect(head.status).toBe(200);
  expect(head.headers['x-powered-by']).toBeUndefined();
  expect(head.headers['content-length']).toBe(String(PIXEL.length));

  // A link's URL goes into Location percent-encoded, as Koa's redirect would put it; a stored URL no
  // parser takes has nowhere to go. Neither link is cached yet: the answer waits for its read.
  const linkOf = async (url: string, hash: string) => {
    await knex()('campaigns_links').insert({ campaign_id: campaignId, url_hash: hash, url, position: 90, created_at: Date.now() });
    const { id } = await knex()('campaigns_links').where({ campaign_id: campaignId, url_hash: hash }).first();
    return `/api/campaigns/t/c/${signToken(SECRET, 'click', [ann.deliveryId, Number(id)])}`;
  };
  const accented = await api()
    .get(await linkOf('https://news.example.com/café?q=über', 'accented'))
    .set('User-Agent', SAFARI);
  expect(accented.status).toBe(302);
  expect(accented.headers.location).toBe('https://news.example.com/caf%C3%A9?q=%C3%BCber');
  const unusable = await api()
    .get(await linkOf('https://[not-a-host/', 'unusable'))
    .set('User-Agent', SAFARI);
  expect(unusable.status).toBe(404);
  expect(unusable.headers.location).toBeUndefined();

  // A request target in absolute form (what a proxy may forward) is the same request.
  const server = strapi().server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const absolute = await new Promise<IncomingMessage>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port, path: `http://news.example.com${ann.clicks[1]}`, headers: { 'User-Agent': SAFARI } }, resolve)
        .on('error', reject)
        .end()
    );
    absolute.resume();
    expect(absolute.statusCode).toBe(302);
    expect(absolute.headers['x-powered-by']).toBeUndefined();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the open pixel is always a transparent GIF; a genuine open is recorded with the first open time', async () => {
  const pixel = async (path: string, userAgent = SAFARI) => {
    const res = await api().get(path).set('User-Agent', userAgent).responseType('blob');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(Buffer.compare(res.body as Buffer, PIXEL)).toBe(0);
  };
  const ann = byEmail['ann@tracking.test'];
  await pixel(ann.open);
  const [open] = await events('ann@tracking.test', 'open');
  expect(open).toMatchObject({ source: 'tracking', campaign_id: campaignId });
  expect(isBot(open)).toBe(false);
  expect((await delivery('ann@tracking.test')).first_open_at).not.toBeNull();

  const before = await eventCount();
  for (const path of [
    `${ann.open.slice(0, -2)}xx`,
    ann.open.slice(0, -5),
    `/api/campaigns/t/o/${tokenOf(ann.clicks[0])}`,
    `/api/campaigns/t/o/${tokenOf(ann.view)}`,
    `/api/campaigns/t/o/${signToken(SECRET, 'open', [987654])}`,
    '/api/campaigns/t/o/x',
  ]) {
    await pixel(path);
  }
  expect(await eventCount()).toBe(before);
});

test('machine opens (Apple Mail Privacy Protection, a fetch right after sending) are recorded as bots and set no open time', async () => {
  const bob = byEmail['bob@tracking.test'];
  await knex()('campaigns_deliveries')
    .where({ id: bob.deliveryId })
    .update({ sent_at: Date.now() - 500 });
  expect((await api().get(bob.open).set('User-Agent', SAFARI)).status).toBe(200);
  // Within the same minute a machine's second fetch is the same event.
  expect((await api().get(bob.open).set('User-Agent', 'Mozilla/5.0')).status).toBe(200);
  const bobOpens = await events('bob@tracking.test', 'open');
  expect(bobOpens.map((e) => [isBot(e), JSON.parse(e.data).client, JSON.parse(e.data).verdict])).toEqual([
    [true, 'browser', 'after-delivery'],
  ]);
  expect((await delivery('bob@tracking.test')).first_open_at).toBeNull();
  await knex()('campaigns_deliveries')
    .where({ id: bob.deliveryId })
    .update({ sent_at: Date.now() - 3_600_000 });

  const ann = byEmail['ann@tracking.test'];
  const firstOpenAt = (await delivery('ann@tracking.test')).first_open_at;
  expect((await api().get(ann.open).set('User-Agent', 'Mozilla/5.0')).status).toBe(200);
  const annOpens = await events('ann@tracking.test', 'open');
  expect(annOpens.map((e) => [isBot(e), JSON.parse(e.data).client, JSON.parse(e.data).verdict])).toEqual([
    [false, 'browser', 'human'],
    [true, 'apple-privacy', 'user-agent'],
  ]);
  expect((await delivery('ann@tracking.test')).first_open_at).toEqual(firstOpenAt);
});

test('view in browser shows the recipient their own message under a strict policy, and counts no open', async () => {
  const ann = byEmail['ann@tracking.test'];
  const opensBefore = (await events('ann@tracking.test', 'open')).length;
  const res = await api().get(ann.view).set('User-Agent', SAFARI);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = res.headers['content-security-policy'];
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(csp).toMatch(/sandbox/);
  expect(csp).not.toMatch(/script-src/);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cache-control']).toMatch(/private.*no-store/);
  expect(res.text).toContain('Hello Ann,');
  expect(res.text).not.toContain('/t/o/');
  expect(res.text).toContain('data:image/gif;base64,');
  // Its links are Ann's own signed click links, as in the message.
  expect(pathsOf(res.text, 'c').sort()).toEqual([...ann.clicks].sort());
  expect(await events('ann@tracking.test', 'open')).toHaveLength(opensBefore);

  for (const path of [
    `${ann.view.slice(0, -2)}xx`,
    `/api/campaigns/t/v/${tokenOf(ann.unsubscribe)}`,
    `/api/campaigns/t/v/${signToken(SECRET, 'view', [0])}`,
  ]) {
    const bad = await api().get(path);
    expect(bad.status).toBe(404);
    expect(bad.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(bad.text).not.toContain('Ann');
  }
});

test('the unsubscribe page shows the masked address and a one-click form, and changes nothing', async () => {
  const ann = byEmail['ann@tracking.test'];
  const res = await api().get(ann.unsubscribe).set('User-Agent', SAFARI);
  expect(res.status).toBe(200);
  expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.text).toContain('a***@tracking.test');
  expect(res.text).not.toContain('ann@tracking.test');
  expect(res.text).toContain(`<form method="post" action="${PUBLIC_URL}${ann.unsubscribe}">`);

  expect((await api().get(`/api/campaigns/t/u/${tokenOf(ann.view)}`)).status).toBe(404);
  expect(await stateOf('ann@tracking.test')).toBe('subscribed');
  expect(await suppressionsOf('ann@tracking.test')).toHaveLength(0);
  expect(await events('ann@tracking.test', 'unsubscribe')).toHaveLength(0);
});

test('a one-click POST unsubscribes once: contact state, suppression, event; more POSTs are harmless', async () => {
  const ann = byEmail['ann@tracking.test'];
  const oneClick = () => api().post(ann.unsubscribe).type('form').send('List-Unsubscribe=One-Click');
  const [first, concurrent] = await Promise.all([oneClick(), oneClick()]);
  for (const res of [first, concurrent]) {
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('a***@tracking.test');
  }
  expect(await stateOf('ann@tracking.test')).toBe('unsubscribed');
  const [suppression] = await suppressionsOf('ann@tracking.test');
  expect(suppression).toMatchObject({ reason: 'unsubscribe', scope: 'global', sourceEvent: `unsubscribe:${ann.deliveryId}` });
  const [event] = await events('ann@tracking.test', 'unsubscribe');
  expect(event).toMatchObject({ source: 'tracking', campaign_id: campaignId, idempotency_key: `unsubscribe:${ann.deliveryId}` });

  // Again, with another body: still 2xx, still one of each. The page now says it is done.
  const again = await api().post(ann.unsubscribe).type('json').send({ anything: true });
  expect(again.status).toBe(200);
  expect(await suppressionsOf('ann@tracking.test')).toHaveLength(1);
  expect(await events('ann@tracking.test', 'unsubscribe')).toHaveLength(1);
  expect((await api().get(ann.unsubscribe)).text).toContain('You are unsubscribed');

  // A forged token still answers 200 (one-click senders read anything else as a failure) and changes nothing.
  const forged = await api()
    .post(`${ann.unsubscribe.slice(0, -2)}xx`)
    .type('form')
    .send('List-Unsubscribe=One-Click');
  expect(forged.status).toBe(200);
  expect(forged.text).toContain('nothing was changed');
  const fromTest = await api()
    .post(`/api/campaigns/t/u/${signToken(SECRET, 'unsubscribe', [0])}`)
    .send('List-Unsubscribe=One-Click');
  expect(fromTest.status).toBe(200);
  expect(fromTest.text).toContain('test');
  await flushTracking(strapi());
  expect(await knex()('campaigns_events').where({ type: 'unsubscribe' })).toHaveLength(1);
});

test('a bounced contact keeps its state after an unsubscribe; a deleted contact has no message to view', async () => {
  const bob = byEmail['bob@tracking.test'];
  await service('deliveryEvents').recordSmtpBounce(bob.deliveryId, {
    permanent: true,
    responseCode: 550,
    message: '5.1.1 User unknown',
    attempt: 1,
  });
  expect(await stateOf('bob@tracking.test')).toBe('bounced');
  expect((await api().get(bob.unsubscribe)).text).toContain('You are unsubscribed');

  const res = await api().post(bob.unsubscribe).type('form').send('List-Unsubscribe=One-Click');
  expect(res.status).toBe(200);
  expect(await stateOf('bob@tracking.test')).toBe('bounced');
  const suppressions = await suppressionsOf('bob@tracking.test');
  expect(suppressions.map((s) => s.reason)).toEqual(['hard-bounce']);
  expect(await events('bob@tracking.test', 'unsubscribe')).toHaveLength(1);

  const contact = await service('contacts').findByEmail('bob@tracking.test');
  await service('contacts').delete(contact!.documentId);
  expect((await api().get(bob.view)).status).toBe(404);
  expect((await api().post(bob.unsubscribe).send('List-Unsubscribe=One-Click')).status).toBe(200);
});
