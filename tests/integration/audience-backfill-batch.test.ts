import { hashEmail } from '../../server/src/validation/email';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';
import { userData } from '../helpers/users';

/**
 * The backfill writes a page of entries in one transaction: the contacts it writes must be the
 * ones the live mirror (one document service call per entry) writes, and entries of one page must
 * see what the entries before them did, as they would one sync at a time.
 */
const USER = 'plugin::users-permissions.user';
const CONTACT = 'plugin::campaigns.contact';
const TOPIC = 'plugin::campaigns.topic';
const SOURCE_ON = { CAMPAIGNS_SOURCE_USERS: 'true', CAMPAIGNS_SOURCE_USERS_TOPICS: 'members' };

let app: TestApp;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  orderColumnName: string;
  inverseOrderColumnName: string;
}

beforeAll(async () => {
  app = await bootTestApp({ env: SOURCE_ON });
  await app.strapi.plugin('campaigns').service('topics').create({ name: 'Members' });
});
afterAll(async () => {
  await stopTestApp(app);
  for (const key of Object.keys(SOURCE_ON)) delete process.env[key];
});
afterEach(() => jest.restoreAllMocks());

const db = (uid: string) => app.strapi.db.query(uid as typeof USER);
const service = () => app.strapi.plugin('campaigns').service('audienceSources');
const contactByEmail = (email: string) => db(CONTACT).findOne({ where: { email }, populate: { topics: true } });
const user = userData;

/** Writes users where no lifecycle sees them: only the backfill brings them over. */
const unseen = async <T>(write: () => Promise<T>) => {
  app.strapi.db.lifecycles.disable();
  try {
    return await write();
  } finally {
    app.strapi.db.lifecycles.enable();
  }
};

/** A contact as the document service reads it back, without what differs from one contact to the next. */
const comparable = async (email: string) => {
  const contact = (await app.strapi
    .documents(CONTACT)
    .findFirst({ filters: { email }, populate: { topics: true } } as never)) as unknown as Record<string, unknown> & {
    topics: Array<Record<string, unknown>>;
    consent: Record<string, unknown>;
    attributes: Record<string, unknown>;
  };
  const raw = await db(CONTACT).findOne({
    where: { email },
    select: ['emailHash', 'sourceUid', 'sourceId', 'stateChangedAt', 'publishedAt'],
  });
  expect(raw.emailHash).toBe(hashEmail(email));
  expect(contact.documentId).toMatch(/^[a-z0-9]{24}$/);
  for (const key of ['createdAt', 'updatedAt', 'publishedAt', 'stateChangedAt'] as const)
    expect(Number.isNaN(Date.parse(String(contact[key] ?? raw[key])))).toBe(false);
  expect(Number.isNaN(Date.parse(String(contact.consent.at)))).toBe(false);
  const { id, documentId, email: _email, emailHash, sourceId, createdAt, updatedAt, publishedAt, stateChangedAt, ...rest } = contact;
  return {
    ...rest,
    sourceUid: raw.sourceUid,
    sourceIdSet: Boolean(raw.sourceId),
    consent: { ...contact.consent, at: 'at' },
    attributes: { ...contact.attributes, username: 'name' },
    topics: contact.topics.map((t) => t.name),
  };
};

test('a contact the backfill creates is the contact the live mirror creates, topic links with both order columns included', async () => {
  const fields = { firstName: 'Grace', lastName: 'Hopper', language: 'en-US', timeZone: 'America/New_York' };
  await app.strapi.documents(USER).create({ data: user('live', 'live@twins.test', fields) } as never);
  await service().idle();
  await unseen(() => db(USER).create({ data: user('batch', 'batch@twins.test', fields) }));
  expect(await contactByEmail('batch@twins.test')).toBeNull();

  const counts = await service().backfill();
  expect(counts).toMatchObject({ created: 1, updated: 0, linked: 0, skipped: 0, removed: 0 });
  const live = await comparable('live@twins.test');
  expect(live).toMatchObject({ firstName: 'Grace', state: 'subscribed', topics: ['Members'], consent: { source: `source:${USER}` } });
  expect(await comparable('batch@twins.test')).toEqual(live);

  // Each new member at the end of the topic's list, each contact's topic first in its own.
  const members = await app.strapi.documents(TOPIC).findFirst({ filters: { slug: 'members' }, populate: { contacts: true } } as never);
  expect((members as unknown as { contacts: Array<{ email: string }> }).contacts.map((c) => c.email)).toEqual([
    'live@twins.test',
    'batch@twins.test',
  ]);
  const join = (app.strapi.db.metadata.get(CONTACT).attributes as unknown as { topics: { joinTable: JoinTable } }).topics.joinTable;
  const links = await app.strapi.db
    .connection(join.name)
    .join('campaigns_contacts as c', 'c.id', `${join.name}.${join.joinColumn.name}`)
    .whereIn('c.email', ['live@twins.test', 'batch@twins.test'])
    .orderBy('c.id')
    .select({ topicOrder: join.orderColumnName, contactOrder: join.inverseOrderColumnName });
  expect(links.map((l: { topicOrder: number; contactOrder: number }) => [Number(l.topicOrder), Number(l.contactOrder)])).toEqual([
    [1, 1],
    [1, 2],
  ]);
});

