import path from 'node:path';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { ROOT } from '../../helpers/paths';
import { waitUntil } from '../../helpers/wait';

const ARTICLE = 'api::article.article';
const CAMPAIGN = 'plugin::campaigns.campaign';
const PIXEL = path.join(ROOT, 'tests', 'fixtures', 'media', 'harbour-pixel.png');

const { app, page, baseUrl, screenshot } = useGroupBrowser();

let harbour: string;
let campaignId: string;
/** Every host the page asked something of: the editor's blocks and the Media Library stay on the app's origin. */
const hosts = new Set<string>();

beforeAll(async () => {
  const articles = app().strapi.documents(ARTICLE);
  harbour = (
    await articles.create({
      data: { title: 'Harbour lights festival', slug: 'harbour-lights', summary: 'Lanterns along the quay on Saturday.' },
      status: 'published',
    })
  ).documentId;
  await articles.create({
    data: { title: "Chef's winter menu", slug: 'winter-menu', summary: 'Five new dishes to try.' },
    status: 'published',
  });
  campaignId = (await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Harbour news' })).documentId;
  page().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) hosts.add(url.host);
  });
}, 120_000);

const frame = () => page().frameLocator('iframe[title="Preview"]');
const dialog = () => page().getByRole('dialog');
const storedContent = async () => (await app().strapi.documents(CAMPAIGN).findOne({ documentId: campaignId }))?.content ?? '';
/** Saves the campaign and answers its stored MJML once it holds `expected` (earlier saves' notices may still show). */
const saveUntil = async (expected: string) => {
  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await waitUntil(async () => (await storedContent()).includes(expected), 'the saved MJML');
  return storedContent();
};

