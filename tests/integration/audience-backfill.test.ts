import path from 'node:path';
import { runCommand } from '../helpers/command';
import { ACTIONS } from '../../server/src/constants';
import { adminWithActions, bearer, http, registerSuperAdmin } from '../helpers/admin';
import { ROOT } from '../helpers/paths';
import { bootTestApp, startStrapi, stopTestApp, type TestApp } from '../helpers/strapi';
import { userData } from '../helpers/users';

/**
 * Users that existed before the users source was enabled: written with the source off, then the
 * app restarts with it on (deletes unsubscribe here) and the backfill, the command and the admin
 * route bring them over.
 */
const USER = 'plugin::users-permissions.user';
const CONTACT = 'plugin::campaigns.contact';
const BACKFILL_BIN = path.join(ROOT, 'bin', 'campaigns-backfill.js');
const SOURCE_ON = {
  CAMPAIGNS_SOURCE_USERS: 'true',
  CAMPAIGNS_SOURCE_USERS_DELETES: 'unsubscribe',
  CAMPAIGNS_SOURCE_USERS_TOPICS: 'members',
};
/** More than one page of the backfill (500), so that its keyset paging is exercised. */
const MANY = 510;

let app: TestApp;
let adminToken: string;
const users: Record<string, { id: number | string; documentId: string }> = {};

const db = (uid: string) => app.strapi.db.query(uid as typeof USER);
const contactOf = (user: { documentId: string }) => db(CONTACT).findOne({ where: { sourceUid: USER, sourceId: user.documentId } });
const contactByEmail = (email: string) => db(CONTACT).findOne({ where: { email }, populate: { topics: true } });
const countContacts = () => db(CONTACT).count({});
const service = () => app.strapi.plugin('campaigns').service('audienceSources');
const user = userData;

beforeAll(async () => {
  app = await bootTestApp();
  const strapi = app.strapi;
  await strapi.plugin('campaigns').service('topics').create({ name: 'Members' });
  const documents = strapi.documents(USER);
  users.ada = await documents.create({
    data: user('ada', 'ada@example.com', { firstName: 'Ada', language: 'en-GB', timeZone: 'Europe/London' }),
  });
  users.bob = await documents.create({ data: user('bob', 'bob@example.com', { lastName: 'Builder' }) });
  users.known = await documents.create({ data: user('known', 'known@example.com', { firstName: 'Known' }) });
  users.broken = await db(USER).create({ data: user('broken', 'not-an-address') });
  await strapi
    .plugin('campaigns')
    .service('contacts')
    .create({ email: 'known@example.com', consent: { source: 'newsletter-form' } });
  // A contact mirrored from a user that was deleted while the source was off.
  await strapi.plugin('campaigns').service('contacts').create({ email: 'gone@example.com' });
  await db(CONTACT).update({ where: { email: 'gone@example.com' }, data: { sourceUid: USER, sourceId: 'gonegonegonegonegonegone' } });
  for (let start = 0; start < MANY; start += 500) {
    const batch = Array.from({ length: Math.min(500, MANY - start) }, (_, i) => user(`many${start + i}`, `many${start + i}@example.com`));
    await db(USER).createMany({ data: batch });
  }

  await strapi.destroy();
  app.strapi = await startStrapi(app.env, { env: SOURCE_ON });
  adminToken = await registerSuperAdmin(app.strapi);
}, 120_000);

afterAll(async () => {
  await stopTestApp(app);
  for (const key of Object.keys(SOURCE_ON)) delete process.env[key];
});

const TOTAL = 4 + MANY;

test('users written before the source was enabled have no contact until the backfill', async () => {
  expect(await contactOf(users.ada)).toBeNull();
  expect(await countContacts()).toBe(2);
});

test('the backfill creates, links and skips, removes what is gone, and a second run changes nothing', async () => {
  const first = await service().backfill();
  expect(first).toEqual({
    scanned: TOTAL,
    created: MANY + 2,
    updated: 0,
    linked: 1,
    skipped: 1,
    removed: 1,
    sources: [{ uid: USER, scanned: TOTAL, created: MANY + 2, updated: 0, linked: 1, skipped: 1, removed: 1 }],
  });
  expect(await contactOf(users.ada)).toMatchObject({
    email: 'ada@example.com',
    firstName: 'Ada',
    locale: 'en-GB',
    timezone: 'Europe/London',
    state: 'subscribed',
    consent: { source: 'source:plugin::users-permissions.user' },
  });
  expect(await contactOf(users.known)).toMatchObject({
    email: 'known@example.com',
    firstName: 'Known',
    consent: { source: 'newsletter-form' },
  });
  expect((await contactByEmail('many509@example.com')).topics).toHaveLength(1);
  expect(await contactByEmail('gone@example.com')).toMatchObject({ state: 'unsubscribed', sourceUid: null, sourceId: null });
  const contacts = await countContacts();
  expect(contacts).toBe(MANY + 4);

  const second = await service().backfill({ uid: USER });
  expect(second).toMatchObject({ scanned: TOTAL, created: 0, updated: 0, linked: 0, skipped: 1, removed: 0 });
  expect(await countContacts()).toBe(contacts);
}, 120_000);

