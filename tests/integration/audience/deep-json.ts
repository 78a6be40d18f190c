import { useGroupApp } from '../../helpers/integration-group';
import { databaseUnderTest } from '../../helpers/database';
import { postImport } from '../../helpers/imports';

/**
 * JSON nested past what zod's recursive parse or the databases' JSON functions take (SQLite
 * refuses more than 1,000 levels, MariaDB more than 32) is refused with a 400 naming the limit,
 * through the real HTTP stack (Koa's body parser first), and a bad document already stored cannot
 * break segment queries for the other contacts.
 */
const { strapi, auth, api, service, token } = useGroupApp();

const CONTACT = 'plugin::campaigns.contact';

/** {"a":{"a":...{"a":1}}} with `levels` objects around the 1, as JSON text and as a value. */
const nestedText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nested = (levels: number): unknown => JSON.parse(nestedText(levels));
const groups = (levels: number) => `${'{"match":"all","rules":['.repeat(levels)}${']}'.repeat(levels)}`;

const post = (path: string, text: string) => api().post(path).set(auth()).set('Content-Type', 'application/json').send(text);

const contactCount = () => strapi().db.query(CONTACT).count({});

describe.each([1000, 2000])('rules nested %d groups deep', (levels) => {
  test.each(['/campaigns/segments/count', '/campaigns/segments/preview', '/campaigns/segments'])(
    'POST %s answers 400 naming the limit',
    async (path) => {
      const body =
        path === '/campaigns/segments' ? `{"data":{"name":"deep","rules":${groups(levels)}}}` : `{"data":{"rules":${groups(levels)}}}`;
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(`Invalid segment: rules: rules are nested ${levels} groups deep; at most 6`);
    }
  );
});

describe.each([1000, 2000])('contact attributes nested %d levels deep', (levels) => {
  test('create and update answer 400 naming the limit and the attribute, and store nothing', async () => {
    const before = await contactCount();
    const created = await post('/campaigns/contacts', `{"data":{"email":"deep-${levels}@example.com","attributes":${nestedText(levels)}}}`);
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/^Invalid contact: attributes: nested deeper than 32 levels \(at a\.a\.a/);
    expect(await contactCount()).toBe(before);

    const contact = await service('contacts').create({ email: `shallow-${levels}@example.com`, attributes: { plan: 'pro' } });
    const updated = await api()
      .put(`/campaigns/contacts/${contact.documentId}`)
      .set(auth())
      .set('Content-Type', 'application/json')
      .send(`{"data":{"attributes":{"profile":${nestedText(levels)}}}}`);
    expect(updated.status).toBe(400);
    expect(updated.body.error.message).toMatch(/^Invalid contact: attributes: nested deeper than 32 levels \(at profile\.a\.a/);
    expect((await service('contacts').findOne(contact.documentId)).attributes).toEqual({ plan: 'pro' });
  });
});

test('attributes 32 levels deep are stored and read back on every database; 33 are refused', async () => {
  // The attributes object is the first level, as the databases' JSON_DEPTH counts it.
  const ok = await post('/campaigns/contacts', JSON.stringify({ data: { email: 'depth32@example.com', attributes: nested(31) } }));
  expect(ok.status).toBe(201);
  expect(ok.body.data.attributes).toEqual(nested(31));
  const tooDeep = await post('/campaigns/contacts', JSON.stringify({ data: { email: 'depth33@example.com', attributes: nested(32) } }));
  expect(tooDeep.status).toBe(400);
  expect(tooDeep.body.error.message).toMatch(/nested deeper than 32 levels/);
});

test('attributes with too many keys or too much text answer 400 naming the limit', async () => {
  const manyKeys = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`k${i}`, 1]));
  const wide = await post('/campaigns/contacts', JSON.stringify({ data: { email: 'wide@example.com', attributes: manyKeys } }));
  expect(wide.status).toBe(400);
  expect(wide.body.error.message).toMatch(/^Invalid contact: attributes: more than 5000 keys and items/);
  const long = await post(
    '/campaigns/contacts',
    JSON.stringify({ data: { email: 'long@example.com', attributes: { notes: 'x'.repeat(17_000) } } })
  );
  expect(long.status).toBe(400);
  expect(long.body.error.message).toMatch(/^Invalid contact: attributes: .*16 KB/);
});

test('import options nested 2,000 levels deep answer 400 naming the limit', async () => {
  const res = await postImport(strapi(), token(), 'email\na@example.com\n', `{"mapping":${nestedText(2000)}}`);
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/^Invalid import options: nested deeper than \d+ levels/);
});

// MariaDB and MySQL refuse such a document in a JSON column themselves; SQLite and PostgreSQL
// store it, and only PostgreSQL's JSON functions read it back (SQLite's stop at 1,000 levels).
const storesDeepJson = databaseUnderTest() !== 'mysql';
const readsDeepJson = databaseUnderTest() === 'postgres';

(storesDeepJson ? describe : describe.skip)('a contact whose stored attributes are nested 1,000 levels deep', () => {
  let poisoned: string;
  const golds = ['gold1@stored.test', 'gold2@stored.test', ...(readsDeepJson ? ['poisoned@stored.test'] : [])].sort();
  const tier = (operator: string, value?: unknown) => ({
    match: 'all',
    rules: [{ field: 'attribute', path: 'tier', operator, ...(value === undefined ? {} : { value }) }],
  });

  beforeAll(async () => {
    for (const email of ['gold1@stored.test', 'gold2@stored.test'])
      await service('contacts').create({ email, attributes: { tier: 'gold' } });
    poisoned = (await service('contacts').create({ email: 'poisoned@stored.test', attributes: { tier: 'gold' } })).documentId;
    // Written below every check, as a raw SQL write or an older version of the plugin could have.
    const meta = strapi().db.metadata.get(CONTACT);
    const column = (meta.attributes.attributes as unknown as { columnName: string }).columnName;
    await strapi()
      .db.connection(meta.tableName)
      .where({ document_id: poisoned })
      .update({ [column]: `{"tier":"gold","deep":${nestedText(1000)}}` });
  });

  test('segment counts and previews still answer for everyone else; a row the database cannot read reads as having no attributes', async () => {
    const count = await api()
      .post('/campaigns/segments/count')
      .set(auth())
      .send({ data: { rules: tier('eq', 'gold') } });
    expect(count.status).toBe(200);
    expect(count.body.data.count).toBe(golds.length);
    const preview = await api()
      .post('/campaigns/segments/preview')
      .set(auth())
      .send({ data: { rules: tier('contains', 'OL') } });
    expect(preview.status).toBe(200);
    expect(preview.body.data.map((c: { email: string }) => c.email).sort()).toEqual(golds);
    for (const [rules, expected] of [
      [tier('gt', 1), 0],
      [tier('eq', true), 0],
      [tier('isSet'), golds.length],
    ] as const) {
      expect(await service('segments').countRules(rules)).toBe(expected);
    }
    const unset = await service('segments').pageRules(tier('isNotSet'), { limit: 5000 });
    expect(unset.map((c) => c.email).includes('poisoned@stored.test')).toBe(!readsDeepJson);
  });

  test('a saved segment on an attribute still pages its audience (what dispatch reads)', async () => {
    const segment = await service('segments').create({ name: 'Gold tier', rules: tier('in', ['gold', 'silver']) });
    expect(await service('segments').countMailable(segment.documentId)).toBe(golds.length);
    const page = await service('segments').pageRules(segment.rules, { limit: 10 });
    expect(page.map((c) => c.email).sort()).toEqual(golds);
  });
});
