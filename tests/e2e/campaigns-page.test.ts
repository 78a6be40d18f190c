import { useAdminInBrowser } from '../helpers/admin-browser';

const { app, page, baseUrl, screenshot } = useAdminInBrowser();

const EDITOR_URL = /\/admin\/plugins\/campaigns\/campaigns\/[a-z0-9]+$/;

/** From a campaign's editor back to the list. */
const backToList = async () => {
  await page().getByRole('link', { name: '← Campaigns' }).click();
  await page().getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
};

test('an editor registers, opens Campaigns, creates a campaign, lands in its editor and finds it listed', async () => {
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

  await page().waitForURL(EDITOR_URL);
  await page().getByRole('heading', { name: 'Autumn newsletter', level: 1 }).waitFor();
  await page().getByRole('textbox', { name: 'MJML' }).waitFor();
  await backToList();
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

test("a row's pencil and the row itself open the editor; duplicates and deletes from the list", async () => {
  await page().getByRole('button', { name: 'Edit Autumn newsletter' }).click();
  await page().waitForURL(EDITOR_URL);
  await page().getByRole('heading', { name: 'Autumn newsletter', level: 1 }).waitFor();
  await backToList();
  await page().getByRole('gridcell', { name: 'draft' }).click();
  await page().waitForURL(EDITOR_URL);
  await page().getByRole('heading', { name: 'Autumn newsletter', level: 1 }).waitFor();
  await backToList();

  // The copy opens at once, and is listed beside its original.
  await page().getByRole('button', { name: 'Duplicate Autumn newsletter' }).click();
  await page().getByRole('heading', { name: 'Autumn newsletter (copy)', level: 1 }).waitFor();
  await backToList();
  await page().getByText('2 campaigns', { exact: true }).waitFor();
  await page().getByRole('button', { name: 'Delete Autumn newsletter (copy)' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();
  await page().getByText('1 campaign', { exact: true }).waitFor();

  await page().getByRole('button', { name: 'Delete Autumn newsletter', exact: true }).click();
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
