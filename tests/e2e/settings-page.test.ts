import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminWithActions, registerSuperAdmin } from '../helpers/admin';
import { openAdminInBrowser, type AdminInBrowser } from '../helpers/admin-browser';
import { REPORTS } from '../helpers/paths';
import type { TestApp } from '../helpers/strapi';

const USER = 'plugin::users-permissions.user';
const CONTACT = 'plugin::campaigns.contact';

let app: TestApp;
let admin: AdminInBrowser;
let page: Page;
let baseUrl: string;

type BrowserGlobal = { localStorage: { setItem(key: string, value: string): void } };
const logIn = (target: Page, token: string) =>
  target.addInitScript((jwt) => (globalThis as unknown as BrowserGlobal).localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);

beforeAll(async () => {
  admin = await openAdminInBrowser({ CAMPAIGNS_SOURCE_USERS: 'true', CAMPAIGNS_SOURCE_USERS_TOPICS: 'members' });
  ({ app, baseUrl, page } = admin);
  await app.strapi.plugin('campaigns').service('topics').create({ name: 'Members' });
  for (const name of ['ada', 'bob', 'cyd']) {
    await app.strapi.documents(USER).create({ data: { username: name, email: `${name}@example.com`, password: 'Secret-pass-1', provider: 'local', confirmed: true } });
  }
  await app.strapi.plugin('campaigns').service('audienceSources').idle();
  // Two users whose contacts are gone, as if they existed before the source was configured.
  await app.strapi.db.connection('campaigns_contacts').whereIn('email', ['bob@example.com', 'cyd@example.com']).delete();
  await logIn(page, await registerSuperAdmin(app.strapi));
}, 120_000);

afterAll(() => admin?.close());

test('an administrator sees the configuration and backfills the users source from the admin', async () => {
  await page.goto(`${baseUrl}/admin/plugins/campaigns`);
  await page.getByRole('navigation', { name: 'Campaigns sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByRole('gridcell', { name: USER, exact: true }).waitFor();
  await page.getByRole('gridcell', { name: 'members · delete' }).waitFor();
  await page.getByRole('gridcell', { name: 'import', exact: true }).waitFor();
  expect(await app.strapi.db.query(CONTACT).count({ where: { email: { $in: ['bob@example.com', 'cyd@example.com'] } } })).toBe(0);

  await page.getByRole('button', { name: `Backfill ${USER}` }).click();
  const result = page.getByRole('status', { name: 'Backfill result' });
  await result.filter({ hasText: '3 scanned, 2 created, 0 updated, 0 linked, 0 skipped, 0 removed' }).waitFor();
  fs.mkdirSync(path.join(REPORTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPORTS, 'screenshots', 'settings-backfill.png'), fullPage: true });

  const mirrored = await app.strapi.db.query(CONTACT).findMany({ where: { sourceUid: USER }, populate: { topics: true }, orderBy: { email: 'asc' } });
  expect(mirrored.map((c: { email: string; topics: Array<{ slug: string }> }) => [c.email, c.topics.map((t) => t.slug)])).toEqual([
    ['ada@example.com', ['members']],
    ['bob@example.com', ['members']],
    ['cyd@example.com', ['members']],
  ]);

  // Again: nothing left to do.
  await page.getByRole('button', { name: `Backfill ${USER}` }).click();
  await result.filter({ hasText: '3 scanned, 0 created' }).waitFor();
});

test('an editor without the settings permission has no Settings section and cannot open it', async () => {
  const token = await adminWithActions(app.strapi, 'editor@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  const editor = await admin.browser.newPage();
  try {
    await logIn(editor, token);
    await editor.goto(`${baseUrl}/admin/plugins/campaigns`);
    const nav = editor.getByRole('navigation', { name: 'Campaigns sections' });
    await nav.getByRole('link', { name: 'Segments' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await editor.goto(`${baseUrl}/admin/plugins/campaigns/settings`);
    await editor.getByText(/don't have the permissions/i).waitFor();
    expect(await editor.getByRole('button', { name: `Backfill ${USER}` }).count()).toBe(0);
  } finally {
    await editor.close();
  }
});
