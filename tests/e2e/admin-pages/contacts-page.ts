import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

const CONTACT = 'plugin::campaigns.contact';

const { app, page, baseUrl, screenshot } = useGroupBrowser();
let newsletter: string;
const sentAt = Date.UTC(2026, 9, 5, 9, 0);

const stored = async (email: string) =>
  app()
    .strapi.db.query(CONTACT)
    .findOne({ where: { email }, populate: { topics: { select: ['documentId', 'name'] } } });

const rowsShown = () => page().locator('tbody tr');

beforeAll(async () => {
  const plugin = app().strapi.plugin('campaigns');
  newsletter = (await plugin.service('topics').create({ name: 'Newsletter' })).documentId;
  await plugin.service('topics').create({ name: 'Product updates' });
  const contacts = plugin.service('contacts');
  await contacts.create({ email: 'ana@example.com', firstName: 'Ana', lastName: 'Lima', timezone: 'Europe/Lisbon' });
  await contacts.create({ email: 'ben@example.com', firstName: 'Ben' });
  const cleo = await contacts.create({ email: 'cleo@example.com', firstName: 'Cleo' });
  await contacts.setState(cleo.documentId, 'unsubscribed');
  await contacts.create({ email: 'dan@example.com', firstName: 'Dan' });

  // Nothing writes deliveries yet (the send pipeline comes next): the rows a send would leave.
  const campaign = await plugin.service('campaigns').create({ name: 'October letter' });
  const campaignId = (
    await app()
      .strapi.db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: campaign.documentId } })
  ).id;
  const anaId = (await stored('ana@example.com')).id;
  const knex = app().strapi.db.connection;
  const [delivery] = await knex('campaigns_deliveries')
    .insert({
      campaign_id: campaignId,
      contact_id: anaId,
      state: 'sent',
      email: 'ana@example.com',
      queued_at: sentAt - 5000,
      sent_at: sentAt,
      first_open_at: sentAt + 3_600_000,
    })
    .returning('id');
  // A tracked click stores the link's id; the timeline reads its URL from the campaign's links.
  await knex('campaigns_links').insert({
    campaign_id: campaignId,
    url_hash: 'e'.repeat(64),
    url: 'https://example.com/offer',
    position: 0,
    created_at: sentAt,
  });
  const linkId = Number((await knex('campaigns_links').where({ campaign_id: campaignId }).first()).id);
  for (const [i, [type, at, data]] of [
    ['delivered', sentAt + 2000, null],
    ['open', sentAt + 3_600_000, null],
    ['click', sentAt + 3_700_000, JSON.stringify({ linkId, client: 'browser' })],
  ].entries()) {
    await knex('campaigns_events').insert({
      idempotency_key: `e2e-${i}`,
      type,
      delivery_id: Number(delivery.id),
      campaign_id: campaignId,
      contact_id: anaId,
      source: type === 'click' ? 'tracking' : 'test',
      is_bot: false,
      data,
      occurred_at: at,
      created_at: at,
    });
  }
}, 120_000);

test('the contacts table searches as you type and filters by state', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts`);
  await page().getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await page().getByText('4 contacts', { exact: true }).waitFor();
  await expect(rowsShown().count()).resolves.toBe(4);

  await page().getByPlaceholder('Email or name').fill('ben');
  await page().waitForURL(/_q=ben/);
  await page().getByText('1 contact', { exact: true }).waitFor();
  await expect(rowsShown().allInnerTexts()).resolves.toEqual([expect.stringContaining('ben@example.com')]);

  await page().getByPlaceholder('Email or name').fill('');
  await page().getByText('4 contacts', { exact: true }).waitFor();

  await page().getByRole('combobox', { name: 'State' }).click();
  await page().getByRole('option', { name: 'unsubscribed', exact: true }).click();
  await page().getByText('1 contact', { exact: true }).waitFor();
  await expect(rowsShown().allInnerTexts()).resolves.toEqual([expect.stringContaining('cleo@example.com')]);

  // The export follows the state filter: a formula-safe CSV of just those contacts.
  const [download] = await Promise.all([
    page().waitForEvent('download'),
    page().getByRole('button', { name: 'Export these contacts' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^contacts-unsubscribed-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = parse(fs.readFileSync((await download.path()) as string), { bom: true }) as string[][];
  expect(exported.map((row) => row[0])).toEqual(['email', 'cleo@example.com']);
});

test('two selected rows join a topic through the bulk bar', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts?sort=email:asc`);
  await page().getByText('4 contacts', { exact: true }).waitFor();
  await page().getByRole('checkbox', { name: 'Select ana@example.com' }).click();
  await page().getByRole('checkbox', { name: 'Select ben@example.com' }).click();
  await page().getByText('2 contacts selected').waitFor();

  await page().getByRole('button', { name: 'Add to topic' }).click();
  const dialog = page().getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByText('Choose at least one topic').waitFor();
  await dialog.getByRole('combobox', { name: 'Topics' }).click();
  await page().getByRole('option', { name: 'Newsletter' }).click();
  await page().keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await page().getByText('Added to topics: 2 contacts').waitFor();

  for (const email of ['ana@example.com', 'ben@example.com']) {
    expect((await stored(email)).topics.map((t: { documentId: string }) => t.documentId)).toEqual([newsletter]);
  }
  expect((await stored('dan@example.com')).topics).toEqual([]);
  await page().getByRole('gridcell', { name: 'Newsletter' }).first().waitFor();
  await screenshot('contacts-list');
});

