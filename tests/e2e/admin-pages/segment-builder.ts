import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

beforeAll(async () => {
  const contacts = app().strapi.plugin('campaigns').service('contacts');
  for (const [email, locale, plan] of [
    ['amelie@example.com', 'fr', 'pro'],
    ['bruno@example.com', 'fr-CA', 'free'],
    ['chris@example.com', 'en', 'pro'],
  ]) {
    await contacts.create({ email, locale, attributes: { plan } });
  }
  const spring = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Spring sale' });
  const rowId = async (uid: string, documentId: string) =>
    (
      await app()
        .strapi.db.query(uid as 'plugin::campaigns.contact')
        .findOne({ where: { documentId } })
    ).id;
  const springId = await rowId('plugin::campaigns.campaign', spring.documentId);
  const DAY = 86_400_000;
  const opened = async (email: string, daysAgo: number) =>
    app()
      .strapi.db.connection('campaigns_deliveries')
      .insert({
        campaign_id: springId,
        contact_id: await rowId('plugin::campaigns.contact', (await contacts.findByEmail(email)).documentId),
        email,
        state: 'sent',
        sent_at: Date.now() - 60 * DAY,
        first_open_at: Date.now() - daysAgo * DAY,
      });
  await opened('amelie@example.com', 3);
  await opened('bruno@example.com', 45);
  const vip = await app().strapi.plugin('campaigns').service('topics').create({ name: 'VIP' });
  const chris = await contacts.findByEmail('chris@example.com');
  await contacts.update(chris.documentId, { topics: [vip.documentId] });
}, 120_000);

const pick = async (combobox: string, option: string, nth = 0) => {
  await page().getByRole('combobox', { name: combobox }).nth(nth).click();
  await page().getByRole('option', { name: option, exact: true }).click();
};

test('an editor builds a segment and the count follows the rules live, then saves it', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/segments/new`);
  await page().getByRole('status').filter({ hasText: '3 contacts can be mailed' }).waitFor();

  await page().getByRole('button', { name: 'Add condition' }).click();
  await pick('Field', 'Locale');
  await pick('Operator', 'starts with');
  await page().getByRole('textbox', { name: 'Value' }).fill('fr');
  await page().getByRole('status').filter({ hasText: '2 contacts can be mailed' }).waitFor();
  await page().getByRole('gridcell', { name: 'amelie@example.com' }).waitFor();

  await page().getByRole('button', { name: 'Add condition' }).first().click();
  await pick('Field', 'Attribute', 1);
  await page().getByRole('textbox', { name: 'Attribute name' }).fill('plan');
  await pick('Operator', 'is', 1);
  await page().getByRole('textbox', { name: 'Value' }).nth(1).fill('pro');
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();

  await page().getByRole('textbox', { name: 'Attribute name' }).fill('bad path!');
  await page().getByRole('alert').filter({ hasText: 'dotted attribute name' }).waitFor();
  await page().getByRole('textbox', { name: 'Attribute name' }).fill('plan');
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();

  await page().getByRole('textbox', { name: 'Name', exact: true }).fill('French pro');
  await screenshot('segment-builder');
  await page().getByRole('button', { name: 'Save' }).click();
  // Not /segments/new, where the page already is: the saved segment's own address.
  await page().waitForURL(/\/segments\/(?!new$)[a-z0-9]+$/);

  const [saved] = await app()
    .strapi.documents('plugin::campaigns.segment')
    .findMany({ filters: { name: 'French pro' } });
  expect(saved.rules).toEqual({
    match: 'all',
    rules: [
      { field: 'locale', operator: 'startsWith', value: 'fr' },
      { field: 'attribute', path: 'plan', operator: 'eq', value: 'pro' },
    ],
  });
  expect(await app().strapi.plugin('campaigns').service('segments').countMailable(saved.documentId)).toBe(1);
});

test('an editor builds a segment by engagement and topic and sees its count', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/segments/new`);
  await page().getByRole('status').filter({ hasText: '3 contacts can be mailed' }).waitFor();

  await page().getByRole('button', { name: 'Add condition' }).click();
  await pick('Field', 'Engagement');
  await pick('Campaign', 'Spring sale');
  await page().getByRole('status').filter({ hasText: '2 contacts can be mailed' }).waitFor();
  await page().getByRole('textbox', { name: 'Within days' }).fill('30');
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();
  await page().getByRole('gridcell', { name: 'amelie@example.com' }).waitFor();

  await pick('Operator', 'did not');
  await page().getByRole('status').filter({ hasText: '2 contacts can be mailed' }).waitFor();

  await page().getByRole('button', { name: 'Add condition' }).first().click();
  await pick('Field', 'Topics', 1);
  await page().getByRole('alert').filter({ hasText: 'value' }).waitFor();
  await page().getByRole('combobox', { name: 'Topics' }).click();
  await page().getByRole('option', { name: 'VIP' }).click();
  await page().keyboard.press('Escape');
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();
  await page().getByRole('gridcell', { name: 'chris@example.com' }).waitFor();

  await page().getByRole('textbox', { name: 'Name', exact: true }).fill('Lapsed VIPs');
  await screenshot('segment-builder-engagement');
  await page().getByRole('button', { name: 'Save' }).click();
  // Not /segments/new, where the page already is: the saved segment's own address.
  await page().waitForURL(/\/segments\/(?!new$)[a-z0-9]+$/);

  const [saved] = await app()
    .strapi.documents('plugin::campaigns.segment')
    .findMany({ filters: { name: 'Lapsed VIPs' } });
  const [spring] = await app()
    .strapi.documents('plugin::campaigns.campaign')
    .findMany({ filters: { name: 'Spring sale' } });
  const [vip] = await app()
    .strapi.documents('plugin::campaigns.topic')
    .findMany({ filters: { name: 'VIP' } });
  expect(saved.rules).toEqual({
    match: 'all',
    rules: [
      { field: 'engagement', operator: 'didNot', activity: 'opened', campaign: spring.documentId, withinDays: 30 },
      { field: 'topic', operator: 'memberOfAny', value: [vip.documentId] },
    ],
  });

  // Reopened, the saved segment shows the campaign by name, not by id.
  await page().reload();
  await page().getByRole('combobox', { name: 'Campaign' }).filter({ hasText: 'Spring sale' }).waitFor();
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();

  // Its audience downloads as CSV: the same one contact.
  const [download] = await Promise.all([
    page().waitForEvent('download'),
    page().getByRole('button', { name: 'Export its contacts' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^contacts-segment-${saved.documentId}-`));
  const exported = parse(fs.readFileSync((await download.path()) as string), { bom: true }) as string[][];
  expect(exported.map((row) => row[0])).toEqual(['email', 'chris@example.com']);
});