test('inserts a chosen article as a block: the preview shows it and the MJML holds the element', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaignId}`);
  await frame().getByRole('link', { name: 'Unsubscribe' }).waitFor();

  await page().getByRole('button', { name: 'Insert entries' }).click();
  await dialog().getByRole('combobox', { name: 'Content type' }).click();
  await page().getByRole('option', { name: 'Article' }).click();
  // Nothing chosen yet: the dialog says so and stays open.
  await dialog().getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog().getByRole('alert').filter({ hasText: 'Choose at least one entry' }).waitFor();

  await dialog().getByRole('combobox', { name: 'Add an entry' }).click();
  await dialog().getByRole('combobox', { name: 'Add an entry' }).pressSequentially('harbour');
  await page().getByRole('option', { name: 'Harbour lights festival' }).click();
  await dialog().getByRole('list', { name: 'Entries in the block' }).getByText('Harbour lights festival', { exact: true }).waitFor();

  await dialog().getByRole('combobox', { name: 'Title' }).click();
  await page().getByRole('option', { name: 'title', exact: true }).click();
  await dialog().getByRole('combobox', { name: 'Text' }).click();
  await page().getByRole('option', { name: 'summary', exact: true }).click();
  await dialog().getByRole('textbox', { name: 'Link' }).fill('https://example.com/blog/{slug}');
  await dialog().getByRole('textbox', { name: 'Button label' }).fill('Read "more"');
  await screenshot('insert-entries');
  await dialog().getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });

  await frame().getByText('Harbour lights festival').waitFor();
  await frame().getByText('Lanterns along the quay on Saturday.').waitFor();
  await expect(frame().getByRole('link', { name: 'Read "more"' }).getAttribute('href')).resolves.toContain(
    'https://example.com/blog/harbour-lights'
  );
  const content = await saveUntil(
    `<mj-strapi-entries type="${ARTICLE}" entries="${harbour}" title="title" text="summary" image="cover" ` +
      'link="https://example.com/blog/{slug}" button="Read &quot;more&quot;" />'
  );
  // The cursor stood nowhere a block may: it went among the body's sections, above the footer.
  expect(content.indexOf('<mj-strapi-entries')).toBeLessThan(content.indexOf('{{ unsubscribe_url }}'));
  await page().locator('iframe[title="Preview"]').scrollIntoViewIfNeeded();
  await screenshot('insert-entries-preview');
});

test('inserts "the latest" articles matching a filter; the quote in its value survives the attribute', async () => {
  await page().getByRole('button', { name: 'Insert entries' }).click();
  await dialog().getByRole('combobox', { name: 'Content type' }).click();
  await page().getByRole('option', { name: 'Article' }).click();
  await dialog().getByRole('radio', { name: 'The latest entries' }).click();
  await dialog().getByLabel('How many entries').fill('2');
  await dialog().getByRole('combobox', { name: 'Only entries whose' }).click();
  await page().getByRole('option', { name: 'title', exact: true }).click();
  await dialog().getByRole('combobox', { name: 'Condition' }).click();
  await page().getByRole('option', { name: 'contains' }).click();
  await dialog().getByRole('textbox', { name: 'Value' }).fill("chef's");
  await screenshot('insert-latest-entries');
  await dialog().getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });

  await frame().getByText("Chef's winter menu").waitFor();
  await saveUntil(
    `<mj-strapi-entries type="${ARTICLE}" latest="2" filter='{"title":{"$containsi":"chef&apos;s"}}' title="title" text="summary" image="cover" />`
  );
});

test('inserts an image uploaded from the Media Library with its absolute URL and alt text', async () => {
  await page().getByRole('button', { name: 'Insert image' }).click();
  await dialog()
    .getByRole('button', { name: /Add (new|more) assets/ })
    .first()
    .click();
  await dialog().locator('input[type="file"]').setInputFiles(PIXEL);
  await dialog().getByRole('button', { name: 'Upload 1 asset to the library' }).click();
  await dialog().getByText('harbour-pixel.png').first().waitFor();
  await dialog().getByRole('checkbox').last().check();
  await screenshot('insert-image-library');
  await dialog().getByRole('button', { name: 'Finish' }).click();
  await dialog().waitFor({ state: 'detached' });

  const file = await app()
    .strapi.db.query('plugin::upload.file')
    .findOne({ where: { name: 'harbour-pixel.png' } });
  expect(file.url).toMatch(/^\/uploads\//);
  const src = `${baseUrl()}${file.url}`;
  const image = frame().locator(`img[src="${src}"]`);
  await image.waitFor();
  // Loaded from the app's /uploads: the preview shows the picture itself, not a broken image.
  const loadedWidth = () => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
  await waitUntil(async () => (await loadedWidth()) === 16, 'the uploaded image to load in the preview');
  await saveUntil(`<mj-image src="${src}" alt="${file.alternativeText ?? ''}" />`);
  await screenshot('insert-image');
});

test('"Send as email" on an article makes a campaign showing it and opens it', async () => {
  await page().goto(`${baseUrl()}/admin/content-manager/collection-types/${ARTICLE}/${harbour}`);
  await page().getByRole('button', { name: 'More document actions' }).click();
  await page().getByRole('menuitem', { name: 'Send as email' }).click();
  await page().waitForURL(/\/admin\/plugins\/campaigns\/campaigns\/[a-z0-9]+$/);
  const made = page().url().split('/').pop()!;
  await frame().getByText('Harbour lights festival').waitFor();
  await page().getByRole('heading', { name: 'Harbour lights festival', level: 1 }).waitFor();
  const campaign = await app().strapi.documents(CAMPAIGN).findOne({ documentId: made });
  expect(campaign?.content).toContain(`<mj-strapi-entries type="${ARTICLE}" entries="${harbour}" title="title"`);
  expect(campaign?.content).toContain('{{ unsubscribe_url }}');
  await page().locator('iframe[title="Preview"]').scrollIntoViewIfNeeded();
  await screenshot('send-as-email');

  // A plugin's type (here the users of users-permissions) cannot be a block: no action on its entries.
  const user = await app()
    .strapi.documents('plugin::users-permissions.user')
    .create({ data: { username: 'reader', email: 'reader@example.com', provider: 'local' } });
  await page().goto(`${baseUrl()}/admin/content-manager/collection-types/plugin::users-permissions.user/${user.documentId}`);
  // Without draft & publish the panel has Save and, were it offered, the action as a second button.
  await page().getByRole('button', { name: 'Save', exact: true }).waitFor();
  await expect(page().getByText('Send as email').count()).resolves.toBe(0);
});

test("no request of the editor, the Media Library or the Content Manager left the app's origin", () => {
  expect([...hosts]).toEqual([new URL(baseUrl()).host]);
});
