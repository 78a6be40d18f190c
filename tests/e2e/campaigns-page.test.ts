import { useAdminInBrowser } from '../helpers/admin-browser';

const { app, page, baseUrl, screenshot } = useAdminInBrowser();

test('an editor registers, opens Campaigns, creates a campaign and sees it listed', async () => {
  await page().goto(`${baseUrl()}/admin`);
  await page()
    .getByLabel(/first name/i)
    .fill('Edith');
  await page()
    .getByLabel(/last name/i)
    .fill('Editor');
  await page()
    .getByLabel(/^email/i)
    .fill('edith@example.com');
  await page()
    .getByLabel(/^password/i)
    .fill('Campaigns-E2e-1');
  await page()
    .getByLabel(/confirm password/i)
    .fill('Campaigns-E2e-1');
  await page()
    .getByRole('button', { name: /let's start/i })
    .click();

  await page().getByRole('link', { name: 'Campaigns' }).click();
  await page().waitForURL(/\/admin\/plugins\/campaigns/);
  await page().getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
  await page().getByText('No campaign yet').waitFor();

  await page().getByRole('button', { name: 'New campaign' }).click();
  await page().getByRole('button', { name: 'Create' }).click();
  await page().getByText('Give the campaign a name').waitFor();
  await page().getByRole('textbox', { name: 'Name' }).fill('Autumn newsletter');
  await page().getByRole('button', { name: 'Create' }).click();

  await page().getByRole('gridcell', { name: 'Autumn newsletter', exact: true }).waitFor();
  await page().getByText('1 campaign', { exact: true }).waitFor();
  await expect(page().getByRole('gridcell', { name: 'draft' }).count()).resolves.toBe(1);
  await screenshot('campaigns-list');

  const stored = await app()
    .strapi.documents('plugin::campaigns.campaign')
    .findMany({ filters: { name: 'Autumn newsletter' } });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ state: 'draft' });
});

test('renames and deletes from the list', async () => {
  await page().getByRole('button', { name: 'Rename Autumn newsletter' }).click();
  await page().getByRole('textbox', { name: 'Name' }).fill('Winter newsletter');
  await page().getByRole('button', { name: 'Rename' }).click();
  await page().getByRole('gridcell', { name: 'Winter newsletter', exact: true }).waitFor();

  await page().getByRole('button', { name: 'Delete Winter newsletter' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();
  await page().getByText('No campaign yet').waitFor();
  expect(await app().strapi.documents('plugin::campaigns.campaign').count({})).toBe(0);
});

test('the plugin nav leads to the other sections and back', async () => {
  const nav = page().getByRole('navigation', { name: 'Campaigns sections' });
  await nav.getByRole('link', { name: 'Segments' }).click();
  await page().getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await page().getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
  await page().getByText('No campaign yet').waitFor();
});
