import { bearer, http, registerSuperAdmin } from '../helpers/admin';
import { bootTestApp, stopTestApp, type TestApp } from '../helpers/strapi';
import { userData } from '../helpers/users';
import { waitUntil } from '../helpers/wait';

/**
 * The users-permissions user as an audience source (playground: CAMPAIGNS_SOURCE_USERS=true),
 * written every way Strapi and users-permissions write users: sign-up over HTTP, the Content
 * Manager, the document service, users-permissions' own service (which deletes through
 * strapi.db.query) and raw query-engine calls, single and bulk; and a draft & publish type.
 */
const USER = 'plugin::users-permissions.user';
const CONTACT = 'plugin::campaigns.contact';
const SOURCE = 'source:plugin::users-permissions.user';
/** The playground's draft & publish type: several rows per document. */
const SUBSCRIBER = 'api::subscriber.subscriber';
const SOURCES_ON = { CAMPAIGNS_SOURCE_USERS: 'true', CAMPAIGNS_SOURCE_USERS_TOPICS: 'members', CAMPAIGNS_SOURCE_SUBSCRIBERS: 'true' };

let app: TestApp;
let adminToken: string;
let membersTopic: string;

beforeAll(async () => {
  app = await bootTestApp({ env: SOURCES_ON });
  adminToken = await registerSuperAdmin(app.strapi);
  membersTopic = (await app.strapi.plugin('campaigns').service('topics').create({ name: 'Members' })).documentId;
});
afterAll(async () => {
  await stopTestApp(app);
  for (const key of Object.keys(SOURCES_ON)) delete process.env[key];
});
afterEach(() => jest.restoreAllMocks());

const api = () => http(app.strapi);
/** Mirror writes run after the source write commits; wait for them. */
const settled = () => app.strapi.plugin('campaigns').service('audienceSources').idle();
const db = (uid: string) => app.strapi.db.query(uid as typeof USER);
const contactByEmail = (email: string) => db(CONTACT).findOne({ where: { email }, populate: { topics: true } });
const contactOf = (user: { documentId: string }) =>
  db(CONTACT).findOne({ where: { sourceUid: USER, sourceId: user.documentId }, populate: { topics: true } });
