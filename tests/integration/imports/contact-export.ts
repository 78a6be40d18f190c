import type { Knex } from 'knex';
import { adminWithActions, bearer } from '../../helpers/admin';
import { downloadCsv, importFile } from '../../helpers/imports';
import { useGroupApp } from '../../helpers/integration-group';

const { strapi, token, auth, api, service } = useGroupApp();
let news: { documentId: string; slug: string };
let offers: { documentId: string; slug: string };

const knex = (): Knex => strapi().db.connection;
const HEADER = ['email', 'firstName', 'lastName', 'state', 'timezone', 'locale', 'topics', 'attributes', 'createdAt'];
const BULK = 2500;

beforeAll(async () => {
  news = await service('topics').create({ name: 'News' });
  offers = await service('topics').create({ name: 'Offers' });
  await service('contacts').create({
    email: 'formula@example.com',
    firstName: '=HYPERLINK("http://evil.example","click")',
    lastName: '+SUM(1,2)',
    attributes: { note: '@cmd', n: -1 },
    topics: [offers.documentId, news.documentId],
  });
  await service('contacts').create({ email: '-dash@example.com', firstName: '@home', timezone: 'Europe/Paris', locale: 'fr' });
  const left = await service('contacts').create({ email: 'left@example.com', topics: [news.documentId] });
  await service('contacts').setState(left.documentId, 'unsubscribed');
  await service('suppressions').add({ email: 'bulk7@example.com', reason: 'hard-bounce' });
  // Enough contacts for several keyset pages.
  const lines = Array.from({ length: BULK }, (_, i) => `bulk${i}@example.com,Bulk${i},Tester,UTC,en,p${i % 2}`);
  const done = await importFile(strapi(), token(), ['email,first,last,tz,lang,plan', ...lines].join('\n'), {
    mapping: { email: 'email', first: 'firstName', last: 'lastName', tz: 'timezone', lang: 'locale', plan: 'attribute:plan' },
    topics: [news.documentId],
    consent: { source: 'test' },
  });
  expect(done.state).toBe('done');
});

const exportCsv = (query = '') => downloadCsv(strapi(), token(), `/campaigns/contacts/export${query}`);

test('exports every contact in id order with the documented columns, as a download', async () => {
  const { res, text, rows } = await exportCsv();
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(text.startsWith('\ufeff')).toBe(true);
  expect(rows[0]).toEqual(HEADER);
  const stored = await knex()('campaigns_contacts').orderBy('id').select('email');
  expect(rows.slice(1).map((r) => r[0].replace(/^'/, ''))).toEqual(stored.map((r: { email: string }) => r.email));
  expect(rows).toHaveLength(1 + 3 + BULK);

  const bulk = rows.find((r) => r[0] === 'bulk1@example.com') as string[];
  const contact = await service('contacts').findByEmail('bulk1@example.com');
  expect(bulk).toEqual(['bulk1@example.com', 'Bulk1', 'Tester', 'subscribed', 'UTC', 'en', news.slug, '{"plan":"p1"}', contact?.createdAt]);
});

test('formula-looking values are written as text, each one', async () => {
  const { rows } = await exportCsv();
  const formula = rows.find((r) => r[0] === 'formula@example.com') as string[];
  expect(formula.slice(1, 3)).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'+SUM(1,2)"]);
  expect(formula[6]).toBe(`${offers.slug}|${news.slug}`);
  expect(JSON.parse(formula[7])).toEqual({ note: '@cmd', n: -1 });
  expect(rows.find((r) => r[0] === "'-dash@example.com")?.slice(0, 6)).toEqual([
    "'-dash@example.com",
    "'@home",
    '',
    'subscribed',
    'Europe/Paris',
    'fr',
  ]);
});

test('filters by state, and by a segment (its mailable contacts: subscribed, not suppressed)', async () => {
  const unsubscribed = await exportCsv('?state=unsubscribed');
  expect(unsubscribed.rows.slice(1).map((r) => r[0])).toEqual(['left@example.com']);

  const segment = await service('segments').create({
    name: 'News readers',
    rules: { match: 'all', rules: [{ field: 'topic', operator: 'memberOfAny', value: [news.documentId] }] },
  });
  const { rows } = await exportCsv(`?segment=${segment.documentId}`);
  const emails = rows.slice(1).map((r) => r[0]);
  expect(emails).toHaveLength(1 + BULK - 1);
  expect(emails).toContain('formula@example.com');
  expect(emails).not.toContain('left@example.com');
  expect(emails).not.toContain('bulk7@example.com');
  expect(await service('segments').countMailable(segment.documentId)).toBe(emails.length);
  expect((await exportCsv(`?segment=${segment.documentId}&state=unsubscribed`)).rows).toHaveLength(1);
});

test('filters by topic, alone or with a state, as the contacts page filters', async () => {
  const offered = await exportCsv(`?topic=${offers.documentId}`);
  expect(offered.rows.slice(1).map((r) => r[0])).toEqual(['formula@example.com']);
  expect(offered.res.headers['content-disposition']).toMatch(
    new RegExp(`filename="contacts-topic-${offers.documentId}-\\d{4}-\\d{2}-\\d{2}\\.csv"`)
  );
  const newsLeft = await exportCsv(`?topic=${news.documentId}&state=unsubscribed`);
  expect(newsLeft.rows.slice(1).map((r) => r[0])).toEqual(['left@example.com']);
  expect((await exportCsv(`?topic=${news.documentId}`)).rows).toHaveLength(1 + 2 + BULK);
});

test('an exported file imports back onto the same contacts, and every value comes back as it was', async () => {
  const { text, rows: exported } = await exportCsv();
  const before = await knex()('campaigns_contacts').count({ n: '*' }).first();
  const again = await importFile(strapi(), token(), text, {
    mapping: { email: 'email', firstName: 'firstName', lastName: 'lastName', timezone: 'timezone', locale: 'locale' },
    consent: { source: 'round trip' },
    updateExisting: true,
  });
  expect(again).toMatchObject({
    state: 'done',
    counters: { rowsRead: 3 + BULK, created: 0, updated: 3 + BULK - 1, suppressed: 1, duplicates: 0, rejected: 0 },
  });
  expect(await knex()('campaigns_contacts').count({ n: '*' }).first()).toEqual(before);
  expect(await service('contacts').findByEmail('formula@example.com')).toMatchObject({
    firstName: '=HYPERLINK("http://evil.example","click")',
    lastName: '+SUM(1,2)',
  });
  expect(await service('contacts').findByEmail('-dash@example.com')).toMatchObject({ firstName: '@home', timezone: 'Europe/Paris' });
  expect((await exportCsv()).rows).toEqual(exported);
});

test('refuses a bad query with a 400 or 404 naming it', async () => {
  const get = (query: string, headers = auth()) => api().get(`/campaigns/contacts/export${query}`).set(headers);
  const unknown = await get('?segment=nosuchsegment1');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.message).toMatch(/No segment with documentId "nosuchsegment1"/);
  const unknownTopic = await get('?topic=nosuchtopic1');
  expect(unknownTopic.status).toBe(400);
  expect(unknownTopic.body.error.message).toMatch(/topic: unknown topic "nosuchtopic1"/);
  const badState = await get('?state=gone');
  expect(badState.status).toBe(400);
  expect(badState.body.error.message).toMatch(/state/);
  expect((await get('?color=red')).body.error.message).toMatch(/color: unknown field/);
  expect((await api().get('/campaigns/contacts/export')).status).toBe(401);
  const nobody = await adminWithActions(strapi(), 'nobody@example.com', []);
  expect((await get('', bearer(nobody))).status).toBe(403);
});
