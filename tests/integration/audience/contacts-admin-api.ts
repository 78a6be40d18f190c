import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const CONTACT = 'plugin::campaigns.contact';

const { strapi, auth, api, service } = useGroupApp();

const contacts = () => service('contacts');
const knex = () => strapi().db.connection;

type Row = { email: string; state: string; topics: Array<{ documentId: string }> };
const contactRow = async (documentId: string) =>
  (await strapi()
    .db.query(CONTACT)
    .findOne({ where: { documentId }, populate: { topics: { select: ['documentId'] } } })) as Row | null;

const emails = (body: { data: Array<{ email: string }> }) => body.data.map((c) => c.email).sort();

describe('list filters', () => {
  let news: string;
  beforeAll(async () => {
    news = (await service('topics').create({ name: 'Filter news' })).documentId;
    await contacts().create({ email: 'f1@filters.test', topics: [news], source: 'signup-form' });
    await contacts().create({ email: 'f2@filters.test', source: 'signup-form' });
    const f3 = await contacts().create({ email: 'f3@filters.test', topics: [news] });
    await contacts().setState(f3.documentId, 'unsubscribed');
  });

  test('by topic, by source, by state, combined with the search', async () => {
    const list = (query: Record<string, string>) =>
      api()
        .get('/campaigns/contacts')
        .query({ search: 'filters.test', ...query })
        .set(auth());
    expect(emails((await list({ topic: news })).body)).toEqual(['f1@filters.test', 'f3@filters.test']);
    expect(emails((await list({ source: 'signup-form' })).body)).toEqual(['f1@filters.test', 'f2@filters.test']);
    expect(emails((await list({ topic: news, state: 'subscribed' })).body)).toEqual(['f1@filters.test']);
    const page = await list({ topic: news, pageSize: '1', sort: 'email:asc' });
    expect(page.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(emails(page.body)).toEqual(['f1@filters.test']);
  });

  test('an unknown topic or a bad filter is a 400 naming it', async () => {
    const unknown = await api().get('/campaigns/contacts').query({ topic: 'nosuchtopic42' }).set(auth());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Invalid query: topic: unknown topic "nosuchtopic42"');
    const bad = await api().get('/campaigns/contacts').query({ topic: 'a b' }).set(auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/topic: a documentId/);
    const state = await api().get('/campaigns/contacts').query({ state: 'gone' }).set(auth());
    expect(state.status).toBe(400);
    expect(state.body.error.message).toMatch(/state/);
  });
});

describe('state changes from the admin', () => {
  const setState = (documentId: string, data: unknown) => api().post(`/campaigns/contacts/${documentId}/state`).set(auth()).send({ data });

  test('unsubscribe, then a resubscribe that records the consent with the admin request IP', async () => {
    const { documentId } = await contacts().create({ email: 'state@admin.test' });
    const off = await setState(documentId, { state: 'unsubscribed' });
    expect(off.status).toBe(200);
    expect(off.body.data.state).toBe('unsubscribed');
    expect((await contactRow(documentId))?.state).toBe('unsubscribed');

    const noConsent = await setState(documentId, { state: 'subscribed' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.message).toMatch(/consent: resubscribing a contact needs a consent record/);
    expect((await contactRow(documentId))?.state).toBe('unsubscribed');

    const on = await setState(documentId, {
      state: 'subscribed',
      consent: { source: 'Phone call with support', text: 'Yes, send me the newsletter' },
    });
    expect(on.status).toBe(200);
    const row = await strapi().db.query(CONTACT).findOne({ where: { documentId } });
    expect(row.state).toBe('subscribed');
    expect(row.consent).toMatchObject({
      source: 'Phone call with support',
      text: 'Yes, send me the newsletter',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(Date.now() - Date.parse(row.consent.at)).toBeLessThan(60_000);
  });

  test('refuses bounced, complained, half a consent, and unknown contacts', async () => {
    const { documentId } = await contacts().create({ email: 'state2@admin.test' });
    const bounced = await setState(documentId, { state: 'bounced' });
    expect(bounced.status).toBe(400);
    expect(bounced.body.error.message).toMatch(/state: must be one of subscribed, unsubscribed/);
    const half = await setState(documentId, { state: 'subscribed', consent: { source: 'form' } });
    expect(half.status).toBe(400);
    expect(half.body.error.message).toMatch(/consent\.text/);
    expect((await setState('nosuchcontact00000000000', { state: 'unsubscribed' })).status).toBe(404);
    expect((await contactRow(documentId))?.state).toBe('subscribed');
  });
});

describe('activity', () => {
  const t0 = Date.UTC(2026, 9, 1, 8, 0);
  let contact: { documentId: string; id: number };
  let campaign: { documentId: string; id: number };

  beforeAll(async () => {
    const created = await contacts().create({ email: 'activity@admin.test' });
    contact = await strapi()
      .db.query(CONTACT)
      .findOne({ where: { documentId: created.documentId }, select: ['id', 'documentId'] });
    const c = await service('campaigns').create({ name: 'October letter' });
    campaign = await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: c.documentId }, select: ['id', 'documentId'] });
    const other = await contacts().create({ email: 'someone-else@admin.test' });
    const otherId = (
      await strapi()
        .db.query(CONTACT)
        .findOne({ where: { documentId: other.documentId }, select: ['id'] })
    ).id;

    // One insert per row: a multi-row insert fills the keys a row lacks with NULL, not the column default.
    const insert = async (table: string, rows: Array<Record<string, unknown>>) => {
      for (const row of rows) await knex()(table).insert(row);
    };
    await insert('campaigns_deliveries', [
      {
        campaign_id: campaign.id,
        contact_id: contact.id,
        state: 'sent',
        email: 'activity@admin.test',
        queued_at: t0,
        sent_at: t0 + 1000,
        first_open_at: t0 + 60_000,
        first_click_at: t0 + 120_000,
      },
      // A campaign deleted since: the delivery stays, without a campaign.
      {
        campaign_id: 999_999,
        contact_id: contact.id,
        state: 'failed',
        email: 'activity@admin.test',
        queued_at: t0 - 86_400_000,
        failed_at: t0 - 86_000_000,
        last_error: '550 mailbox unavailable',
      },
      { campaign_id: campaign.id, contact_id: otherId, state: 'sent', email: 'someone-else@admin.test', sent_at: t0 },
    ]);
    const deliveryOf = async (contactId: number) =>
      Number((await knex()('campaigns_deliveries').where({ campaign_id: campaign.id, contact_id: contactId }).first()).id);
    const deliveryId = await deliveryOf(contact.id);
    // 5 events, two in the same millisecond, plus one of another contact.
    const events = [
      ['delivered', t0 + 2000],
      ['open', t0 + 60_000],
      ['click', t0 + 120_000],
      ['click', t0 + 120_000],
      ['open', t0 + 180_000],
    ].map(([type, at], i) => ({
      idempotency_key: `activity-${i}`,
      type,
      delivery_id: deliveryId,
      campaign_id: campaign.id,
      contact_id: contact.id,
      source: 'test',
      is_bot: i === 4,
      data: i === 2 ? JSON.stringify({ url: 'https://example.com/a' }) : null,
      occurred_at: at,
      created_at: at,
    }));
    await insert('campaigns_events', [
      ...events,
      {
        idempotency_key: 'activity-other',
        type: 'open',
        delivery_id: await deliveryOf(otherId),
        campaign_id: campaign.id,
        contact_id: otherId,
        source: 'test',
        occurred_at: t0,
        created_at: t0,
      },
    ]);
  });

  const activity = (query: Record<string, string | number> = {}) =>
    api().get(`/campaigns/contacts/${contact.documentId}/activity`).query(query).set(auth());

  test('deliveries newest first with the campaign joined and ISO times', async () => {
    const res = await activity();
    expect(res.status).toBe(200);
    expect(res.body.data.deliveries).toEqual([
      expect.objectContaining({
        campaign: { documentId: campaign.documentId, name: 'October letter' },
        state: 'sent',
        sentAt: new Date(t0 + 1000).toISOString(),
        firstOpenAt: new Date(t0 + 60_000).toISOString(),
        firstClickAt: new Date(t0 + 120_000).toISOString(),
        firstReplyAt: null,
      }),
      expect.objectContaining({ campaign: null, state: 'failed', sentAt: null, lastError: '550 mailbox unavailable' }),
    ]);
    expect(res.body.meta.deliveries).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 2 });
    const second = await activity({ deliveriesPage: 2, deliveriesPageSize: 1 });
    expect(second.body.data.deliveries.map((d: { state: string }) => d.state)).toEqual(['failed']);
  });

  test('events newest first, paged by keyset without skips or repeats', async () => {
    const first = await activity({ eventsLimit: 2 });
    expect(first.body.data.events.map((e: { type: string }) => e.type)).toEqual(['open', 'click']);
    expect(first.body.data.events[0]).toMatchObject({
      isBot: true,
      occurredAt: new Date(t0 + 180_000).toISOString(),
      campaign: { name: 'October letter' },
    });
    const seen = [...first.body.data.events];
    let next = first.body.meta.events.nextBefore;
    while (next) {
      const page = await activity({ eventsLimit: 2, eventsBefore: next });
      seen.push(...page.body.data.events);
      next = page.body.meta.events.nextBefore;
    }
    expect(seen.map((e) => e.type)).toEqual(['open', 'click', 'click', 'open', 'delivered']);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    expect(seen.find((e) => e.data)?.data).toEqual({ url: 'https://example.com/a' });
  });

  test('bad queries are 400s, unknown contacts 404', async () => {
    expect((await activity({ eventsBefore: 'garbage' })).status).toBe(400);
    expect((await activity({ eventsLimit: 1000 })).status).toBe(400);
    expect((await activity({ deliveriesPage: 0 })).status).toBe(400);
    expect((await api().get('/campaigns/contacts/nosuchcontact00000000000/activity').set(auth())).status).toBe(404);
    const noRead = await adminWithActions(strapi(), 'noread@activity.test', []);
    expect((await api().get(`/campaigns/contacts/${contact.documentId}/activity`).set(bearer(noRead))).status).toBe(403);
  });
});
