import { signToken } from '../../../server/src/features/tracking/tokens';
import { flushTracking } from '../../helpers/tracking';
import { useGroupApp } from '../../helpers/integration-group';
import { formBody, hardBounce, publicPaths, seedRecipients, type Recipient } from '../../helpers/preferences';
import { TEST_SIGNING_SECRET } from '../../helpers/sending';
import { waitUntil } from '../../helpers/wait';

const { strapi, service, api } = useGroupApp();
const paths = publicPaths();
const knex = () => strapi().db.connection;

let people: Record<string, Recipient>;
const topics: Record<'news' | 'offers' | 'vip' | 'internal', { documentId: string; slug: string }> = {} as never;
const announced: Array<{ name: string; payload: Record<string, unknown> }> = [];
const listeners: Array<[string, (payload: Record<string, unknown>) => Promise<void>]> = [];

beforeAll(async () => {
  for (const [key, name, isPublic] of [
    ['news', 'News', true],
    ['offers', 'Offers', true],
    ['vip', 'VIP club', false],
    ['internal', 'Internal', false],
  ] as const) {
    const topic = await service('topics').create({ name, isPublic });
    topics[key] = { documentId: topic.documentId, slug: topic.slug };
  }
  people = await seedRecipients(strapi(), 'Preferences', [
    { email: 'ann@prefs.test', topics: [topics.news.documentId, topics.vip.documentId] },
    { email: 'bob@prefs.test', topics: [topics.news.documentId] },
    { email: 'cleo@prefs.test', locale: 'fr-CA' },
  ]);
  for (const name of ['campaigns.topics.change', 'campaigns.suppression.create', 'campaigns.suppression.delete']) {
    const listener = async (payload: Record<string, unknown>) => {
      announced.push({ name, payload });
    };
    strapi().eventHub.on(name, listener);
    listeners.push([name, listener]);
  }
});

afterAll(() => {
  for (const [name, listener] of listeners) strapi().eventHub.off(name, listener);
});

const contact = async (email: string) => (await service('contacts').findByEmail(email))!;
const topicSlugsOf = async (email: string) => {
  const row = await strapi()
    .db.query('plugin::campaigns.contact')
    .findOne({ where: { email }, populate: { topics: { select: ['slug'] } } });
  return (row.topics as Array<{ slug: string }>).map((t) => t.slug).sort();
};
const suppressionsOf = async (email: string) => {
  const rows = await strapi()
    .db.query('plugin::campaigns.suppression')
    .findMany({ where: { email }, populate: { topic: { select: ['slug'] } }, orderBy: { id: 'asc' } });
  return rows.map((s: { reason: string; scope: string; topic: { slug: string } | null; sourceEvent: string }) => ({
    reason: s.reason,
    scope: s.scope,
    topic: s.topic?.slug ?? null,
    sourceEvent: s.sourceEvent,
  }));
};
const checkedTopics = (html: string) => [...html.matchAll(/name="topics" value="([a-z0-9]+)" checked/g)].map((m) => m[1]).sort();
const offeredTopics = (html: string) => [...html.matchAll(/name="topics" value="([a-z0-9]+)"/g)].map((m) => m[1]).sort();
const sorted = (...ids: string[]) => [...ids].sort();

const save = (recipient: Recipient, wanted: string[]) => {
  const token = paths.tokenOf(paths.preferences(recipient.deliveryId));
  return api()
    .post(paths.preferences(recipient.deliveryId))
    .type('form')
    .send(formBody([['token', token], ['action', 'save'], ...wanted.map((t): [string, string] => ['topics', t])]));
};
const everything = (recipient: Recipient, action: 'unsubscribe' | 'resubscribe') =>
  api()
    .post(paths.preferences(recipient.deliveryId))
    .type('form')
    .send(
      formBody([
        ['token', paths.tokenOf(paths.preferences(recipient.deliveryId))],
        ['action', action],
      ])
    );

