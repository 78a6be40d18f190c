import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { registerSuperAdmin } from '../helpers/admin';
import { REPORTS } from '../helpers/paths';
import { openAdminInBrowser, type AdminInBrowser } from '../helpers/admin-browser';
import type { TestApp } from '../helpers/strapi';

let app: TestApp;
let admin: AdminInBrowser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminInBrowser();
  ({ app, baseUrl, page } = admin);
  const contacts = app.strapi.plugin('campaigns').service('contacts');
  for (const [email, locale, plan] of [
    ['amelie@example.com', 'fr', 'pro'],
    ['bruno@example.com', 'fr-CA', 'free'],
    ['chris@example.com', 'en', 'pro'],
  ]) {
    await contacts.create({ email, locale, attributes: { plan } });
  }
  const token = await registerSuperAdmin(app.strapi);
  // Logged in as the admin the API registered: the admin reads its JWT from localStorage.
  type BrowserGlobal = { localStorage: { setItem(key: string, value: string): void } };
  await page.addInitScript((jwt) => (globalThis as unknown as BrowserGlobal).localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);
}, 120_000);

afterAll(() => admin?.close());

const pick = async (combobox: string, option: string, nth = 0) => {
  await page.getByRole('combobox', { name: combobox }).nth(nth).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

test('an editor builds a segment and the count follows the rules live, then saves it', async () => {
  await page.goto(`${baseUrl}/admin/plugins/campaigns/segments/new`);
  await page.getByRole('status').filter({ hasText: '3 contacts can be mailed' }).waitFor();

  await page.getByRole('button', { name: 'Add condition' }).click();
  await pick('Field', 'Locale');
  await pick('Operator', 'starts with');
  await page.getByRole('textbox', { name: 'Value' }).fill('fr');
  await page.getByRole('status').filter({ hasText: '2 contacts can be mailed' }).waitFor();
  await page.getByRole('gridcell', { name: 'amelie@example.com' }).waitFor();

  await page.getByRole('button', { name: 'Add condition' }).first().click();
  await pick('Field', 'Attribute', 1);
  await page.getByRole('textbox', { name: 'Attribute name' }).fill('plan');
  await pick('Operator', 'is', 1);
  await page.getByRole('textbox', { name: 'Value' }).nth(1).fill('pro');
  await page.getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();

  await page.getByRole('textbox', { name: 'Attribute name' }).fill('bad path!');
  await page.getByRole('alert').filter({ hasText: 'dotted attribute name' }).waitFor();
  await page.getByRole('textbox', { name: 'Attribute name' }).fill('plan');
  await page.getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('French pro');
  fs.mkdirSync(path.join(REPORTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPORTS, 'screenshots', 'segment-builder.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/segments\/[a-z0-9]+$/);

  const [saved] = await app.strapi.documents('plugin::campaigns.segment').findMany({ filters: { name: 'French pro' } });
  expect(saved.rules).toEqual({
    match: 'all',
    rules: [
      { field: 'locale', operator: 'startsWith', value: 'fr' },
      { field: 'attribute', path: 'plan', operator: 'eq', value: 'pro' },
    ],
  });
  expect(await app.strapi.plugin('campaigns').service('segments').countMailable(saved.documentId)).toBe(1);
});
