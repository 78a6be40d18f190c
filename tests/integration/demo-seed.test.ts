import { DEMO_ARTICLES } from '../../playground/src/demo/articles';
import { demoContacts } from '../../playground/src/demo/contacts';
import { DEMO_SEED_MARKER, seedDemo } from '../../playground/src/demo/seed';
import { http } from '../helpers/admin';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';

interface Ref {
  documentId: string;
  name: string;
}
interface SeededContact {
  email: string;
  firstName: string | null;
  locale: string | null;
  timezone: string | null;
  state: string;
  attributes: Record<string, unknown> | null;
  consent: { source: string; at: string } | null;
  topics: Ref[];
}
interface SeededCampaign {
  name: string;
  state: string;
  contentFormat: string;
  content: string;
  fromEmail: string;
  segment: Ref | null;
}

let app: TestApp;

const documents = (uid: 'topic' | 'contact' | 'segment' | 'campaign') => app.strapi.documents(`plugin::campaigns.${uid}`);
/** The playground's blog (its types are not generated). */
const articles = () =>
  app.strapi.documents('api::article.article' as never) as unknown as {
    count(params: { status?: 'published' }): Promise<number>;
    findMany(params: Record<string, unknown>): Promise<Array<{ title: string; cover: { url: string; alternativeText: string } | null }>>;
  };
const segments = () => app.strapi.plugin('campaigns').service('segments') as { countMailable(documentId: string): Promise<number> };
const contacts = () =>
  app.strapi.plugin('campaigns').service('contacts') as {
    findByEmail(email: string): Promise<SeededContact & { documentId: string }>;
    delete(documentId: string): Promise<unknown>;
  };

const counts = async () => ({
  topics: await documents('topic').count({}),
  contacts: await documents('contact').count({}),
  segments: await documents('segment').count({}),
  campaigns: await documents('campaign').count({}),
  admins: await app.strapi.db.query('admin::user').count(),
  articles: await articles().count({}),
  images: await app.strapi.db.query('plugin::upload.file').count(),
});

// The boot seeds 1,000 contacts one service call each and uploads three covers: about 8 s on a
// quiet machine, over two minutes on one whose cores are taken by other work.
beforeAll(async () => {
  app = await bootTestApp({
    env: { CAMPAIGNS_DEMO_SEED: 'true', CAMPAIGNS_DEMO_ADMIN_EMAIL: undefined, CAMPAIGNS_DEMO_ADMIN_PASSWORD: undefined },
  });
}, 400_000);
afterAll(() => stopTestApp(app));

test('the boot seeds one admin, two topics, 1,000 contacts, two segments, one draft campaign and three articles', async () => {
  expect(await counts()).toEqual({ topics: 2, contacts: 1000, segments: 2, campaigns: 1, admins: 1, articles: 3, images: 3 });

  const topics = (await documents('topic').findMany({ sort: 'name:asc' })) as unknown as Array<Ref & { slug: string; isPublic: boolean }>;
  expect(topics.map(({ name, slug, isPublic }) => ({ name, slug, isPublic }))).toEqual([
    { name: 'Newsletter', slug: 'newsletter', isPublic: true },
    { name: 'Product updates', slug: 'product-updates', isPublic: true },
  ]);
});

test('the contacts are the generated ones, with their topics, attributes and consent', async () => {
  const topics = (await documents('topic').findMany({})) as unknown as Ref[];
  const id = (name: string) => topics.find((t) => t.name === name)?.documentId ?? '';
  const expected = demoContacts({ newsletter: id('Newsletter'), productUpdates: id('Product updates') });

  for (const sample of [expected[0], expected[499], expected[999]]) {
    if (!sample) throw new Error('demoContacts returned fewer than 1,000 contacts');
    const stored = await contacts().findByEmail(sample.email);
    expect(stored).toMatchObject({
      email: sample.email,
      firstName: sample.firstName,
      locale: sample.locale,
      timezone: sample.timezone,
      state: 'subscribed',
      attributes: sample.attributes,
      consent: { source: sample.consent.source, at: sample.consent.at },
    });
    expect(stored.topics.map((t) => t.documentId).sort()).toEqual([...sample.topics].sort());
  }

  const domains = new Set(expected.map((c) => c.email.split('@')[1]));
  expect([...domains].sort()).toEqual(['example.com', 'example.net', 'example.org']);
  expect(new Set(expected.map((c) => c.locale)).size).toBeGreaterThanOrEqual(4);
});