test('the page shows the masked address, the contact’s topics ticked and the public ones to join, and changes nothing', async () => {
  const ann = people['ann@prefs.test'];
  const before = { contact: await contact(ann.email), suppressions: await suppressionsOf(ann.email) };
  const res = await api().get(paths.preferences(ann.deliveryId)).set('Accept-Language', 'en');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(res.headers['content-security-policy']).toMatch(/form-action 'self'/);
  expect(res.headers['cache-control']).toMatch(/no-store/);
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(res.text).toContain('a***@prefs.test');
  expect(res.text).not.toContain('ann@prefs.test');
  // Her two topics (one of them private) ticked, the public one she could join unticked, the other private one absent.
  expect(offeredTopics(res.text)).toEqual(sorted(topics.news.documentId, topics.offers.documentId, topics.vip.documentId));
  expect(checkedTopics(res.text)).toEqual(sorted(topics.news.documentId, topics.vip.documentId));
  expect(res.text).not.toContain('Internal');
  // Both forms post to the page's own signed URL and carry its token.
  const token = paths.tokenOf(paths.preferences(ann.deliveryId));
  expect(
    res.text.match(new RegExp(`<form method="post" action="${paths.urls.preferences(ann.deliveryId).replace(/\./g, '\\.')}">`, 'g'))
  ).toHaveLength(2);
  expect(res.text.match(new RegExp(`<input type="hidden" name="token" value="${token}">`, 'g'))).toHaveLength(2);
  expect(res.text).toContain('value="unsubscribe"');
  expect(res.text).not.toContain('value="resubscribe"');
  // HEAD is answered through GET, and neither changed anything.
  expect((await api().head(paths.preferences(ann.deliveryId))).status).toBe(200);
  expect({ contact: await contact(ann.email), suppressions: await suppressionsOf(ann.email) }).toEqual(before);

  const fromTest = await api().get(`/api/campaigns/t/p/${signToken(TEST_SIGNING_SECRET, 'preferences', [0])}`);
  expect(fromTest.status).toBe(200);
  expect(fromTest.text).toContain('Test message');
});

test('a save leaves the unticked topics with a topic suppression each and joins the ticked public one; again, it changes nothing', async () => {
  const ann = people['ann@prefs.test'];
  announced.length = 0;
  const res = await save(ann, [topics.offers.documentId]);
  expect(res.status).toBe(200);
  expect(res.text).toContain('Your choices are saved.');
  expect(checkedTopics(res.text)).toEqual([topics.offers.documentId]);
  // She left the private VIP club too: the page keeps offering only what she may choose, so it is gone from it.
  expect(offeredTopics(res.text)).toEqual(sorted(topics.news.documentId, topics.offers.documentId));

  expect(await topicSlugsOf(ann.email)).toEqual([topics.offers.slug]);
  expect(await suppressionsOf(ann.email)).toEqual([
    { reason: 'unsubscribe', scope: 'topic', topic: topics.news.slug, sourceEvent: `preferences:${ann.deliveryId}` },
    { reason: 'unsubscribe', scope: 'topic', topic: topics.vip.slug, sourceEvent: `preferences:${ann.deliveryId}` },
  ]);
  // Only topics: she still receives the rest, and Bob's news is his own.
  expect((await contact(ann.email)).state).toBe('subscribed');
  expect(await topicSlugsOf('bob@prefs.test')).toEqual([topics.news.slug]);
  expect(await suppressionsOf('bob@prefs.test')).toEqual([]);

  await waitUntil(() => announced.some((a) => a.name === 'campaigns.topics.change'), 'the topics change announcement');
  const change = announced.find((a) => a.name === 'campaigns.topics.change')!.payload;
  expect(change).toEqual({
    contactId: ann.contactId,
    contactDocumentId: ann.contactDocumentId,
    origin: 'recipient',
    joined: [topics.offers.slug],
    left: sorted(topics.news.slug, topics.vip.slug),
  });
  await waitUntil(() => announced.filter((a) => a.name === 'campaigns.suppression.create').length === 2, 'two suppression announcements');
  const created = announced.filter((a) => a.name === 'campaigns.suppression.create').map((a) => a.payload);
  expect(created.map((p) => [p.scope, p.reason, p.origin, p.topic]).sort()).toEqual(
    [
      ['topic', 'unsubscribe', 'recipient', topics.news.documentId],
      ['topic', 'unsubscribe', 'recipient', topics.vip.documentId],
    ].sort()
  );

  // The same form again (a reload, a double click), and two at once: nothing more is written.
  const again = await Promise.all([save(ann, [topics.offers.documentId]), save(ann, [topics.offers.documentId])]);
  expect(again.map((r) => r.status)).toEqual([200, 200]);
  expect(await topicSlugsOf(ann.email)).toEqual([topics.offers.slug]);
  expect(await suppressionsOf(ann.email)).toHaveLength(2);
});