test('once the source is on, deleting a user unsubscribes its contact (mirrorDeletes: unsubscribe)', async () => {
  await app.strapi.plugin('users-permissions').service('user').remove({ id: users.bob.id });
  await service().idle();
  expect(await contactByEmail('bob@example.com')).toMatchObject({ state: 'unsubscribed', sourceUid: null, lastName: 'Builder' });
});

test('the backfill refuses a uid that is not a configured source', async () => {
  await expect(service().backfill({ uid: 'api::member.member' })).rejects.toThrow(
    /uid: "api::member.member" is not a configured audience source \(configured: plugin::users-permissions.user\)/
  );
});

describe('POST /campaigns/audience-sources/backfill', () => {
  const route = '/campaigns/audience-sources/backfill';

  test('runs the backfill for an admin who may manage settings', async () => {
    await app.strapi.db
      .connection('up_users')
      .insert({ document_id: 'rawinsertrawinsertrawins', username: 'raw', email: 'raw@example.com', provider: 'local' });
    const res = await http(app.strapi)
      .post(route)
      .set(bearer(adminToken))
      .send({ data: { uid: USER } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ scanned: TOTAL, created: 1, updated: 0, linked: 0 });
    expect(await contactByEmail('raw@example.com')).toMatchObject({ sourceId: 'rawinsertrawinsertrawins' });
  });

  test('the settings list the configured source, as the admin page shows it', async () => {
    const res = await http(app.strapi).get('/campaigns/settings').set(bearer(adminToken));
    expect(res.status).toBe(200);
    expect(res.body.data.audienceSources).toEqual([
      {
        uid: USER,
        emailField: 'email',
        fields: expect.objectContaining({ firstName: 'firstName', locale: 'language', 'attribute:username': 'username' }),
        topics: ['members'],
        mirrorDeletes: 'unsubscribe',
      },
    ]);
  });

  test('answers 400 naming the field for an unknown uid, 401 without a token, 403 without the action', async () => {
    const bad = await http(app.strapi)
      .post(route)
      .set(bearer(adminToken))
      .send({ data: { uid: 'api::nope.nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/uid: "api::nope.nope" is not a configured audience source/);
    await http(app.strapi).post(route).send({}).expect(401);
    const reader = await adminWithActions(app.strapi, 'reader@example.com', [ACTIONS.read, ACTIONS.write]);
    await http(app.strapi).post(route).set(bearer(reader)).send({}).expect(403);
  });
});

describe('the strapi-campaigns-backfill command', () => {
  const run = (args: string[], env: Record<string, string> = {}) => runCommand(BACKFILL_BIN, args, { ...app.env, ...SOURCE_ON, ...env });

  test('boots the app without HTTP, backfills, prints the counts and exits 0', async () => {
    // A raw knex insert is below the query engine: no lifecycle sees it, the backfill does.
    await app.strapi.db
      .connection('up_users')
      .insert({ document_id: 'commandcommandcommandcom', username: 'cmd', email: 'cmd@example.com', provider: 'local' });
    const { code, output } = await run(['--uid', USER]);
    expect(output).toMatch(
      /campaigns backfill: plugin::users-permissions.user: scanned \d+, created 1, updated 0, linked 0, skipped 1, removed 0/
    );
    expect(code).toBe(0);
    expect(await contactByEmail('cmd@example.com')).toMatchObject({ sourceUid: USER, sourceId: 'commandcommandcommandcom' });
  });

  test('exits 1 with a clear message for an unknown uid, and for a bad argument', async () => {
    const unknown = await run(['--uid', 'api::nope.nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/campaigns backfill: failed: .*"api::nope.nope" is not a configured audience source/);
    const bad = await run(['--everything']);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/unexpected argument "--everything"\nusage: strapi-campaigns-backfill/);
  });

  test('exits 1 when no source is configured', async () => {
    const { code, output } = await run([], { CAMPAIGNS_SOURCE_USERS: 'false' });
    expect(code).toBe(1);
    expect(output).toMatch(/no audience source is configured \(option campaigns.audienceSources\)/);
  });
});