test('entries of one page see what the entries before them did, and invalid ones are skipped', async () => {
  // A user mirrored live, whose address then changes where no lifecycle sees it, and a later
  // user who takes its old address: one at a time, the first gives the address up, so the
  // second gets a contact of its own.
  const mover = await app.strapi.documents(USER).create({ data: user('mover', 'old@page.test') } as never);
  await service().idle();
  const moved = await contactByEmail('old@page.test');
  await unseen(async () => {
    await db(USER).update({ where: { id: mover.id }, data: { email: 'new@page.test', firstName: 'Moved' } });
    await db(USER).create({ data: user('heir', 'old@page.test') });
    // Two users with one address: the first gets the contact, the second is skipped.
    await db(USER).create({ data: user('twin1', 'same@page.test', { firstName: 'First' }) });
    await db(USER).create({ data: user('twin2', 'same@page.test', { firstName: 'Second' }) });
    await db(USER).create({ data: user('broken', 'no-at-sign.page.test') });
    // A bad mapped value is left out, the rest of the entry mirrored.
    await db(USER).create({ data: user('zoned', 'zoned@page.test', { timeZone: 'Mars/Olympus_Mons' }) });
  });
  const warn = jest.spyOn(app.strapi.log, 'warn');

  const counts = await service().backfill();
  expect(counts).toMatchObject({ created: 3, updated: 1, linked: 0, skipped: 2, removed: 0 });
  expect(await contactByEmail('new@page.test')).toMatchObject({ id: moved.id, firstName: 'Moved' });
  expect(await contactByEmail('old@page.test')).toMatchObject({ sourceUid: USER, topics: [expect.objectContaining({ name: 'Members' })] });
  expect(await contactByEmail('same@page.test')).toMatchObject({ firstName: 'First' });
  expect(await contactByEmail('zoned@page.test')).toMatchObject({ timezone: null, state: 'subscribed' });
  const logged = warn.mock.calls.map((args) => String(args[0])).join('\n');
  expect(logged).toMatch(/not mirrored: email "no-at-sign.page.test" is not an email address/);
  expect(logged).toMatch(/not mirrored: contact \w+ with this address already mirrors plugin::users-permissions.user entry/);
  expect(logged).toMatch(/timeZone is not a valid contact timezone/);
  expect(logged).not.toMatch(/failed as a batch/);

  const again = await service().backfill();
  expect(again).toMatchObject({ created: 0, updated: 0, linked: 0, skipped: 2, removed: 0 });
});

test('a page that fails as a batch is mirrored one entry at a time, with the same result', async () => {
  await unseen(() => db(USER).createMany({ data: [user('f1', 'f1@fallback.test'), user('f2', 'f2@fallback.test')] }));
  // The page's transaction fails before it writes anything; the entries then go one by one.
  const transaction = app.strapi.db.transaction.bind(app.strapi.db);
  const spy = jest.spyOn(app.strapi.db, 'transaction').mockImplementationOnce(async () => {
    throw new Error('connection reset');
  });
  spy.mockImplementation(transaction);
  const warn = jest.spyOn(app.strapi.log, 'warn');

  const counts = await service().backfill();
  expect(counts).toMatchObject({ created: 2, updated: 0, linked: 0 });
  expect(String(warn.mock.calls.map((args) => args[0]))).toMatch(
    /failed as a batch \(connection reset\); mirroring it one entry at a time/
  );
  for (const email of ['f1@fallback.test', 'f2@fallback.test']) {
    expect(await contactByEmail(email)).toMatchObject({
      sourceUid: USER,
      state: 'subscribed',
      topics: [expect.objectContaining({ name: 'Members' })],
    });
  }
});