test('ticking a left public topic again joins it and lifts its topic suppression: the person’s own yes', async () => {
  const ann = people['ann@prefs.test'];
  announced.length = 0;
  const res = await save(ann, [topics.news.documentId, topics.offers.documentId]);
  expect(res.status).toBe(200);
  expect(checkedTopics(res.text)).toEqual(sorted(topics.news.documentId, topics.offers.documentId));
  expect(await topicSlugsOf(ann.email)).toEqual(sorted(topics.news.slug, topics.offers.slug));
  expect(await suppressionsOf(ann.email)).toEqual([
    { reason: 'unsubscribe', scope: 'topic', topic: topics.vip.slug, sourceEvent: `preferences:${ann.deliveryId}` },
  ]);
  await waitUntil(() => announced.some((a) => a.name === 'campaigns.suppression.delete'), 'the suppression removal announcement');
  expect(announced.find((a) => a.name === 'campaigns.suppression.delete')!.payload).toMatchObject({
    scope: 'topic',
    topic: topics.news.documentId,
    reason: 'unsubscribe',
    origin: 'recipient',
    removedBy: null,
  });
  expect(await knex()('campaigns_suppression_removals').where({ email: ann.email })).toEqual([
    expect.objectContaining({
      scope: 'topic',
      topic_document_id: topics.news.documentId,
      topic_name: 'News',
      removed_by_id: null,
      note: 'the recipient chose the topic again on the preference page',
    }),
  ]);
});

test('a topic suppression an editor wrote is not lifted by the page: the topic stays unticked', async () => {
  const bob = people['bob@prefs.test'];
  const bobRow = await strapi()
    .db.query('plugin::campaigns.contact')
    .findOne({ where: { id: bob.contactId }, select: ['emailHash'] });
  await strapi()
    .documents('plugin::campaigns.suppression' as never)
    .create({
      data: { email: bob.email, emailHash: bobRow.emailHash, reason: 'manual', scope: 'topic', topic: topics.offers.documentId },
    } as never);
  const res = await save(bob, [topics.news.documentId, topics.offers.documentId]);
  expect(res.status).toBe(200);
  expect(checkedTopics(res.text)).toEqual([topics.news.documentId]);
  expect(await topicSlugsOf(bob.email)).toEqual(sorted(topics.news.slug, topics.offers.slug));
  expect(await suppressionsOf(bob.email)).toEqual([{ reason: 'manual', scope: 'topic', topic: topics.offers.slug, sourceEvent: null }]);
});

