import { parse } from 'csv-parse/sync';
import { adminWithActions, bearer } from '../../helpers/admin';
import { TEST_IMPORT_MAX_FILE_BYTES } from '../../helpers/imports';
import { useGroupApp } from '../../helpers/integration-group';
import { suppressionsApi } from '../../helpers/suppressions';
import { waitUntil } from '../../helpers/wait';

/** The suppressions admin API: list, add one, paste many, CSV import, export, and who may do what (removals: suppression-removals.ts). */
const group = useGroupApp();
const { strapi, auth, api, service } = group;
const { addOne, paste, importCsv, remove, list, rowsFor } = suppressionsApi(group);
const knex = () => strapi().db.connection;

const READ = 'plugin::campaigns.read';
const MANAGE = 'plugin::campaigns.suppressions.manage';

const emails = (body: { data: Array<{ email: string }> }) => body.data.map((s) => s.email);

let news: string;
let offers: string;
beforeAll(async () => {
  news = (await service('topics').create({ name: 'Suppressed news' })).documentId;
  offers = (await service('topics').create({ name: 'Suppressed offers' })).documentId;
});

describe('add one', () => {
  test('a global manual suppression by default, stored with its hash and announced without the address', async () => {
    const emitted = jest.spyOn(strapi().eventHub, 'emit');
    const res = await addOne({ email: '  Ann@One.TEST ', note: 'asked by phone' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      email: 'Ann@one.test',
      reason: 'manual',
      scope: 'global',
      topic: null,
      active: true,
      expiresAt: null,
    });
    const read = await api().get(`/campaigns/suppressions/${res.body.data.documentId}`).set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(res.body.data);
    expect((await api().get('/campaigns/suppressions/nosuchsuppression000000000').set(auth())).status).toBe(404);
    const [row] = await rowsFor('Ann@one.test');
    expect(row).toMatchObject({
      documentId: res.body.data.documentId,
      reason: 'manual',
      scope: 'global',
      note: 'asked by phone',
      topic: null,
    });
    await waitUntil(() => emitted.mock.calls.some(([name]) => name === 'campaigns.suppression.create'), 'the create event');
    const [, payload] = emitted.mock.calls.find(([name]) => name === 'campaigns.suppression.create')!;
    expect(payload).toEqual({
      suppressionDocumentId: res.body.data.documentId,
      reason: 'manual',
      scope: 'global',
      topic: null,
      expiresAt: null,
      origin: 'admin',
    });
  });

  test('a topic-scoped one names its topic', async () => {
    const res = await addOne({ email: 'topic@one.test', scope: 'topic', topic: news, reason: 'unsubscribe' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ scope: 'topic', reason: 'unsubscribe', topic: { documentId: news, name: 'Suppressed news' } });
    expect((await rowsFor('topic@one.test'))[0].topic).toEqual({ documentId: news });
  });

  test('the same address again keeps the first record; another scope is another suppression', async () => {
    const first = await addOne({ email: 'twice@one.test', reason: 'complaint' });
    const again = await addOne({ email: 'TWICE@one.test', reason: 'manual' });
    expect(again.status).toBe(201);
    expect(again.body.data).toMatchObject({ documentId: first.body.data.documentId, reason: 'complaint' });
    const scoped = await addOne({ email: 'twice@one.test', scope: 'topic', topic: offers });
    expect(scoped.body.data.documentId).not.toBe(first.body.data.documentId);
    expect((await rowsFor('twice@one.test')).map((r) => `${r.scope}:${r.reason}`)).toEqual(['global:complaint', 'topic:manual']);
  });

  test('bad input: an invalid address is named, unknown reason or scope, a topic that does not exist, a topic scope without its topic', async () => {
    const invalid = await addOne({ email: 'not an address' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toBe(
      'Invalid suppression: email: invalid email: "not an address" is not an email address (expected name@domain)'
    );
    const reason = await addOne({ email: 'r@bad.test', reason: 'boredom' });
    expect(reason.status).toBe(400);
    expect(reason.body.error.message).toMatch(/^Invalid suppression: reason: /);
    const scope = await addOne({ email: 'r@bad.test', scope: 'planet' });
    expect(scope.status).toBe(400);
    expect(scope.body.error.message).toMatch(/^Invalid suppression: scope: /);
    const topic = await addOne({ email: 'r@bad.test', scope: 'topic', topic: 'nosuchtopic000000000000000' });
    expect(topic.status).toBe(400);
    expect(topic.body.error.message).toBe('Invalid suppression: topic: unknown topic "nosuchtopic000000000000000"');
    const noTopic = await addOne({ email: 'r@bad.test', scope: 'topic' });
    expect(noTopic.status).toBe(400);
    expect(noTopic.body.error.message).toMatch(/topic: a topic-scoped suppression names its topic/);
    expect(await rowsFor('r@bad.test')).toEqual([]);
  });
});

describe('paste many', () => {
  test('one a line or separated by commas and semicolons: valid ones added in one go, duplicates kept once, bad ones named with their line', async () => {
    await addOne({ email: 'old@paste.test' });
    const res = await paste({
      addresses: 'a@paste.test\nnot-an-address, b@paste.test; A@PASTE.TEST\n\nold@paste.test\nc@paste',
      reason: 'import',
      note: 'list from the old ESP',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      received: 3,
      added: 2,
      alreadySuppressed: 1,
      duplicates: 1,
      invalidCount: 2,
      invalid: [
        { line: 2, entry: 'not-an-address', reason: '"not-an-address" is not an email address (expected name@domain)' },
        { line: 5, entry: 'c@paste', reason: '"paste" is not a valid domain' },
      ],
    });
    expect((await rowsFor('a@paste.test')).map((r) => [r.email, r.reason, r.note])).toEqual([
      ['a@paste.test', 'import', 'list from the old ESP'],
    ]);
    expect(await rowsFor('b@paste.test')).toHaveLength(1);
    expect((await rowsFor('old@paste.test')).map((r) => r.reason)).toEqual(['manual']);
  });

  test('an empty paste, and one of blanks and separators, is refused', async () => {
    for (const addresses of ['', ' \n ;,\n']) {
      const res = await paste({ addresses });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('Invalid suppressions: addresses: the paste holds no address');
    }
  });

  test('a paste for a topic that does not exist writes nothing', async () => {
    const res = await paste({ addresses: 'ghost@paste.test', scope: 'topic', topic: 'nosuchtopic000000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/topic: unknown topic "nosuchtopic000000000000000"/);
    expect(await rowsFor('ghost@paste.test')).toEqual([]);
  });
});

describe('CSV import', () => {
  test('the column whose header says email, any delimiter the import detects; bad rows named by file line, duplicates kept once', async () => {
    const file = 'Name;Contact;Since\nAnn;ann@csv.test;2020\nBad;nope;2021\nAnn again;ANN@csv.test;2022\nZed;"\'=zed@csv.test";2023\n';
    // "Contact" is none of the import's spellings of email (email, e-mail address, mail, courriel...).
    const refused = await importCsv(file, { scope: 'topic', topic: offers });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Invalid import: file: no column of the header holds email addresses (its columns: "Name", "Contact", "Since"): name that column "email"'
    );
    const res = await importCsv(file.replace('Contact', 'E-mail address'), { scope: 'topic', topic: offers });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      received: 2,
      added: 2,
      alreadySuppressed: 0,
      duplicates: 1,
      invalidCount: 1,
      invalid: [{ line: 3, entry: 'nope', reason: '"nope" is not an email address (expected name@domain)' }],
    });
    const [ann] = await rowsFor('ann@csv.test');
    expect(ann).toMatchObject({ reason: 'import', scope: 'topic', topic: { documentId: offers } });
    // The quote an export puts before a formula character is read back off.
    expect((await rowsFor('=zed@csv.test')).map((r) => r.email)).toEqual(['=zed@csv.test']);
  });

  test('bad files, answered as the contact import answers them: binary, too big, no file, a header without rows, unknown options', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), Buffer.alloc(100, 7)]);
    const binary = await importCsv(png);
    expect(binary.status).toBe(400);
    expect(binary.body.error.message).toMatch(/file: the file looks binary \(a NUL byte at offset 8\)/);
    const big = await importCsv('email\n' + 'x'.repeat(TEST_IMPORT_MAX_FILE_BYTES * 1.5));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/is 1\.5 MB; imports take files up to 1\.0 MB \(option campaigns\.imports\.maxFileBytes\)/);
    const none = await api().post('/campaigns/suppressions/import').set(auth()).field('options', '{}');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/file: attach the CSV file as the multipart field "file"/);
    const headerOnly = await importCsv('email\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error.message).toMatch(/the file has a header row but no data rows/);
    const badOptions = await importCsv('email\nx@csv.test\n', { reason: 'whim' });
    expect(badOptions.status).toBe(400);
    expect(badOptions.body.error.message).toMatch(/^Invalid import options: reason: /);
    const notJson = await api()
      .post('/campaigns/suppressions/import')
      .set(auth())
      .attach('file', Buffer.from('email\nx@csv.test\n'), { filename: 'a.csv', contentType: 'text/csv' })
      .field('options', '{not json');
    expect(notJson.status).toBe(400);
    expect(await rowsFor('x@csv.test')).toEqual([]);
  });
});