const userService = () => app.strapi.plugin('users-permissions').service('user');
const authenticatedRole = async () => (await db('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })).id;
const warnings = () => jest.spyOn(app.strapi.log, 'warn');
const logged = (spy: jest.SpyInstance) => spy.mock.calls.map((args) => String(args[0])).join('\n');

let seq = 0;
const newUser = (overrides: Record<string, unknown> = {}) => {
  seq += 1;
  return userData(`user${seq}`, `user${seq}@example.com`, overrides);
};

describe('a user that is created becomes a subscribed contact', () => {
  test('through POST /api/auth/local/register, with mapped fields, consent and the configured topics', async () => {
    const res = await api().post('/api/auth/local/register').send({
      username: 'jane',
      email: 'Jane.Doe@Example.com',
      password: 'Secret-pass-1',
      firstName: 'Jane',
      lastName: 'Doe',
      language: 'fr-CA',
      timeZone: 'America/Toronto',
    });
    expect(res.status).toBe(200);
    await settled();

    const user = await db(USER).findOne({ where: { username: 'jane' } });
    const contact = await contactOf(user);
    expect(contact).toMatchObject({
      email: user.email,
      firstName: 'Jane',
      lastName: 'Doe',
      locale: 'fr-CA',
      timezone: 'America/Toronto',
      attributes: { username: 'jane', confirmed: expect.any(Boolean) },
      state: 'subscribed',
      source: SOURCE,
      consent: { source: SOURCE, at: expect.any(String) },
      sourceUid: USER,
      sourceId: user.documentId,
    });
    expect(contact.topics.map((t: { documentId: string }) => t.documentId)).toEqual([membersTopic]);
  });

  test("through the document service and users-permissions' user service", async () => {
    const viaDocuments = await app.strapi.documents(USER).create({ data: newUser({ firstName: 'Doc' }) });
    const viaService = await userService().add(newUser({ lastName: 'Service' }));
    await settled();
    expect(await contactOf(viaDocuments)).toMatchObject({ email: viaDocuments.email, firstName: 'Doc', state: 'subscribed' });
    expect(await contactOf(viaService)).toMatchObject({ email: viaService.email, lastName: 'Service', state: 'subscribed' });
  });

  test('through strapi.db.query, which bypasses the document service, with the address normalised', async () => {
    const user = await db(USER).create({ data: newUser({ email: '  Raw.Query@EXAMPLE.org ' }) });
    await settled();
    expect(await contactOf(user)).toMatchObject({ email: 'Raw.Query@example.org', consent: { source: SOURCE } });
  });

  test('through the Content Manager, and its edits and deletes follow', async () => {
    const role = await authenticatedRole();
    const cm = `/content-manager/collection-types/${USER}`;
    const created = await api()
      .post(cm)
      .set(bearer(adminToken))
      .send(newUser({ email: 'cm@example.com', role }));
    expect(created.status).toBe(201);
    // users-permissions answers the Content Manager with the user itself, not { data }.
    const documentId = created.body.documentId;
    await settled();
    expect(await contactOf({ documentId })).toMatchObject({ email: 'cm@example.com' });

    const edited = await api()
      .put(`${cm}/${documentId}`)
      .set(bearer(adminToken))
      .send({ email: 'cm.edited@example.com', firstName: 'Edited' });
    expect(edited.status).toBe(200);
    await settled();
    expect(await contactOf({ documentId })).toMatchObject({ email: 'cm.edited@example.com', firstName: 'Edited' });

    await api().delete(`${cm}/${documentId}`).set(bearer(adminToken)).expect(200);
    await settled();
    expect(await contactOf({ documentId })).toBeNull();
    expect(await contactByEmail('cm.edited@example.com')).toBeNull();
  });

  test('an existing contact with the address is linked, keeping its state and consent, and gains the topics', async () => {
    const contacts = app.strapi.plugin('campaigns').service('contacts');
    const handMade = await contacts.create({ email: 'known@example.com', firstName: 'Known', consent: { source: 'newsletter-form' } });
    await contacts.setState(handMade.documentId, 'unsubscribed');

    const user = await app.strapi.documents(USER).create({ data: newUser({ email: 'known@example.com', lastName: 'Person' }) });
    await settled();
    const contact = await contactOf(user);
    expect(contact).toMatchObject({
      documentId: handMade.documentId,
      firstName: 'Known',
      lastName: 'Person',
      state: 'unsubscribed',
      consent: { source: 'newsletter-form' },
    });
    expect(contact.topics.map((t: { documentId: string }) => t.documentId)).toEqual([membersTopic]);
  });
});

describe('updates and deletes follow the user', () => {
  test('a changed email or mapped field updates the same contact', async () => {
    const user = await userService().add(newUser({ firstName: 'Before' }));
    await settled();
    const before = await contactOf(user);

    await userService().edit(user.id, { email: 'after.edit@example.com', firstName: 'After' });
    await settled();
    expect(await contactOf(user)).toMatchObject({ documentId: before.documentId, email: 'after.edit@example.com', firstName: 'After' });

    await db(USER).update({ where: { id: user.id }, data: { timeZone: 'Europe/Paris' } });
    await settled();
    expect(await contactOf(user)).toMatchObject({ documentId: before.documentId, timezone: 'Europe/Paris', firstName: 'After' });
  });

  test('an empty source value leaves the contact value alone', async () => {
    const user = await userService().add(newUser({ firstName: 'Kept' }));
    await settled();
    await db(USER).update({ where: { id: user.id }, data: { firstName: null } });
    await settled();
    expect(await contactOf(user)).toMatchObject({ firstName: 'Kept' });
  });

  test('deleting the user deletes its contact, through strapi.db.query (user service) or the document service', async () => {
    const a = await userService().add(newUser());
    const b = await userService().add(newUser());
    await settled();
    expect(await contactOf(a)).not.toBeNull();

    await userService().remove({ id: a.id });
    await app.strapi.documents(USER).delete({ documentId: b.documentId });
    await settled();
    expect(await contactOf(a)).toBeNull();
    expect(await contactOf(b)).toBeNull();
    expect(await contactByEmail(a.email)).toBeNull();
  });
});

describe("the user's own write never fails because of the mirror", () => {
  test('a user without a usable address is saved and skipped with a warning', async () => {
    const warn = warnings();
    const empty = await db(USER).create({ data: newUser({ email: '' }) });
    const broken = await db(USER).create({ data: newUser({ email: 'not-an-address' }) });
    await settled();
    expect(await db(USER).findOne({ where: { id: empty.id } })).not.toBeNull();
    expect(await db(USER).findOne({ where: { id: broken.id } })).not.toBeNull();
    expect(await contactOf(empty)).toBeNull();
    expect(await contactOf(broken)).toBeNull();
    expect(logged(warn)).toMatch(new RegExp(`entry ${empty.documentId}: not mirrored: email must not be empty`));
    expect(logged(warn)).toMatch(new RegExp(`entry ${broken.documentId}: not mirrored: email "not-an-address" is not an email address`));
  });

  test('an email change that clashes with another contact is saved on the user, logged, and leaves the contact alone', async () => {
    const other = await app.strapi.plugin('campaigns').service('contacts').create({ email: 'taken@example.com' });
    const user = await userService().add(newUser({ firstName: 'Clash' }));
    await settled();
    const mine = await contactOf(user);

    const warn = warnings();
    const edited = await userService().edit(user.id, { email: 'taken@example.com', firstName: 'Changed' });
    expect(edited.email).toBe('taken@example.com');
    await settled();
    expect(await contactOf(user)).toMatchObject({ documentId: mine.documentId, email: user.email, firstName: 'Clash' });
    expect(await contactByEmail('taken@example.com')).toMatchObject({ documentId: other.documentId, sourceUid: null });
    expect(logged(warn)).toMatch(
      new RegExp(`changed to an address that contact ${other.documentId} already has; contact ${mine.documentId} left unchanged`)
    );
  });

  test('a second user with the address of a mirrored one is saved and skipped', async () => {
    const first = await userService().add(newUser({ email: 'twice@example.com' }));
    const warn = warnings();
    const second = await db(USER).create({ data: newUser({ email: 'twice@example.com' }) });
    await settled();
    expect(await contactOf(first)).not.toBeNull();
    expect(await contactOf(second)).toBeNull();
    expect(logged(warn)).toMatch(
      new RegExp(`entry ${second.documentId}: not mirrored: contact .* already mirrors ${USER} entry ${first.documentId}`)
    );
  });
});

test('a user whose contact was erased is never mirrored again: not on an edit, not by the backfill', async () => {
  const campaigns = app.strapi.plugin('campaigns');
  const user = await userService().add(newUser({ email: 'erased-user@example.com', firstName: 'Gone' }));
  await settled();
  const contact = await contactOf(user);
  await campaigns.service('contacts').erase(contact.documentId, { by: { origin: 'api', label: 'test' } });

  const warn = warnings();
  await userService().edit(user.id, { firstName: 'Back' });
  await settled();
  expect(await contactByEmail('erased-user@example.com')).toBeNull();
  const erasedWarning = new RegExp(`entry ${user.documentId}: not mirrored: its email was erased \\(GDPR\\)`, 'g');
  expect(logged(warn).match(erasedWarning)).toHaveLength(1);

  // The backfill's batch writer takes the same decision.
  const backfill = await campaigns.service('audienceSources').backfill({ uid: USER });
  expect(backfill.skipped).toBeGreaterThanOrEqual(1);
  expect(await contactByEmail('erased-user@example.com')).toBeNull();
  expect(logged(warn).match(erasedWarning)).toHaveLength(2);
});

describe('transactions', () => {
  test('the contact is written after the commit, outside the transaction of the user write', async () => {
    const data = newUser();
    let seenInside: unknown = 'not looked';
    await app.strapi.db.transaction(async () => {
      await app.strapi.documents(USER).create({ data });
      seenInside = await contactByEmail(data.email);
    });
    expect(seenInside).toBeNull();
    await settled();
    expect(await contactByEmail(data.email)).toMatchObject({ state: 'subscribed' });
  });

  test('users created together in one transaction give one contact each, each announced once', async () => {
    const batch = [newUser(), newUser(), newUser()];
    const emitted = jest.spyOn(app.strapi.eventHub, 'emit');
    await app.strapi.db.transaction(async () => {
      for (const data of batch) await app.strapi.documents(USER).create({ data });
    });
    await settled();
    // The contact writes run from the commit callbacks of the users' transaction, but in a scope of
    // their own: they must not replay one another's callbacks (Strapi emits entry events from
    // them, after the commit and without waiting, hence the wait for all three).
    const emails = batch.map((u) => u.email);
    const announced = () =>
      emitted.mock.calls
        .filter(([name, payload]) => name === 'entry.create' && (payload as { uid?: string })?.uid === CONTACT)
        .map(([, payload]) => (payload as { entry: { email: string } }).entry.email)
        .filter((email) => emails.includes(email)); // an earlier test's event may still arrive
    await waitUntil(() => emails.every((email) => announced().includes(email)), 'an entry.create event for each of the three contacts');
    expect(announced().sort()).toEqual(emails.sort());
  });

  test('a user write that is rolled back leaves no contact', async () => {
    const data = newUser();
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.documents(USER).create({ data });
        throw new Error('changed my mind');
      })
    ).rejects.toThrow('changed my mind');
    await settled();
    expect(await db(USER).findOne({ where: { email: data.email } })).toBeNull();
    expect(await contactByEmail(data.email)).toBeNull();
  });
});

