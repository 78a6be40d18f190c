import { signToken } from '../../../server/src/features/tracking/tokens';
import { flushTracking } from '../../helpers/tracking';
import { useGroupApp } from '../../helpers/integration-group';
import { formBody, publicPaths, seedRecipients, type Recipient } from '../../helpers/preferences';
import { TEST_SIGNING_SECRET } from '../../helpers/sending';

const { strapi, service, api } = useGroupApp();
const paths = publicPaths();

let people: Record<string, Recipient>;
let news: string;
let staff: string;

beforeAll(async () => {
  news = (await service('topics').create({ name: 'News', isPublic: true })).documentId;
  staff = (await service('topics').create({ name: 'Staff only', isPublic: false })).documentId;
  people = await seedRecipients(strapi(), 'Attacks', [
    { email: 'fay@attacks.test', topics: [news] },
    { email: 'gus@attacks.test', topics: [news, staff] },
  ]);
});

/** Everything a POST could change for everyone: contact states and consents, topic links, suppressions, events. */
const snapshot = async () => {
  const db = strapi().db;
  return {
    contacts: await db.query('plugin::campaigns.contact').findMany({
      select: ['email', 'state', 'consent', 'updatedAt'],
      populate: { topics: { select: ['documentId'] } },
      orderBy: { id: 'asc' },
    }),
    suppressions: await db
      .query('plugin::campaigns.suppression')
      .findMany({ populate: { topic: { select: ['documentId'] } }, orderBy: { id: 'asc' } }),
    events: await flushTracking(strapi()).then(() => db.connection('campaigns_events').count({ n: '*' })),
  };
};

const tokenOf = (recipient: Recipient) => paths.tokenOf(paths.preferences(recipient.deliveryId));
const post = (path: string, body: string, type = 'form') => api().post(path).type(type).send(body);

test('forged, truncated, other-purpose and unknown tokens get one not-found page on GET and POST, and change nothing', async () => {
  const fay = people['fay@attacks.test'];
  const before = await snapshot();
  const token = tokenOf(fay);
  const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  const tokens = [
    altered,
    token.slice(0, -3),
    token.split('.')[0],
    signToken('another-secret-of-at-least-32-characters', 'preferences', [fay.deliveryId]),
    paths.tokenOf(paths.unsubscribe(fay.deliveryId)),
    signToken(TEST_SIGNING_SECRET, 'view', [fay.deliveryId]),
    signToken(TEST_SIGNING_SECRET, 'preferences', [987654]),
    'not-a-token',
  ];
  const pages = new Set<string>();
  for (const bad of tokens) {
    const path = `/api/campaigns/t/p/${bad}`;
    const get = await api().get(path);
    const posted = await post(
      path,
      formBody([
        ['token', bad],
        ['action', 'unsubscribe'],
      ])
    );
    for (const res of [get, posted]) {
      expect({ bad, status: res.status }).toEqual({ bad, status: 404 });
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).not.toContain('attacks.test');
      pages.add(res.text);
    }
  }
  // A token of a delivery that does not exist reads exactly like a forged one: nothing says whether an address is known.
  expect(pages.size).toBe(1);
  expect(await snapshot()).toEqual(before);
});

