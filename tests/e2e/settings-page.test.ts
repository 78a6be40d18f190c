import { adminWithActions } from '../helpers/admin';
import { logInPage, useAdminInBrowser } from '../helpers/admin-browser';
import { userData } from '../helpers/users';

const USER = 'plugin::users-permissions.user';
const CONTACT = 'plugin::campaigns.contact';

const { app, page, browser, baseUrl, screenshot } = useAdminInBrowser({
  env: { CAMPAIGNS_SOURCE_USERS: 'true', CAMPAIGNS_SOURCE_USERS_TOPICS: 'members' },
  logIn: true,
});

beforeAll(async () => {
  const strapi = app().strapi;
  await strapi.plugin('campaigns').service('topics').create({ name: 'Members' });
  for (const name of ['ada', 'bob', 'cyd']) {
    await strapi.documents(USER).create({ data: userData(name, `${name}@example.com`) });
  }
  await strapi.plugin('campaigns').service('audienceSources').idle();
  // Two users whose contacts are gone, as if they existed before the source was configured.
  await strapi.db.connection('campaigns_contacts').whereIn('email', ['bob@example.com', 'cyd@example.com']).delete();
});

test('an administrator sees the configuration and backfills the users source from the admin', async () => {
  const db = app().strapi.db;
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('navigation', { name: 'Campaigns sections' }).getByRole('link', { name: 'Settings' }).click();
  await page().getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page().getByRole('gridcell', { name: USER, exact: true }).waitFor();
  await page().getByRole('gridcell', { name: 'members · delete' }).waitFor();
  await page().getByRole('gridcell', { name: 'import', exact: true }).waitFor();
  expect(await db.query(CONTACT).count({ where: { email: { $in: ['bob@example.com', 'cyd@example.com'] } } })).toBe(0);

  await page()
    .getByRole('button', { name: `Backfill ${USER}` })
    .click();
  const result = page().getByRole('status', { name: 'Backfill result' });
  await result.filter({ hasText: '3 scanned, 2 created, 0 updated, 0 linked, 0 skipped, 0 removed' }).waitFor();
  await screenshot('settings-backfill');

  const mirrored = await db.query(CONTACT).findMany({ where: { sourceUid: USER }, populate: { topics: true }, orderBy: { email: 'asc' } });
  expect(mirrored.map((c: { email: string; topics: Array<{ slug: string }> }) => [c.email, c.topics.map((t) => t.slug)])).toEqual([
    ['ada@example.com', ['members']],
    ['bob@example.com', ['members']],
    ['cyd@example.com', ['members']],
  ]);

  // Again: nothing left to do.
  await page()
    .getByRole('button', { name: `Backfill ${USER}` })
    .click();
  await result.filter({ hasText: '3 scanned, 0 created' }).waitFor();
});

test('an editor without the settings permission has no Settings section and cannot open it', async () => {
  const token = await adminWithActions(app().strapi, 'editor@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  const editor = await browser().newPage();
  try {
    await logInPage(editor, token);
    await editor.goto(`${baseUrl()}/admin/plugins/campaigns`);
    const nav = editor.getByRole('navigation', { name: 'Campaigns sections' });
    await nav.getByRole('link', { name: 'Segments' }).waitFor();
    // The link would appear once the asynchronous permission check answers: count after it has.
    await editor.locator('nav[aria-label="Campaigns sections"][aria-busy="false"]').waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await editor.goto(`${baseUrl()}/admin/plugins/campaigns/settings`);
    await editor.getByText(/don't have the permissions/i).waitFor();
    expect(await editor.getByRole('button', { name: `Backfill ${USER}` }).count()).toBe(0);
  } finally {
    await editor.close();
  }
});

test('the site settings form shows the server’s error under the field it names, stores nothing, then saves', async () => {
  const stored = () => app().strapi.store.get({ type: 'plugin', name: 'campaigns', key: 'site-settings' });
  const before = await stored();
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/settings`);
  const form = page().getByRole('form', { name: 'Site settings' });
  await form.getByLabel('Accent colour').fill('red');
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await form.getByText('a colour such as #4945ff').waitFor();
  expect(await stored()).toEqual(before);

  await form.getByLabel('Accent colour').fill('#0b6e4f');
  await form.getByLabel('Site name').fill('Northwind Coffee');
  expect(await form.getByLabel('Addresses in events').isChecked()).toBe(false);
  await form.getByLabel('Addresses in events').check();
  await form.getByLabel('Client details').check();
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await page().getByText('Site settings saved').waitFor();
  expect(await stored()).toMatchObject({
    theme: { siteName: 'Northwind Coffee', accentColor: '#0b6e4f', logoUrl: null },
    events: { includeEmail: true },
    tracking: { storeClientDetails: true },
    replies: { notifyOwner: false },
  });
  await screenshot('settings-site-form');
});