test('a contact shows its deliveries and events; its name is edited and it is unsubscribed', async () => {
  await page().getByRole('link', { name: 'ana@example.com' }).click();
  await page().waitForURL(/\/contacts\/[a-z0-9]+$/);
  await page().getByRole('heading', { name: 'ana@example.com', level: 1 }).waitFor();

  const deliveries = page().getByRole('region', { name: 'Deliveries' });
  await deliveries.getByRole('gridcell', { name: 'October letter' }).waitFor();
  await deliveries.getByRole('gridcell', { name: 'sent', exact: true }).waitFor();
  const events = page().getByRole('list', { name: 'Events' });
  await expect(events.getByRole('listitem').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Clicked[\s\S]*October letter[\s\S]*https:\/\/example.com\/offer/),
    expect.stringContaining('Opened'),
    expect.stringContaining('Delivered'),
  ]);

  await page().getByRole('textbox', { name: 'Attributes' }).fill('{"plan": ');
  await page().getByRole('button', { name: 'Save' }).click();
  await page()
    .getByText(/Not valid JSON/)
    .waitFor();
  await page().getByRole('textbox', { name: 'Attributes' }).fill('{"plan": "pro"}');
  await page().getByRole('textbox', { name: 'First name' }).fill('Anabela');
  await page().getByRole('button', { name: 'Save' }).click();
  await page().getByText('Saved', { exact: true }).waitFor();
  await expect(stored('ana@example.com')).resolves.toMatchObject({ firstName: 'Anabela', attributes: { plan: 'pro' } });

  await page().getByRole('combobox', { name: 'Time zone' }).fill('Mars/Olympus');
  await page().getByRole('button', { name: 'Save' }).click();
  await page().getByText('unknown time zone "Mars/Olympus"', { exact: false }).waitFor();
  expect((await stored('ana@example.com')).timezone).toBe('Europe/Lisbon');

  await page().getByRole('button', { name: 'Unsubscribe' }).click();
  await page().getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await page().getByText('Unsubscribed ana@example.com').waitFor();
  expect((await stored('ana@example.com')).state).toBe('unsubscribed');
  await page().getByRole('button', { name: 'Resubscribe' }).waitFor();
  await screenshot('contact-detail');
});

test('the new contact dialog shows the server refusals under their fields, then creates the contact with its consent', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts`);
  await page().getByRole('button', { name: 'New contact' }).click();
  const dialog = page().getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Email' }).fill(' dan@EXAMPLE.com ');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('a contact with "dan@example.com" already exists').waitFor();

  await dialog.getByRole('textbox', { name: 'Email' }).fill('eve@example.com');
  await dialog.getByRole('textbox', { name: 'Locale' }).fill('not a locale');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('"not a locale" is not a BCP 47 locale').waitFor();
  expect(await stored('eve@example.com')).toBeNull();

  await dialog.getByRole('textbox', { name: 'Locale' }).fill('pt-BR');
  await dialog.getByRole('textbox', { name: 'Consent source' }).fill('Stand at the spring fair');
  await dialog.getByRole('textbox', { name: 'Consent text' }).fill('Yes, send me the newsletter');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page().getByText('Added eve@example.com').waitFor();
  await page().getByRole('link', { name: 'eve@example.com' }).waitFor();
  await expect(stored('eve@example.com')).resolves.toMatchObject({
    state: 'subscribed',
    locale: 'pt-BR',
    consent: { source: 'Stand at the spring fair', text: 'Yes, send me the newsletter' },
  });
});