test('unsubscribe from everything goes through the signal path; resubscribe records the page’s consent and lifts only the unsubscribe', async () => {
  const ann = people['ann@prefs.test'];
  const topicsBefore = await topicSlugsOf(ann.email);
  const out = await everything(ann, 'unsubscribe');
  expect(out.status).toBe(200);
  expect(out.text).toContain('You are unsubscribed from everything.');
  expect(out.text).toContain('value="resubscribe"');
  expect((await contact(ann.email)).state).toBe('unsubscribed');
  const globalOnes = (await suppressionsOf(ann.email)).filter((s) => s.scope === 'global');
  expect(globalOnes).toEqual([{ reason: 'unsubscribe', scope: 'global', topic: null, sourceEvent: `unsubscribe:${ann.deliveryId}` }]);
  await flushTracking(strapi());
  expect(await knex()('campaigns_events').where({ delivery_id: ann.deliveryId, type: 'unsubscribe' })).toHaveLength(1);
  // Her topics stay as she chose them: they count again when she comes back.
  expect(await topicSlugsOf(ann.email)).toEqual(topicsBefore);
  expect((await api().get(paths.preferences(ann.deliveryId))).text).toContain('value="resubscribe"');

  const back = await everything(ann, 'resubscribe');
  expect(back.status).toBe(200);
  expect(back.text).toContain('You are subscribed again.');
  const resubscribed = await contact(ann.email);
  expect(resubscribed.state).toBe('subscribed');
  expect(resubscribed.consent).toEqual({
    source: 'preferences-page',
    at: expect.any(String),
    ip: expect.stringMatching(/127\.0\.0\.1|::1/),
  });
  expect(Math.abs(Date.parse(resubscribed.consent!.at) - Date.now())).toBeLessThan(60_000);
  // The global unsubscribe is gone; the topic she left is still left.
  expect(await suppressionsOf(ann.email)).toEqual([
    { reason: 'unsubscribe', scope: 'topic', topic: topics.vip.slug, sourceEvent: `preferences:${ann.deliveryId}` },
  ]);

  // Again: nothing more happens, the consent stays the first one.
  const twice = await everything(ann, 'resubscribe');
  expect(twice.status).toBe(200);
  expect((await contact(ann.email)).consent).toEqual(resubscribed.consent);
  // The lifted unsubscribe is in the removal log once, beside the topic lifted earlier.
  expect(
    await knex()('campaigns_suppression_removals').where({ email: ann.email, scope: 'global' }).select('reason', 'removed_by_id', 'note')
  ).toEqual([{ reason: 'unsubscribe', removed_by_id: null, note: 'the recipient subscribed again on the preference page' }]);
});

test('a bounced address is not mailed: the page offers no resubscribe, and a posted one changes nothing', async () => {
  const bob = people['bob@prefs.test'];
  await hardBounce(strapi(), bob.deliveryId);
  expect((await contact(bob.email)).state).toBe('bounced');
  const page = await api().get(paths.preferences(bob.deliveryId));
  expect(page.text).toContain('We do not send campaigns to this address at the moment.');
  expect(page.text).not.toContain('value="resubscribe"');
  expect(page.text).not.toContain('value="unsubscribe"');
  // Nothing tells why: not the bounce, not its message.
  expect(page.text).not.toMatch(/bounce|User unknown/i);

  const res = await everything(bob, 'resubscribe');
  expect(res.status).toBe(200);
  expect((await contact(bob.email)).state).toBe('bounced');
  expect((await suppressionsOf(bob.email)).filter((s) => s.scope === 'global').map((s) => s.reason)).toEqual(['hard-bounce']);
});

test('the page speaks the contact’s language, else the browser’s', async () => {
  const cleo = people['cleo@prefs.test'];
  const french = await api().get(paths.preferences(cleo.deliveryId)).set('Accept-Language', 'de');
  expect(french.status).toBe(200);
  expect(french.text).toContain('<html lang="fr">');
  expect(french.text).toContain('Vos préférences e-mail');
  expect(french.headers['content-language']).toBe('fr');

  const bob = people['bob@prefs.test'];
  const german = await api().get(paths.preferences(bob.deliveryId)).set('Accept-Language', 'de-CH, en;q=0.5');
  expect(german.text).toContain('<html lang="de">');
  expect(german.text).toContain('Ihre E-Mail-Einstellungen');
  const refused = await api()
    .post(paths.preferences(bob.deliveryId))
    .set('Accept-Language', 'es')
    .type('form')
    .send(formBody([['action', 'save']]));
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('No se ha cambiado nada');
});
