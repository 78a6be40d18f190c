import type { Knex } from 'knex';
import { adminWithActions, bearer } from '../../helpers/admin';
import { downloadCsv, importFile, postImport, TEST_IMPORT_MAX_FILE_BYTES, waitForImport, watchUploads } from '../../helpers/imports';
import { useGroupApp } from '../../helpers/integration-group';

const CONTACT = 'plugin::campaigns.contact';

const { strapi, token, auth, api, service } = useGroupApp();
let news: { documentId: string };
let offers: { documentId: string };

beforeAll(async () => {
  news = await service('topics').create({ name: 'News' });
  offers = await service('topics').create({ name: 'Offers' });
});

const knex = (): Knex => strapi().db.connection;
const rowsOf = async (qb: Knex.QueryBuilder) => Number((await qb.count({ n: '*' }).first())?.n ?? 0);
const contactCount = () => rowsOf(knex()('campaigns_contacts'));
const importCount = () => rowsOf(knex()('campaigns_imports'));
const consent = { source: 'Newsletter form, spring fair', text: 'Yes, send me the newsletter' };
const baseOptions = (mapping: Record<string, string>, extra: Record<string, unknown> = {}) => ({ mapping, consent, ...extra });
const MAPPING = {
  Email: 'email',
  'First name': 'firstName',
  'Last name': 'lastName',
  'Time zone': 'timezone',
  Language: 'locale',
  Plan: 'attribute:plan',
};
const HEADER = 'Email,First name,Last name,Time zone,Language,Plan';
const person = (i: number) => `person${i}@example.com,First${i},Last${i},Europe/Paris,fr,plan${i % 3}`;

/** CSV text from data lines, with the header above and CRLF line ends, as spreadsheets write it. */
const csv = (lines: string[], header = HEADER) => [header, ...lines].join('\r\n') + '\r\n';