describe('list and export', () => {
  beforeAll(async () => {
    const suppressions = service('suppressions');
    await suppressions.add({ email: 'l1@list.test', reason: 'hard-bounce' });
    await suppressions.add({ email: 'l2@list.test', reason: 'complaint', scope: 'topic', topic: news });
    await suppressions.add({ email: 'l3@list.test', reason: 'manual', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    await suppressions.add({ email: '=HYPERLINK@list.test', reason: 'manual', note: '=1+1' });
  });

  test('search by address, filter by reason, scope, topic and status, newest or oldest first, paged; each row says whether it counts', async () => {
    expect(emails((await list({ search: 'list.test', sort: 'createdAt:asc' })).body)).toEqual([
      'l1@list.test',
      'l2@list.test',
      'l3@list.test',
      '=HYPERLINK@list.test',
    ]);
    expect(emails((await list({ search: 'list.test' })).body)).toEqual([
      '=HYPERLINK@list.test',
      'l3@list.test',
      'l2@list.test',
      'l1@list.test',
    ]);
    expect(emails((await list({ search: 'L2@LIST' })).body)).toEqual(['l2@list.test']);
    expect(emails((await list({ search: 'list.test', reason: 'complaint' })).body)).toEqual(['l2@list.test']);
    expect(emails((await list({ search: 'list.test', scope: 'topic' })).body)).toEqual(['l2@list.test']);
    expect(emails((await list({ search: 'list.test', topic: news })).body)).toEqual(['l2@list.test']);
    expect(emails((await list({ search: 'list.test', topic: offers })).body)).toEqual([]);
    expect(emails((await list({ search: 'list.test', status: 'expired' })).body)).toEqual(['l3@list.test']);
    const page = await list({ search: 'list.test', scope: 'global', pageSize: '2', page: '2', sort: 'createdAt:asc' });
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(page.body.data.map((s: { email: string; active: boolean }) => [s.email, s.active])).toEqual([['=HYPERLINK@list.test', true]]);
    const expired = (await list({ search: 'l3@' })).body.data[0];
    expect(expired).toMatchObject({ active: false, reason: 'manual' });
  });

  test('bad list queries: unknown reason, scope, status or sort, a topic that does not exist', async () => {
    for (const [query, field] of [
      [{ reason: 'boredom' }, 'reason'],
      [{ scope: 'planet' }, 'scope'],
      [{ status: 'maybe' }, 'status'],
      [{ sort: 'email:asc' }, 'sort'],
    ] as const) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^Invalid query: ${field}: `));
    }
    const topic = await list({ topic: 'nosuchtopic000000000000000' });
    expect(topic.status).toBe(400);
    expect(topic.body.error.message).toBe('Invalid query: topic: unknown topic "nosuchtopic000000000000000"');
  });

  test('the export is the filtered list as CSV, formulas escaped', async () => {
    const res = await api().get('/campaigns/suppressions/export').query({ search: 'list.test', scope: 'global' }).set(auth()).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="suppressions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = res.text;
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...records] = parse(text.slice(1)) as string[][];
    expect(header).toEqual(['email', 'reason', 'scope', 'topic', 'active', 'expiresAt', 'createdAt', 'note', 'sourceEvent']);
    expect(records.map((r) => [r[0], r[1], r[4], r[7]])).toEqual([
      ['l1@list.test', 'hard-bounce', 'true', ''],
      ['l3@list.test', 'manual', 'false', ''],
      ["'=HYPERLINK@list.test", 'manual', 'true', "'=1+1"],
    ]);
  });
});

test('permissions: reading needs read; adding, pasting, importing and removing need the manage suppressions action', async () => {
  const reader = bearer(await adminWithActions(strapi(), 'reader@suppressions.test', [READ]));
  const nobody = bearer(await adminWithActions(strapi(), 'nobody@suppressions.test', []));
  const manager = bearer(await adminWithActions(strapi(), 'manager@suppressions.test', [READ, MANAGE]));
  const added = (await addOne({ email: 'perm@perm.test' })).body.data;

  expect((await api().get('/campaigns/suppressions').set(nobody)).status).toBe(403);
  expect((await api().get('/campaigns/suppressions/export').set(nobody)).status).toBe(403);
  expect((await api().get('/campaigns/suppressions').set(reader)).status).toBe(200);
  expect((await api().get('/campaigns/suppressions/removals').set(reader)).status).toBe(200);
  expect((await addOne({ email: 'no@perm.test' }, reader)).status).toBe(403);
  expect((await paste({ addresses: 'no@perm.test' }, reader)).status).toBe(403);
  expect((await importCsv('email\nno@perm.test\n', undefined, reader)).status).toBe(403);
  expect((await remove(added.documentId, { note: 'no' }, reader)).status).toBe(403);
  expect(await rowsFor('no@perm.test')).toEqual([]);
  expect(await rowsFor('perm@perm.test')).toHaveLength(1);

  expect((await remove(added.documentId, { note: 'allowed' }, manager)).status).toBe(200);
  const [removal] = await knex()('campaigns_suppression_removals').where({ suppression_document_id: added.documentId });
  expect(removal.removed_by_name).toBe('Test User');
});