test('both segments count the contacts they should, and the campaign is a draft for one of them', async () => {
  const topics = (await documents('topic').findMany({})) as unknown as Ref[];
  const newsletter = topics.find((t) => t.name === 'Newsletter')?.documentId ?? '';
  const expected = demoContacts({ newsletter, productUpdates: 'unused' });
  const french = expected.filter((c) => c.locale.startsWith('fr')).length;
  const readers = expected.filter((c) => c.topics.includes(newsletter)).length;

  const saved = (await documents('segment').findMany({ sort: 'name:asc' })) as unknown as Ref[];
  expect(saved.map((s) => s.name)).toEqual(['French speakers', 'Newsletter readers']);
  const [frenchSegment, readersSegment] = saved;
  expect(french).toBeGreaterThan(0);
  expect(readers).toBeGreaterThan(0);
  expect(await segments().countMailable(frenchSegment?.documentId ?? '')).toBe(french);
  expect(await segments().countMailable(readersSegment?.documentId ?? '')).toBe(readers);

  const [campaign] = (await documents('campaign').findMany({ populate: { segment: { fields: ['name'] } } })) as unknown as SeededCampaign[];
  expect(campaign).toMatchObject({
    state: 'draft',
    contentFormat: 'mjml',
    fromEmail: 'news@example.com',
    segment: { name: 'Newsletter readers' },
  });
  expect(campaign?.content).toContain('<mjml>');
  expect(campaign?.content).toContain('{{ contact.firstName');
  // CAN-SPAM and the bulk sender rules: a way out and the sender's postal address in every message.
  const preview = (await app.strapi
    .plugin('campaigns')
    .service('sending')
    .preview((campaign as unknown as Ref).documentId, {})) as { html: string };
  expect(preview.html).toMatch(/<a href="http:\/\/localhost:\d+\/api\/campaigns\/t\/u\/[^"]+"[^>]*>Unsubscribe<\/a>/);
  expect(preview.html).toContain('Northwind Coffee, 12 Harbour Street, Portland, ME 04101, USA');
});

test('the articles have their covers from the Media Library, with alternative texts; one is a draft', async () => {
  const published = await articles().findMany({ status: 'published', populate: { cover: true }, sort: 'title:asc' });
  const expected = DEMO_ARTICLES.filter((a) => a.published);
  expect(published.map((a) => a.title)).toEqual(expected.map((a) => a.title).sort());
  for (const article of published) {
    const demo = expected.find((a) => a.title === article.title);
    expect(article.cover).toMatchObject({
      url: expect.stringMatching(/^\/uploads\/.+\.png$/),
      alternativeText: demo?.cover.alternativeText,
    });
  }
  expect(await articles().count({ status: 'published' })).toBe(2);
});

test('the demo admin logs in with the default credentials', async () => {
  const res = await http(app.strapi).post('/admin/login').send({ email: 'admin@example.com', password: 'Campaigns-Demo-1' });
  expect(res.status).toBe(200);
  expect(typeof res.body.data.token).toBe('string');
  expect(res.body.data.user).toMatchObject({ email: 'admin@example.com', isActive: true });

  const wrong = await http(app.strapi).post('/admin/login').send({ email: 'admin@example.com', password: 'Campaigns-Demo-2' });
  expect(wrong.status).toBe(400);
});

test('running the seed again adds nothing', async () => {
  const before = await counts();
  await seedDemo(app.strapi);
  expect(await counts()).toEqual(before);
});

test('without the marker (an interrupted first boot) it adds only what is missing', async () => {
  const before = await counts();
  const gone = demoContacts({ newsletter: 'unused', productUpdates: 'unused' })
    .slice(1, 3)
    .map((c) => c.email);
  for (const email of gone) {
    const contact = await contacts().findByEmail(email);
    await contacts().delete(contact.documentId);
  }
  expect((await counts()).contacts).toBe(before.contacts - gone.length);

  await app.strapi.store.delete(DEMO_SEED_MARKER);
  await seedDemo(app.strapi);

  expect(await counts()).toEqual(before);
  for (const email of gone) expect(await contacts().findByEmail(email)).toMatchObject({ email, state: 'subscribed' });
  expect(await app.strapi.store.get(DEMO_SEED_MARKER)).toMatchObject({ seededAt: expect.any(String) });
});
