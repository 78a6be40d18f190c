import { hashEmail } from '../../../server/src/validation/email';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

/** The Suppressions page in Chromium: add (a paste with a bad line), find, filter and remove one, checked in the database. */
const { app, page, baseUrl, screenshot } = useGroupBrowser();

const SUPPRESSION = 'plugin::campaigns.suppression';

const knex = () => app().strapi.db.connection;
const suppressionsOf = async (email: string) =>
  (await app()
    .strapi.db.query(SUPPRESSION)
    .findMany({ where: { emailHash: hashEmail(email) }, populate: { topic: { select: ['name'] } } })) as Array<{
    documentId: string;
    reason: string;
    scope: string;
    note: string | null;
    topic: { name: string } | null;
  }>;
const dialog = () => page().getByRole('dialog');
const row = (email: string) =>
  page()
    .getByRole('row')
    .filter({ has: page().getByRole('gridcell', { name: email, exact: true }) });
const choose = async (combobox: string, option: string) => {
  await page().getByRole('combobox', { name: combobox }).click();
  await page().getByRole('option', { name: option, exact: true }).click();
};

beforeAll(async () => {
  const plugin = app().strapi.plugin('campaigns');
  await plugin.service('topics').create({ name: 'Product news' });
  await plugin.service('suppressions').add({ email: 'old@bounce.test', reason: 'hard-bounce' });
}, 120_000);

test('adds a pasted address for one topic, says which line was not an address, finds and filters it, and removes it with a reason', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Suppressions' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/suppressions$/);
  await row('old@bounce.test').waitFor();

  await page().getByRole('button', { name: 'Suppress addresses' }).click();
  await dialog().getByRole('textbox', { name: 'Addresses' }).fill('new@example.com\nnot-an-address');
  await dialog().getByRole('combobox', { name: 'Scope' }).click();
  await page().getByRole('option', { name: 'Topic: Product news', exact: true }).click();
  await dialog().getByRole('textbox', { name: 'Note' }).fill('asked by phone');
  await dialog().getByRole('button', { name: 'Suppress' }).click();
  await dialog().getByText('1 address suppressed').waitFor();
  await dialog().getByText('Line 2: "not-an-address" is not an email address (expected name@domain)').waitFor();
  await screenshot('suppressions-added');
  await dialog().getByRole('button', { name: 'Done' }).click();

  expect(await suppressionsOf('new@example.com')).toEqual([
    expect.objectContaining({ reason: 'manual', scope: 'topic', note: 'asked by phone', topic: { name: 'Product news' } }),
  ]);
  await row('new@example.com').waitFor();
  expect(await row('new@example.com').getByRole('gridcell').allInnerTexts()).toEqual(
    expect.arrayContaining(['new@example.com', 'Manual', 'Topic: Product news', 'ACTIVE', 'asked by phone'])
  );

  // Find it by address, then by reason and by scope.
  await page().getByRole('searchbox', { name: 'Search suppressions' }).fill('new@');
  await page().getByText('1 suppression', { exact: true }).waitFor();
  await row('new@example.com').waitFor();
  expect(new URL(page().url()).searchParams.get('_q')).toBe('new@');

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/suppressions`);
  await choose('Reason', 'Hard bounce');
  await page().getByText('1 suppression', { exact: true }).waitFor();
  await row('old@bounce.test').waitFor();
  expect(await row('new@example.com').count()).toBe(0);

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/suppressions`);
  await choose('Scope', 'Topic: Product news');
  await page().getByText('1 suppression', { exact: true }).waitFor();
  await row('new@example.com').waitFor();
  expect(await row('old@bounce.test').count()).toBe(0);
  await screenshot('suppressions-filtered');

  // Removing asks why, and keeps who and why.
  await page().getByRole('button', { name: 'Remove the suppression of new@example.com' }).click();
  await dialog().getByRole('button', { name: 'Remove' }).click();
  await dialog().getByText('Say why the suppression is removed.').waitFor();
  expect(await suppressionsOf('new@example.com')).toHaveLength(1);
  await dialog().getByRole('textbox', { name: 'Why is it removed?' }).fill('added by mistake');
  await dialog().getByRole('button', { name: 'Remove' }).click();
  await page().getByText('No suppression matches these filters').waitFor();

  expect(await suppressionsOf('new@example.com')).toEqual([]);
  const [removal] = await knex()('campaigns_suppression_removals').where({ email: 'new@example.com' });
  expect(removal).toMatchObject({ note: 'added by mistake', removed_by_name: 'Ada Admin', scope: 'topic', topic_name: 'Product news' });
  const removals = page().getByRole('region', { name: 'Recently removed' });
  await removals.getByText('added by mistake').waitFor();
  await screenshot('suppressions-removed');
});
