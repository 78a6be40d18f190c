import { useGroupBrowser } from '../../helpers/admin-browser-group';

const TOPIC = 'plugin::campaigns.topic';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

beforeAll(async () => {
  const topics = app().strapi.plugin('campaigns').service('topics');
  const contacts = app().strapi.plugin('campaigns').service('contacts');
  const weekly = await topics.create({ name: 'Weekly digest', description: 'Every Monday' });
  for (const email of ['one@example.com', 'two@example.com', 'three@example.com']) {
    await contacts.create({ email, topics: [weekly.documentId] });
  }
  const gone = await contacts.findByEmail('three@example.com');
  await contacts.setState(gone.documentId, 'unsubscribed');
}, 120_000);

const topicRow = (name: string) =>
  page()
    .getByRole('row')
    .filter({ has: page().getByRole('gridcell', { name, exact: true }) });
const dialog = () => page().getByRole('dialog');
const findTopic = (name: string) => app().strapi.db.query(TOPIC).findOne({ where: { name } });

test('lists topics with their members, from the plugin nav', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Topics' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/topics$/);
  const row = topicRow('Weekly digest');
  await row.waitFor();
  expect(await row.getByRole('gridcell').allInnerTexts()).toEqual(
    expect.arrayContaining(['Weekly digest', 'weekly-digest', 'Every Monday', 'PUBLIC', '2 subscribed (3 in all)'])
  );
});

test('creates a topic, refuses a duplicate name on the field, renames it and deletes it', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/topics`);
  await page().getByRole('button', { name: 'New topic' }).click();
  await dialog().getByRole('textbox', { name: 'Name' }).fill('Product news');
  await dialog().getByRole('textbox', { name: 'Description' }).fill('New features, once a month');
  await dialog().getByRole('button', { name: 'Create' }).click();
  await topicRow('Product news').waitFor();
  expect(await findTopic('Product news')).toMatchObject({
    slug: 'product-news',
    description: 'New features, once a month',
    isPublic: true,
  });

  // A duplicate: the server's message shows on the name field and the dialog stays open.
  await page().getByRole('button', { name: 'New topic' }).click();
  await dialog().getByRole('textbox', { name: 'Name' }).fill('Weekly digest');
  await dialog().getByRole('button', { name: 'Create' }).click();
  await dialog().getByText('a topic named "Weekly digest" already exists').waitFor();
  expect(
    await app()
      .strapi.db.query(TOPIC)
      .count({ where: { name: 'Weekly digest' } })
  ).toBe(1);
  // An empty name never reaches the server.
  await dialog().getByRole('textbox', { name: 'Name' }).fill('   ');
  await dialog().getByRole('button', { name: 'Create' }).click();
  await dialog().getByText('Give the topic a name').waitFor();
  await dialog().getByRole('button', { name: 'Cancel' }).click();

  // Rename, and make it private; the slug stays.
  await page().getByRole('button', { name: 'Edit Product news' }).click();
  await dialog().getByRole('textbox', { name: 'Name' }).fill('Product updates');
  await dialog().getByRole('checkbox', { name: 'Public' }).click();
  await dialog().getByRole('button', { name: 'Save' }).click();
  await topicRow('Product updates').waitFor();
  expect(await findTopic('Product updates')).toMatchObject({ slug: 'product-news', isPublic: false });
  expect(await findTopic('Product news')).toBeNull();

  // Renaming onto another topic's name is refused on the field too.
  await page().getByRole('button', { name: 'Edit Product updates' }).click();
  await dialog().getByRole('textbox', { name: 'Name' }).fill('Weekly digest');
  await dialog().getByRole('button', { name: 'Save' }).click();
  await dialog().getByText('a topic named "Weekly digest" already exists').waitFor();
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  expect(await findTopic('Product updates')).not.toBeNull();

  await screenshot('topics-page');

  // Delete asks first; cancelling keeps it.
  await page().getByRole('button', { name: 'Delete Product updates' }).click();
  await page().getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await findTopic('Product updates')).not.toBeNull();
  await page().getByRole('button', { name: 'Delete Product updates' }).click();
  await page().getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await topicRow('Product updates').waitFor({ state: 'detached' });
  expect(await findTopic('Product updates')).toBeNull();
  expect(await findTopic('Weekly digest')).not.toBeNull();
});
