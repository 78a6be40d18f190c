import type { Request } from 'playwright-core';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

const CAMPAIGN = 'plugin::campaigns.campaign';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const { app, page, baseUrl, screenshot } = useGroupBrowser();
const requested: string[] = [];
const sentAt = Date.UTC(2026, 10, 5, 9, 0);

beforeAll(async () => {
  // Every request of the browser from its first page on, wherever it goes.
  page()
    .context()
    .on('request', (request: Request) => requested.push(request.url()));

  const plugin = app().strapi.plugin('campaigns');
  const knex = app().strapi.db.connection;
  for (const email of ['ana@defects.test', 'ben@defects.test']) {
    await plugin.service('contacts').create({ email, attributes: { batch: 'defects' } });
  }
  const contactIds = await knex('campaigns_contacts').whereIn('email', ['ana@defects.test', 'ben@defects.test']).pluck('id');
  const segment = await plugin.service('segments').create({
    name: 'Defects',
    rules: { match: 'all', rules: [{ field: 'attribute', path: 'batch', operator: 'eq', value: 'defects' }] },
  });
  const sent = await plugin.service('campaigns').create({ name: 'November letter', segment: segment.documentId });
  await plugin.service('campaigns').create({ name: 'December letter', segment: segment.documentId });
  const campaignId = (
    await app()
      .strapi.db.query(CAMPAIGN)
      .findOne({ where: { documentId: sent.documentId } })
  ).id;

  // What a send to both contacts leaves behind, and a tracked click of Ana on its second link.
  await app()
    .strapi.db.query(CAMPAIGN)
    .update({ where: { id: campaignId }, data: { state: 'sent' } });
  await knex('campaigns_sends').insert({
    campaign_id: campaignId,
    state: 'dispatched',
    rules: '{}',
    started_at: sentAt,
    dispatched_at: sentAt,
    finished_at: sentAt,
    updated_at: sentAt,
  });
  for (const contactId of contactIds) {
    const email = contactId === contactIds[0] ? 'ana@defects.test' : 'ben@defects.test';
    await knex('campaigns_deliveries').insert({
      campaign_id: campaignId,
      contact_id: contactId,
      state: 'sent',
      email,
      queued_at: sentAt,
      sent_at: sentAt,
    });
  }
  const [first, second] = ['https://shop.example.com/autumn', 'https://blog.example.com/brewing'];
  await knex('campaigns_links').insert(
    [first, second].map((url, position) => ({
      campaign_id: campaignId,
      url_hash: String(position).repeat(64),
      url,
      position,
      created_at: sentAt,
    }))
  );
  const linkId = (await knex('campaigns_links').where({ campaign_id: campaignId, url: second }).first()).id;
  const ana = await knex('campaigns_contacts').where({ email: 'ana@defects.test' }).first();
  const delivery = await knex('campaigns_deliveries').where({ campaign_id: campaignId, contact_id: ana.id }).first();
  await knex('campaigns_events').insert({
    idempotency_key: 'defects-click',
    type: 'click',
    delivery_id: delivery.id,
    campaign_id: campaignId,
    contact_id: ana.id,
    source: 'tracking',
    is_bot: false,
    data: JSON.stringify({ linkId: Number(linkId), client: 'browser' }),
    occurred_at: sentAt + 3_600_000,
    created_at: sentAt + 3_600_000,
  });
  // Ben's address was refused for good at send time: the bounce event the send worker writes.
  const ben = await knex('campaigns_deliveries').where({ campaign_id: campaignId, email: 'ben@defects.test' }).first();
  await knex('campaigns_events').insert({
    idempotency_key: 'defects-bounce',
    type: 'bounce',
    delivery_id: ben.id,
    campaign_id: campaignId,
    contact_id: ben.contact_id,
    source: 'smtp',
    is_bot: false,
    data: JSON.stringify({ kind: 'hard', code: 550, message: '550 5.1.1 <ben@defects.test>: no such user' }),
    occurred_at: sentAt + 1000,
    created_at: sentAt + 1000,
  });
  // The segment grows after the send: the sent campaign's audience does not.
  await plugin.service('contacts').create({ email: 'cat@defects.test', attributes: { batch: 'defects' } });
}, 120_000);

test('an unknown address under the plugin shows a not-found page that leads back to the campaigns', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/nope`);
  await page().getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  await expect(
    page()
      .getByText(/Whoops/)
      .count()
  ).resolves.toBe(0);
  await screenshot('plugin-not-found');
  await page().getByRole('link', { name: 'Back to campaigns' }).click();
  await page().getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
});

test('a campaign, contact or segment that does not exist is not found, in the words of the server', async () => {
  for (const [path, noun] of [
    ['campaigns', 'campaign'],
    ['contacts', 'contact'],
    ['segments', 'segment'],
  ]) {
    await page().goto(`${baseUrl()}/admin/plugins/campaigns/${path}/nosuchdocument0000000000`);
    await page().getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page().getByText(`No ${noun} with documentId "nosuchdocument0000000000"`).waitFor();
    await expect(
      page()
        .getByText(/Whoops/)
        .count()
    ).resolves.toBe(0);
  }
});

test('the campaign list gives a sent campaign the audience it was sent to, a draft its live count', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  const row = (name: string) => page().getByRole('row').filter({ hasText: name });
  await row('November letter').waitFor();
  await expect(row('November letter').innerText()).resolves.toMatch(/sent[\s\S]*2\s*sent to/);
  await expect(row('December letter').innerText()).resolves.toMatch(/draft[\s\S]*3\s*mailable now/);
});

test("a contact's timeline shows the link a click went to and the server's answer to a bounce", async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts`);
  await page().getByRole('link', { name: 'ana@defects.test' }).click();
  const events = page().getByRole('list', { name: 'Events' });
  await events.getByRole('listitem').first().waitFor();
  await expect(events.getByRole('listitem').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Clicked[\s\S]*November letter[\s\S]*https:\/\/blog\.example\.com\/brewing/),
  ]);
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts`);
  await page().getByRole('link', { name: 'ben@defects.test' }).click();
  await page().getByRole('heading', { name: 'ben@defects.test', level: 1 }).waitFor();
  await events.getByRole('listitem').first().waitFor();
  await expect(events.getByRole('listitem').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Bounced[\s\S]*550 5\.1\.1 <ben@defects\.test>: no such user/),
  ]);
});

test('the admin asked no host but this machine for anything', () => {
  const outside = requested.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && !LOOPBACK.has(hostname);
  });
  expect(requested.length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
});