describe('a real file of good and bad rows', () => {
  // 1,200 data rows (two batches, of 500 and 700): five invalid, four duplicates, one suppressed, one formula.
  const special: Record<number, string> = {
    10: 'not-an-email,Bad,Email,Europe/Paris,fr,plan1',
    20: ',No,Email,Europe/Paris,fr,plan2',
    30: 'mars@example.com,Mars,Olympus,Mars/Olympus,fr,plan0',
    40: 'locale@example.com,Bad,Locale,UTC,not a locale,plan1',
    50: 'short@example.com,Too,Few',
    60: 'PERSON5@Example.COM,Again,Five,UTC,en,plan0',
    70: 'blocked@example.com,Blocked,Person,UTC,en,plan1',
    80: 'existing@example.com,New,Name,UTC,en,plan2',
    90: 'formula@example.com,"=HYPERLINK(""http://evil.example"",""click"")",-Minus,UTC,en,@plan',
    700: 'person100@example.com,Hundred,Again,UTC,en,plan1',
    1100: person(1099),
    1150: 'multi@example.com,"Smith, ""Jr""\nsecond line",Doe,UTC,en,plan0',
    1160: 'zoe@Bücher.Example,Zoë,Idn,Asia/Tokyo,ja-JP,plan1',
  };
  const lines = Array.from({ length: 1200 }, (_, i) => special[i] ?? person(i));
  // Blank lines and rows of empty cells are not rows.
  const file = csv([...lines, '', ',,,,,']);
  let result: Awaited<ReturnType<typeof importFile>>;
  let existingDocumentId: string;

  beforeAll(async () => {
    existingDocumentId = (await service('contacts').create({ email: 'existing@example.com', firstName: 'Old' })).documentId;
    await service('suppressions').add({ email: 'blocked@example.com', reason: 'complaint' });
    result = await importFile(strapi(), token(), file, baseOptions(MAPPING, { topics: [news.documentId, offers.documentId] }));
  });

  test('ends done with counters that add up', () => {
    expect(result).toMatchObject({
      state: 'done',
      progress: 100,
      rowsCommitted: 1200,
      error: null,
      counters: { rowsRead: 1200, created: 1190, updated: 0, duplicates: 4, rejected: 5, suppressed: 1 },
      options: { delimiter: ',', updateExisting: false, consent: { source: consent.source, text: consent.text } },
    });
    expect(result.fileName).toBe('contacts.csv');
    expect(result.startedAt).toEqual(expect.any(String));
    expect(result.finishedAt).toEqual(expect.any(String));
  });

  test('writes the contacts, normalised, with consent, source and topic links', async () => {
    expect(await contactCount()).toBe(1 + 1190 + 1);
    expect(await rowsOf(knex()('campaigns_contacts').where('source', `import:${result.id}`))).toBe(1191);
    const zoe = await knex()('campaigns_contacts').where({ email: 'zoe@xn--bcher-kva.example' }).first();
    expect(zoe).toMatchObject({ first_name: 'Zoë', timezone: 'Asia/Tokyo', locale: 'ja-JP', state: 'subscribed' });
    const contact = await service('contacts').findByEmail('person1@example.com');
    expect(contact).toMatchObject({
      firstName: 'First1',
      lastName: 'Last1',
      timezone: 'Europe/Paris',
      locale: 'fr',
      attributes: { plan: 'plan1' },
      state: 'subscribed',
      source: `import:${result.id}`,
      consent: { source: consent.source, text: consent.text, ip: null, at: expect.any(String) },
    });
    expect(contact?.topics.map((t: { documentId: string }) => t.documentId)).toEqual([news.documentId, offers.documentId]);
    expect((await service('contacts').findByEmail('multi@example.com'))?.firstName).toBe('Smith, "Jr"\nsecond line');
    // The first of two rows with one address wins; the existing contact is left alone.
    expect((await service('contacts').findByEmail('person5@example.com'))?.firstName).toBe('First5');
    expect(await service('contacts').findOne(existingDocumentId)).toMatchObject({ firstName: 'Old', topics: [] });
  });

  test('stores a formula-looking name as the text it is', async () => {
    expect(await service('contacts').findByEmail('formula@example.com')).toMatchObject({
      firstName: '=HYPERLINK("http://evil.example","click")',
      lastName: '-Minus',
      attributes: { plan: '@plan' },
    });
  });

  test('links every imported contact to both topics, with Strapi order columns', async () => {
    const links = await knex()('campaigns_contacts_topics_lnk').select('*');
    expect(links).toHaveLength(1191 * 2);
    const byTopic = new Map<number, number[]>();
    for (const link of links) byTopic.set(link.topic_id, [...(byTopic.get(link.topic_id) ?? []), Number(link.contact_ord)]);
    for (const positions of byTopic.values()) expect(new Set(positions).size).toBe(1191);
    expect(new Set(links.map((l: { topic_ord: number }) => Number(l.topic_ord)))).toEqual(new Set([1, 2]));
  });

  test('the suppressed address is imported but never mailable', async () => {
    expect(await service('contacts').findByEmail('blocked@example.com')).toMatchObject({ state: 'subscribed' });
    const everyone = { match: 'all', rules: [{ field: 'topic', operator: 'memberOfAny', value: [news.documentId] }] };
    const segment = await service('segments').create({ name: 'All news', rules: everyone });
    expect(await service('segments').countMailable(segment.documentId)).toBe(1190);
  });

  test('the report lists each rejected row: line, email, reason and its values', async () => {
    const { res, text, rows } = await downloadCsv(strapi(), token(), `/campaigns/imports/${result.id}/report`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="import-${result.id}-rejected-rows.csv"`);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(rows[0]).toEqual(['line', 'email', 'reason', 'Email', 'First name', 'Last name', 'Time zone', 'Language', 'Plan']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['12', 'not-an-email', 'email: "not-an-email" is not an email address (expected name@domain)'],
      ['22', '', 'email: must not be empty'],
      ['32', 'mars@example.com', 'timezone: unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Paris or UTC)'],
      ['42', 'locale@example.com', 'locale: "not a locale" is not a BCP 47 locale such as en or fr-CA'],
      ['52', 'short@example.com', 'the row has 3 values, the header has 6 columns'],
    ]);
    expect(rows[1].slice(3)).toEqual(['not-an-email', 'Bad', 'Email', 'Europe/Paris', 'fr', 'plan1']);
  });

  test('a bulk-written contact reads, updates and deletes through the document service like one it created', async () => {
    const viaService = await service('contacts').create({ email: 'reference@example.com', consent: { source: 'api', text: 'x' } });
    const raw = async (email: string) => knex()('campaigns_contacts').where({ email }).first();
    const [imported, reference] = [await raw('person2@example.com'), await raw('reference@example.com')];
    expect(Object.keys(imported).sort()).toEqual(Object.keys(reference).sort());
    for (const column of [
      'document_id',
      'email_hash',
      'consent',
      'state',
      'created_at',
      'updated_at',
      'published_at',
      'state_changed_at',
    ]) {
      expect([column, Object.prototype.toString.call(imported[column])]).toEqual([
        column,
        Object.prototype.toString.call(reference[column]),
      ]);
    }
    expect(imported.document_id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(imported.published_at).not.toBeNull();

    const documents = strapi().documents(CONTACT as never);
    const doc = (await documents.findOne({ documentId: imported.document_id, populate: ['topics'] } as never)) as Record<string, unknown>;
    const ref = (await documents.findOne({ documentId: viaService.documentId, populate: ['topics'] } as never)) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(Object.keys(ref).sort());
    expect(doc).toMatchObject({ email: 'person2@example.com', publishedAt: expect.any(String), createdAt: expect.any(String) });
    for (const key of Object.keys(ref).filter((k) => ref[k] !== null && doc[k] !== null)) {
      expect([key, typeof doc[key]]).toEqual([key, typeof ref[key]]);
    }

    const updated = await service('contacts').update(imported.document_id, { lastName: 'Changed', topics: [offers.documentId] });
    expect(updated).toMatchObject({ lastName: 'Changed', topics: [{ documentId: offers.documentId }] });
    await service('contacts').delete(imported.document_id);
    expect(await service('contacts').findByEmail('person2@example.com')).toBeNull();
  });

  test('importing the same file again adds nothing, and the counts say so', async () => {
    const before = await contactCount();
    const again = await importFile(strapi(), token(), file, baseOptions(MAPPING, { topics: [news.documentId] }));
    expect(again).toMatchObject({ state: 'done', counters: { rowsRead: 1200, created: 1, updated: 0, rejected: 5, suppressed: 0 } });
    // person2 was deleted above, so it comes back; every other valid row is a duplicate now.
    expect(again.counters.duplicates).toBe(1200 - 5 - 1);
    expect(await contactCount()).toBe(before + 1);
  });

  test('lists imports, newest first', async () => {
    const list = await api().get('/campaigns/imports').set(auth());
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
    expect(list.body.data[0].id).toBeGreaterThan(list.body.data[1].id);
    expect((await api().get('/campaigns/imports').query({ state: 'sometimes' }).set(auth())).status).toBe(400);
  });
});

test('preview answers the delimiter, the header, ten rows and a suggested mapping, and keeps nothing', async () => {
  const imports = await importCount();
  const text =
    '\ufeffE-mail;First name;Last name;Company\n' + Array.from({ length: 15 }, (_, i) => `p${i}@example.com;P${i};Q${i};ACME`).join('\n');
  const uploads = watchUploads();
  const res = await api()
    .post('/campaigns/imports/preview')
    .set(auth())
    .attach('file', Buffer.from(text), { filename: 'semicolons.csv', contentType: 'text/csv' });
  uploads.stop();
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    fileName: 'semicolons.csv',
    size: Buffer.byteLength(text),
    delimiter: ';',
    columns: ['E-mail', 'First name', 'Last name', 'Company'],
    suggestedMapping: { 'E-mail': 'email', 'First name': 'firstName', 'Last name': 'lastName', Company: 'attribute:company' },
  });
  expect(res.body.data.rows).toHaveLength(10);
  expect(res.body.data.rows[0]).toEqual(['p0@example.com', 'P0', 'Q0', 'ACME']);
  expect(await importCount()).toBe(imports);
  expect(uploads.written()).toHaveLength(1);
  expect(uploads.leftBehind()).toEqual([]);
});

test('updateExisting gives existing contacts the new values, merges attributes, adds topics, and never touches their state', async () => {
  const kept = await service('contacts').create({
    email: 'kept@example.com',
    firstName: 'Kept',
    lastName: 'Same',
    attributes: { since: '2020' },
  });
  await service('contacts').setState(kept.documentId, 'unsubscribed');
  const file = csv(
    ['kept@example.com,Renamed,,UTC,de,gold', 'KEPT@example.com,Twice,,UTC,de,silver', 'fresh@example.com,Fresh,One,UTC,en,plan0'].concat(
      Array.from({ length: 600 }, (_, i) => `filler${i}@example.com,F,L,UTC,en,x`),
      ['kept@example.com,Third,,UTC,de,bronze']
    )
  );
  const done = await importFile(strapi(), token(), file, baseOptions(MAPPING, { topics: [offers.documentId], updateExisting: true }));
  expect(done.counters).toEqual({ rowsRead: 604, created: 601, updated: 1, duplicates: 2, rejected: 0, suppressed: 0 });
  expect(await service('contacts').findOne(kept.documentId)).toMatchObject({
    firstName: 'Renamed',
    lastName: 'Same',
    timezone: 'UTC',
    locale: 'de',
    attributes: { since: '2020', plan: 'gold' },
    state: 'unsubscribed',
    source: null,
    topics: [{ documentId: offers.documentId }],
  });
});

test('updateExisting over 1,200 contacts of an earlier import: every row gets its own values, empty cells keep theirs', async () => {
  const header = 'Email,First name,Last name,Time zone,Language,Plan';
  const first = Array.from({ length: 1200 }, (_, i) => `bulk${i}@example.com,First${i},Last${i},Europe/Paris,fr,plan${i % 3}`);
  const created = await importFile(strapi(), token(), csv(first, header), baseOptions(MAPPING));
  expect(created.counters.created).toBe(1200);
  const before = await knex()('campaigns_contacts').where('email', 'bulk7@example.com').first();

  // Even rows get a new first name and plan; odd rows only a new time zone (empty cells elsewhere).
  const second = Array.from({ length: 1200 }, (_, i) =>
    i % 2 === 0 ? `bulk${i}@example.com,New${i},,,,gold${i}` : `bulk${i}@example.com,,,America/New_York,,`
  );
  const updated = await importFile(strapi(), token(), csv(second, header), baseOptions(MAPPING, { updateExisting: true }));
  expect(updated.counters).toEqual({ rowsRead: 1200, created: 0, updated: 1200, duplicates: 0, rejected: 0, suppressed: 0 });

  const rows = await knex()('campaigns_contacts')
    .where('email', 'like', 'bulk%')
    .select('email', 'first_name', 'last_name', 'timezone', 'locale', 'attributes', 'updated_at');
  expect(rows).toHaveLength(1200);
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  for (const row of rows) {
    const i = Number(String(row.email).match(/^bulk(\d+)@/)?.[1]);
    expect({ ...row, attributes: parse(row.attributes), updated_at: undefined }).toEqual({
      email: `bulk${i}@example.com`,
      first_name: i % 2 === 0 ? `New${i}` : `First${i}`,
      last_name: `Last${i}`,
      timezone: i % 2 === 0 ? 'Europe/Paris' : 'America/New_York',
      locale: 'fr',
      attributes: { plan: i % 2 === 0 ? `gold${i}` : `plan${i % 3}` },
      updated_at: undefined,
    });
  }
  const after = await knex()('campaigns_contacts').where('email', 'bulk7@example.com').first();
  expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(before.updated_at).getTime());
  // What the document service reads back is the same.
  expect(await service('contacts').findByEmail('bulk8@example.com')).toMatchObject({
    firstName: 'New8',
    attributes: { plan: 'gold8' },
    state: 'subscribed',
  });
});

describe('bad input is refused with a 400 that says what to fix, and nothing is written', () => {
  const refused = async (file: string | Buffer, options: unknown, status: number, message: RegExp) => {
    const [contacts, imports] = [await contactCount(), await importCount()];
    const uploads = watchUploads();
    const res = await postImport(strapi(), token(), file, options);
    uploads.stop();
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect([await contactCount(), await importCount()]).toEqual([contacts, imports]);
    // The body parser wrote the upload (the watch sees it), and it is gone.
    expect(uploads.written()).toHaveLength(1);
    expect(uploads.leftBehind()).toEqual([]);
  };
  const good = csv([person(1)]);

  test('a mapping to a column that is not in the file names it', () =>
    refused(
      good,
      baseOptions({ Email: 'email', Mail: 'firstName' }),
      400,
      /mapping: column "Mail" is not in the file \(its columns: "Email", "First name"/
    ));
  test('no column mapped to email', () =>
    refused(good, baseOptions({ 'First name': 'firstName' }), 400, /mapping: no column maps to email/));
  test('an unknown mapping target', () =>
    refused(good, baseOptions({ Email: 'email', Plan: 'plan' }), 400, /mapping\.Plan: must be one of email/));
  test('an unknown topic', () =>
    refused(good, baseOptions({ Email: 'email' }, { topics: ['nosuchtopic1'] }), 400, /topics: unknown topic "nosuchtopic1"/));
  test('options that are not JSON', () => refused(good, '{mapping', 400, /options: not valid JSON/));
  test('no consent record', () => refused(good, { mapping: { Email: 'email' } }, 400, /consent: /));
  test('an empty file', () => refused('', baseOptions({ Email: 'email' }), 400, /file: the file is empty/));
  test('a header-only file', () =>
    refused(HEADER + '\r\n', baseOptions({ Email: 'email' }), 400, /file: the file has a header row but no data rows/));
  test('the wrong delimiter names the one the file looks delimited by', async () => {
    const semicolons = 'email;first name\nann@example.com;Ann\n';
    await refused(
      semicolons,
      baseOptions({ email: 'email' }, { delimiter: ',' }),
      400,
      /the header is one column \("email;first name"\): the file looks delimited by ";", not ","/
    );
    await refused(
      'email\tname\nann@example.com\tAnn\n',
      baseOptions({ email: 'email' }, { delimiter: ';' }),
      400,
      /looks delimited by tab/
    );
  });
  test('a binary file looks binary', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), Buffer.alloc(100, 7)]);
    await refused(png, baseOptions({ Email: 'email' }), 400, /file: the file looks binary \(a NUL byte at offset 8\)/);
    await refused(
      Buffer.from('Email,Name\nzoe@example.com,Zo\xeb\n', 'latin1'),
      baseOptions({ Email: 'email' }),
      400,
      /looks binary or is not UTF-8/
    );
  });
  test('a file over the size limit gets 413 before it is read', () =>
    refused(
      HEADER + '\n' + 'x'.repeat(TEST_IMPORT_MAX_FILE_BYTES * 1.5),
      baseOptions({ Email: 'email' }),
      413,
      /is 1\.5 MB; imports take files up to 1\.0 MB \(option campaigns\.imports\.maxFileBytes\)/
    ));
  test('a broken quote in the first rows', () =>
    refused(
      'Email,Name\nann@example.com,"Ann\nbob@example.com,Bob\n',
      baseOptions({ Email: 'email' }),
      400,
      /file: line 2: Quote Not Closed/
    ));
  test('no file', async () => {
    const res = await api()
      .post('/campaigns/imports')
      .set(auth())
      .field('options', JSON.stringify(baseOptions({ Email: 'email' })));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/file: attach the CSV file as the multipart field "file"/);
  });
});

test('a broken quote in the middle: rows before it are imported, the import fails at its line and the report lists it', async () => {
  const lines = Array.from({ length: 1100 }, (_, i) =>
    i === 1001 ? 'broken@example.com,"Broken,Quote,UTC,en,x' : `quote${i}@example.com,Q,R,UTC,en,x`
  );
  const res = await postImport(strapi(), token(), csv(lines), baseOptions(MAPPING));
  expect(res.status).toBe(202);
  const failed = await waitForImport(strapi(), token(), res.body.data.id);
  expect(failed).toMatchObject({
    state: 'failed',
    rowsCommitted: 1001,
    counters: { rowsRead: 1002, created: 1001, rejected: 1, duplicates: 0, updated: 0, suppressed: 0 },
  });
  expect(failed.error).toMatch(/^line 1003 could not be read as CSV \(Quote Not Closed: .*\); the 1001 data rows before it were processed/);
  expect(await rowsOf(knex()('campaigns_contacts').where('email', 'like', 'quote%'))).toBe(1001);
  const { rows } = await downloadCsv(strapi(), token(), `/campaigns/imports/${failed.id}/report`);
  expect(rows.slice(1)).toEqual([['1003', '', expect.stringMatching(/^Quote Not Closed/)]]);
});

test('a batch that crashes before its commit is retried and resumes: nothing lost, nothing twice', async () => {
  const lines = Array.from({ length: 1600 }, (_, i) =>
    i % 250 === 7 ? `bad-${i},X,Y,UTC,en,x` : `resume${i}@example.com,R${i},S,UTC,en,x`
  );
  // The third batch transaction (rows 1,501-1,600, after batches of 500 and 1,000) does all its
  // work, then the process "dies" before COMMIT. knex
  // defines `transaction` read-only but configurable: it is redefined for this test and put back.
  const connection = knex();
  const descriptor = Object.getOwnPropertyDescriptor(connection, 'transaction') as PropertyDescriptor;
  const original = descriptor.value as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  Object.defineProperty(connection, 'transaction', {
    ...descriptor,
    value(this: Knex, handler?: unknown, ...rest: unknown[]) {
      if (typeof handler !== 'function') return original.call(this, handler, ...rest);
      calls += 1;
      const crash = calls === 3;
      return original.call(this, async (trx: Knex.Transaction) => {
        const result = await (handler as (t: Knex.Transaction) => Promise<unknown>)(trx);
        if (crash) throw new Error('simulated crash before commit');
        return result;
      });
    },
  });
  let done;
  try {
    done = await importFile(strapi(), token(), csv(lines), baseOptions(MAPPING, { topics: [news.documentId] }));
  } finally {
    Object.defineProperty(connection, 'transaction', descriptor);
  }
  // Two batches committed, the third crashed, its retry committed it.
  expect(calls).toBe(4);
  const rejected = lines.filter((l) => l.startsWith('bad-')).length;
  expect(done).toMatchObject({
    state: 'done',
    rowsCommitted: 1600,
    counters: { rowsRead: 1600, created: 1600 - rejected, rejected, duplicates: 0 },
  });
  const ids = (await knex()('campaigns_contacts').where('source', `import:${done.id}`).select('id')).map((r: { id: number }) => r.id);
  expect(ids).toHaveLength(1600 - rejected);
  expect(await rowsOf(knex()('campaigns_contacts_topics_lnk').whereIn('contact_id', ids))).toBe(1600 - rejected);
  const { rows } = await downloadCsv(strapi(), token(), `/campaigns/imports/${done.id}/report`);
  expect(rows.slice(1).map((r) => r[1])).toEqual(lines.filter((l) => l.startsWith('bad-')).map((l) => l.split(',')[0]));

  // A job delivered again for a finished import changes nothing.
  const job = await service('queues').queue('import').add('run', { importId: done.id });
  for (let state = await job.getState(); state !== 'completed'; state = await job.getState()) {
    expect(state).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await rowsOf(knex()('campaigns_contacts').where('source', `import:${done.id}`))).toBe(1600 - rejected);
  expect((await api().get(`/campaigns/imports/${done.id}`).set(auth())).body.data.counters).toEqual(done.counters);
});

test('permissions: reading imports needs read, importing needs write', async () => {
  const reader = await adminWithActions(strapi(), 'reader@example.com', ['plugin::campaigns.read']);
  expect((await api().get('/campaigns/imports').set(bearer(reader))).status).toBe(200);
  expect((await postImport(strapi(), reader, csv([person(1)]), baseOptions({ Email: 'email' }))).status).toBe(403);
  expect(
    (
      await api()
        .post('/campaigns/imports/preview')
        .set(bearer(reader))
        .attach('file', Buffer.from(csv([person(1)])), 'a.csv')
    ).status
  ).toBe(403);
  expect((await api().get('/campaigns/imports')).status).toBe(401);
  expect((await api().get('/campaigns/imports/999999').set(auth())).status).toBe(404);
});

// Only SQLite has a connection page cache to give back: the other projects do not declare the test.
if ((process.env.CAMPAIGNS_TEST_DATABASE ?? 'sqlite') === 'sqlite') {
  test('SQLite: the connection gets its page cache back once an import ends', async () => {
    const cacheSize = async () => ((await knex().raw('PRAGMA cache_size')) as Array<{ cache_size: number }>)[0].cache_size;
    const before = await cacheSize();
    expect(before).toBeGreaterThan(-64 * 1024);
    const done = await importFile(strapi(), token(), csv([person(9001), person(9002)]), baseOptions(MAPPING));
    expect(done.state).toBe('done');
    expect(await cacheSize()).toBe(before);
  });
}