test('a form carrying another contact’s token, or none, is refused with nothing changed', async () => {
  const fay = people['fay@attacks.test'];
  const gus = people['gus@attacks.test'];
  const before = await snapshot();

  // Gus's genuine token in the field, Fay's page in the URL (and the other way round): neither applies.
  for (const [page, field] of [
    [fay, gus],
    [gus, fay],
  ] as const) {
    const res = await post(
      paths.preferences(page.deliveryId),
      formBody([
        ['token', tokenOf(field)],
        ['action', 'unsubscribe'],
      ])
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('This form does not belong to this page.');
    expect(res.text).not.toContain('attacks.test');
  }
  const noToken = await post(paths.preferences(fay.deliveryId), formBody([['action', 'unsubscribe']]));
  expect(noToken.status).toBe(400);
  expect(noToken.text).toContain('came without its link');
  const emptyToken = await post(
    paths.preferences(fay.deliveryId),
    formBody([
      ['token', ''],
      ['action', 'save'],
    ])
  );
  expect(emptyToken.status).toBe(400);
  const noBody = await api().post(paths.preferences(fay.deliveryId));
  expect(noBody.status).toBe(415);
  expect(await snapshot()).toEqual(before);
});

test('a form naming a topic the contact may not join (private and not theirs, or none at all) is refused whole', async () => {
  const fay = people['fay@attacks.test'];
  const before = await snapshot();
  for (const wanted of [[staff], [news, staff], ['nosuchtopic000000000000']]) {
    const res = await post(
      paths.preferences(fay.deliveryId),
      formBody([['token', tokenOf(fay)], ['action', 'save'], ...wanted.map((t): [string, string] => ['topics', t])])
    );
    expect({ wanted, status: res.status }).toEqual({ wanted, status: 400 });
    expect(res.text).toContain('One of the chosen topics is not one you can choose.');
    expect(res.text).toContain(`<a href="${paths.urls.preferences(fay.deliveryId)}">`);
  }
  // Gus is in the private topic: he may keep it, so the same form is his to send.
  const gus = people['gus@attacks.test'];
  const kept = await post(
    paths.preferences(gus.deliveryId),
    formBody([
      ['token', tokenOf(gus)],
      ['action', 'save'],
      ['topics', news],
      ['topics', staff],
    ])
  );
  expect(kept.status).toBe(200);
  expect(await snapshot()).toEqual(before);
});

test('10 MB and malformed bodies get a clear 4xx page and change nothing', async () => {
  const fay = people['fay@attacks.test'];
  const path = paths.preferences(fay.deliveryId);
  const token = tokenOf(fay);
  const before = await snapshot();

  const huge = await post(path, `token=${token}&action=unsubscribe&topics=${'a'.repeat(10 * 1024 * 1024)}`);
  expect(huge.status).toBe(413);
  expect(huge.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(huge.text).toContain('far larger than ours');

  for (const [label, body, type, status] of [
    ['JSON', JSON.stringify({ token, action: 'unsubscribe' }), 'json', 415],
    ['multipart without boundary', `token=${token}&action=unsubscribe`, 'multipart/form-data', 415],
    ['broken percent-encoding', `token=${token}&action=unsubscribe%zz`, 'form', 400],
    ['bytes of no UTF-8', `token=${token}&action=save&topics=%c3%28`, 'form', 400],
    ['an unknown field', `token=${token}&action=unsubscribe&state=subscribed`, 'form', 400],
    ['two actions', `token=${token}&action=save&action=unsubscribe`, 'form', 400],
    ['an action of no button', `token=${token}&action=erase`, 'form', 400],
  ] as const) {
    const res = await post(path, body, type);
    expect({ label, status: res.status }).toEqual({ label, status });
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('Nothing was changed');
  }
  expect(await snapshot()).toEqual(before);
});

test('repeated and concurrent unsubscribe POSTs from the page are one unsubscribe', async () => {
  const fay = people['fay@attacks.test'];
  const body = formBody([
    ['token', tokenOf(fay)],
    ['action', 'unsubscribe'],
  ]);
  const answers = await Promise.all([1, 2, 3].map(() => post(paths.preferences(fay.deliveryId), body)));
  expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
  const suppressions = await strapi()
    .db.query('plugin::campaigns.suppression')
    .findMany({ where: { email: fay.email } });
  expect(suppressions.map((s: { reason: string; scope: string }) => `${s.reason}/${s.scope}`)).toEqual(['unsubscribe/global']);
  await flushTracking(strapi());
  expect(await strapi().db.connection('campaigns_events').where({ delivery_id: fay.deliveryId, type: 'unsubscribe' })).toHaveLength(1);
  expect((await service('contacts').findByEmail(fay.email))!.state).toBe('unsubscribed');
});