test('a mapped value the contact refuses is left out with a warning, and the rest is mirrored', async () => {
  const warn = warnings();
  const user = await userService().add(newUser({ firstName: 'Zone', timeZone: 'Mars/Olympus', language: 'not a locale' }));
  await settled();
  expect(await contactOf(user)).toMatchObject({ firstName: 'Zone', timezone: null, locale: null });
  expect(logged(warn)).toMatch(/timeZone is not a valid contact timezone \(unknown time zone "Mars\/Olympus".*\); left unchanged/);
  expect(logged(warn)).toMatch(/language is not a valid contact locale/);
});

describe('bulk writes', () => {
  test('createMany, updateMany and deleteMany through strapi.db.query are mirrored', async () => {
    const batch = [newUser({ firstName: 'Bulk' }), newUser({ firstName: 'Bulk' }), newUser({ firstName: 'Bulk' })];
    await db(USER).createMany({ data: batch });
    await settled();
    for (const { email } of batch) expect(await contactByEmail(email)).toMatchObject({ firstName: 'Bulk', sourceUid: USER });

    await db(USER).updateMany({ where: { firstName: 'Bulk' }, data: { firstName: 'Bulky' } });
    await settled();
    for (const { email } of batch) expect(await contactByEmail(email)).toMatchObject({ firstName: 'Bulky' });

    await db(USER).deleteMany({ where: { firstName: 'Bulky' } });
    await settled();
    for (const { email } of batch) expect(await contactByEmail(email)).toBeNull();
  });
});

