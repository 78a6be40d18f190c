import { signToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';
import { earlyInThisMinute, freezeDate } from '../../helpers/clock';

/**
 * What strangers send the public endpoints: tokens forged, cut short, replayed or made for
 * another purpose; a flood of one-click POSTs for one token; bodies of 10 MB and bodies that do
 * not parse. Each gets a clear 4xx, the pixel or the friendly page, and none changes any state
 * but the one a genuine request would.
 */
const { strapi, service, api, sink } = useGroupApp();

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const people = ['ann', 'bob', 'cem', 'dia'].map((name) => ({ email: `${name}@bad-inputs.test`, firstName: name }));
const paths: Record<string, { click: string; open: string; view: string; unsubscribe: string }> = {};

const pathOf = (html: string, kind: string) =>
  new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`).exec(html)![1];
const knex = () => strapi().db.connection;
const tokenOf = (path: string) => path.split('/').pop()!;

beforeAll(async () => {
  const campaign = await seedCampaign(strapi(), 'Bad inputs', people);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  for (const received of sink().received) {
    const html = String((await sink().parse(received)).html);
    paths[received.rcptTo[0].split('@')[0]] = {
      click: pathOf(html, 'c'),
      open: pathOf(html, 'o'),
      view: pathOf(html, 'v'),
      unsubscribe: pathOf(html, 'u'),
    };
  }
  await knex()('campaigns_deliveries').update({ sent_at: Date.now() - 3_600_000 });
});

afterEach(() => jest.useRealTimers());

/** What any of these requests could have changed: events, suppressions and contact states. */
const state = async () => {
  await flushTracking(strapi());
  return {
    events: await knex()('campaigns_events').orderBy('id').select('type', 'delivery_id', 'is_bot'),
    suppressions: await knex()('campaigns_suppressions').select('email', 'reason'),
    contacts: await knex()('campaigns_contacts').orderBy('id').select('email', 'state'),
  };
};

/** A token cut anywhere: after its ids, inside its MAC, without its MAC, one id of two. */
const truncations = (token: string) => [
  token.slice(0, token.lastIndexOf('.') + 1),
  token.slice(0, token.lastIndexOf('.') + 6),
  token.slice(0, -1),
  token.slice(0, token.indexOf('.')),
];

test('forged, truncated and other-purpose tokens: 404 for a click or a view, the pixel for an open, nothing recorded', async () => {
  const before = await state();
  const ann = paths.ann;
  const forge = (purpose: 'click' | 'open' | 'view', ids: number[]) => signToken('not-our-secret-but-32-characters-long', purpose, ids);
  const cases: Array<[string, 'c' | 'o' | 'v', string]> = [];
  for (const [kind, path, purpose, ids] of [
    ['c', ann.click, 'click', [1, 1]],
    ['o', ann.open, 'open', [1]],
    ['v', ann.view, 'view', [1]],
  ] as const) {
    for (const token of [...truncations(tokenOf(path)), forge(purpose, [...ids])]) cases.push([`forged or cut ${purpose}`, kind, token]);
    // Every other purpose's genuine token on this endpoint.
    for (const other of Object.values(ann).filter((p) => p !== path)) cases.push([`other purpose on ${purpose}`, kind, tokenOf(other)]);
  }
  for (const [what, kind, token] of cases) {
    const res = await api().get(`/api/campaigns/t/${kind}/${token}`).set('User-Agent', SAFARI);
    const expected = kind === 'o' ? 200 : 404;
    expect({ what, token, status: res.status }).toEqual({ what, token, status: expected });
    expect(res.headers.location).toBeUndefined();
    if (kind === 'o') expect(res.headers['content-type']).toBe('image/gif');
    if (kind === 'v') expect(res.text).not.toContain('Ann');
  }
  expect(await state()).toEqual(before);
});

test('a replayed open or click is one event per minute', async () => {
  const bob = paths.bob;
  // One frozen instant: the replays share a minute however slowly they are served.
  freezeDate(earlyInThisMinute());
  for (let i = 0; i < 5; i++) {
    expect((await api().get(bob.open).set('User-Agent', SAFARI)).status).toBe(200);
    expect((await api().get(bob.click).set('User-Agent', SAFARI)).status).toBe(302);
  }
  const { events } = await state();
  expect(events.map((e) => e.type).sort()).toEqual(['click', 'open']);

  // More replays within the minute: still nothing new (the limits are public-rate-limits.test.ts's).
  for (let i = 0; i < 20; i++) expect((await api().get(bob.click).set('User-Agent', SAFARI)).status).toBe(302);
  expect((await state()).events).toHaveLength(events.length);
});

test('a flood of one-click POSTs for one token: one suppression, one event, every answer 200 or the 429 page', async () => {
  const cem = paths.cem;
  const answers = await Promise.all(
    Array.from({ length: 40 }, () => api().post(cem.unsubscribe).type('form').send('List-Unsubscribe=One-Click'))
  );
  for (const res of answers) {
    expect([200, 429]).toContain(res.status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('c***@bad-inputs.test');
  }
  const after = await state();
  expect(after.suppressions.filter((s) => s.email === 'cem@bad-inputs.test')).toEqual([
    { email: 'cem@bad-inputs.test', reason: 'unsubscribe' },
  ]);
  expect(after.events.filter((e) => e.type === 'unsubscribe')).toHaveLength(1);
  expect(after.contacts.find((c) => c.email === 'cem@bad-inputs.test')!.state).toBe('unsubscribed');
});

test('a 10 MB body and bodies that do not parse get a clear 4xx on the one-click POST, and unsubscribe no one', async () => {
  const dia = paths.dia;
  const before = await state();
  const big = 'List-Unsubscribe=One-Click&pad=' + 'x'.repeat(10 * 1024 * 1024);
  for (const [what, type, body] of [
    ['10 MB form', 'application/x-www-form-urlencoded', big],
    ['10 MB JSON', 'application/json', JSON.stringify({ pad: 'x'.repeat(10 * 1024 * 1024) })],
    ['malformed JSON', 'application/json', '{"List-Unsubscribe": '],
    ['malformed multipart', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="List-Unsubscribe"'],
  ] as const) {
    const res = await api().post(dia.unsubscribe).set('Content-Type', type).send(body);
    expect({ what, status: res.status >= 400 && res.status < 500 }).toEqual({ what, status: true });
    expect(res.headers.location).toBeUndefined();
  }
  expect(await state()).toEqual(before);
  // The same token with an honest body still works: nothing above used it up or broke it.
  expect((await api().post(dia.unsubscribe).type('form').send('List-Unsubscribe=One-Click')).status).toBe(200);
  expect((await state()).contacts.find((c) => c.email === 'dia@bad-inputs.test')!.state).toBe('unsubscribed');
});

test('a token of delivery 0 (a preview or test send) records nothing anywhere', async () => {
  const before = await state();
  expect((await api().get(`/api/campaigns/t/o/${signToken(TEST_SIGNING_SECRET, 'open', [0])}`)).status).toBe(200);
  expect((await api().get(`/api/campaigns/t/v/${signToken(TEST_SIGNING_SECRET, 'view', [0])}`)).status).toBe(404);
  expect(await state()).toEqual(before);
});