describe('a draft & publish source', () => {
  const subscribers = () => app.strapi.documents(SUBSCRIBER as typeof USER);
  const contactOfSubscriber = (documentId: string) => db(CONTACT).findOne({ where: { sourceUid: SUBSCRIBER, sourceId: documentId } });

  test('has one contact per document, following the published version when there is one', async () => {
    const draft = await subscribers().create({ data: { email: 'dp@example.com', name: 'Draft' } as never });
    await settled();
    const contact = await contactOfSubscriber(draft.documentId);
    expect(contact).toMatchObject({ email: 'dp@example.com', firstName: 'Draft', consent: { source: `source:${SUBSCRIBER}` } });

    await subscribers().publish({ documentId: draft.documentId });
    await subscribers().update({ documentId: draft.documentId, data: { name: 'Unpublished edit' } as never });
    await settled();
    expect(await db(SUBSCRIBER).count({ where: { documentId: draft.documentId } })).toBe(2);
    expect(await contactOfSubscriber(draft.documentId)).toMatchObject({ documentId: contact.documentId, firstName: 'Draft' });
    // Both rows are read; the document is synced once and nothing changes.
    expect(await app.strapi.plugin('campaigns').service('audienceSources').backfill({ uid: SUBSCRIBER })).toMatchObject({
      scanned: 2,
      created: 0,
      updated: 0,
      linked: 0,
      skipped: 0,
      removed: 0,
    });

    await subscribers().unpublish({ documentId: draft.documentId });
    await settled();
    expect(await contactOfSubscriber(draft.documentId)).toMatchObject({ documentId: contact.documentId, firstName: 'Unpublished edit' });

    await subscribers().delete({ documentId: draft.documentId });
    await settled();
    expect(await contactOfSubscriber(draft.documentId)).toBeNull();
  });
});
