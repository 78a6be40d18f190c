import { useGroupApp } from '../../helpers/integration-group';

const { strapi, auth, api, service } = useGroupApp();
const DAY = 86_400_000;

let spring: { documentId: string; id: number };
const ids: Record<string, number> = {};

beforeAll(async () => {
  const people: Array<[string, Record<string, unknown>]> = [
    ['ann@example.com', { plan: 'pro', orders: 12, vip: true, address: { city: 'Paris' } }],
    ['ben@example.com', { plan: 'free', orders: 2, vip: false, address: { city: 'Lyon' } }],
    ['cat@example.com', { plan: 'PRO', orders: 3.5, address: { city: 'paris' } }],
    ['dan@example.com', { plan: null, orders: '7' }],
    ['eve@example.com', {}],
  ];
  for (const [email, attributes] of people) {
    const contact = await service('contacts').create({ email, attributes });
    ids[email] = (
      await strapi()
        .db.query('plugin::campaigns.contact')
        .findOne({ where: { documentId: contact.documentId } })
    ).id;
  }
  const campaign = await service('campaigns').create({ name: 'Spring' });
  const other = await service('campaigns').create({ name: 'Other' });
  const rowId = async (documentId: string) => (await strapi().db.query('plugin::campaigns.campaign').findOne({ where: { documentId } })).id;
  spring = { documentId: campaign.documentId, id: await rowId(campaign.documentId) };
  const otherId = await rowId(other.documentId);
  const now = Date.now();
  const delivery = (campaignId: number, email: string, times: Record<string, number | null>) => ({
    campaign_id: campaignId,
    contact_id: ids[email],
    email,
    state: 'sent',
    sent_at: now - 40 * DAY,
    ...times,
  });
  await strapi()
    .db.connection('campaigns_deliveries')
    .insert([
      delivery(spring.id, 'ann@example.com', { first_open_at: now - 2 * DAY, first_click_at: now - 2 * DAY }),
      delivery(spring.id, 'ben@example.com', { first_open_at: now - 35 * DAY }),
      delivery(spring.id, 'cat@example.com', {}),
      delivery(otherId, 'dan@example.com', { first_reply_at: now - DAY }),
    ]);
});

const emails = async (rules: unknown) => (await service('segments').pageRules(rules)).map((c: { email: string }) => c.email);
const one = (rule: Record<string, unknown>) => ({ match: 'all', rules: [rule] });

test('attributes by JSON path: text ignoring case, numbers, booleans, presence', async () => {
  expect(await emails(one({ field: 'attribute', path: 'plan', operator: 'eq', value: 'pro' }))).toEqual(['ann@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'plan', operator: 'contains', value: 'pro' }))).toEqual([
    'ann@example.com',
    'cat@example.com',
  ]);
  expect(await emails(one({ field: 'attribute', path: 'address.city', operator: 'startsWith', value: 'PAR' }))).toEqual([
    'ann@example.com',
    'cat@example.com',
  ]);
  expect(await emails(one({ field: 'attribute', path: 'orders', operator: 'gte', value: 3 }))).toEqual([
    'ann@example.com',
    'cat@example.com',
  ]);
  expect(await emails(one({ field: 'attribute', path: 'orders', operator: 'lt', value: 3 }))).toEqual(['ben@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'orders', operator: 'eq', value: 12 }))).toEqual(['ann@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'vip', operator: 'eq', value: true }))).toEqual(['ann@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'vip', operator: 'eq', value: false }))).toEqual(['ben@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'plan', operator: 'isSet' }))).toEqual([
    'ann@example.com',
    'ben@example.com',
    'cat@example.com',
  ]);
  expect(await emails(one({ field: 'attribute', path: 'plan', operator: 'isNotSet' }))).toEqual(['dan@example.com', 'eve@example.com']);
  expect(await emails(one({ field: 'attribute', path: 'plan', operator: 'neq', value: 'pro' }))).toEqual([
    'ben@example.com',
    'cat@example.com',
    'dan@example.com',
    'eve@example.com',
  ]);
  expect(await emails(one({ field: 'attribute', path: 'address.city', operator: 'in', value: ['Lyon', 'Nice'] }))).toEqual([
    'ben@example.com',
  ]);
});

test('engagement with one campaign or any, within N days, did or did not', async () => {
  const rule = (extra: Record<string, unknown>) => one({ field: 'engagement', operator: 'did', campaign: spring.documentId, ...extra });
  expect(await emails(rule({ activity: 'received' }))).toEqual(['ann@example.com', 'ben@example.com', 'cat@example.com']);
  expect(await emails(rule({ activity: 'opened' }))).toEqual(['ann@example.com', 'ben@example.com']);
  expect(await emails(rule({ activity: 'opened', withinDays: 30 }))).toEqual(['ann@example.com']);
  expect(await emails(rule({ activity: 'clicked' }))).toEqual(['ann@example.com']);
  expect(await emails(rule({ activity: 'opened', operator: 'didNot' }))).toEqual(['cat@example.com', 'dan@example.com', 'eve@example.com']);
  expect(await emails(one({ field: 'engagement', activity: 'replied', operator: 'did', campaign: 'any', withinDays: 7 }))).toEqual([
    'dan@example.com',
  ]);
  expect(await emails(one({ field: 'engagement', activity: 'received', operator: 'didNot', campaign: 'any' }))).toEqual([
    'eve@example.com',
  ]);
});

test('an unknown campaign in an engagement rule is refused, naming it', async () => {
  await expect(
    service('segments').create({
      name: 'x',
      rules: one({ field: 'engagement', activity: 'opened', operator: 'did', campaign: 'nosuchcampaign1' }),
    })
  ).rejects.toThrow(/rules: unknown campaign "nosuchcampaign1"/);
});

test('keyset pages walk the whole audience in id order without repeats', async () => {
  const all = { match: 'all', rules: [] };
  const seen: string[] = [];
  let after = 0;
  for (;;) {
    const page = await service('segments').pageRules(all, { after, limit: 2 });
    if (page.length === 0) break;
    seen.push(...page.map((c: { email: string }) => c.email));
    after = page[page.length - 1].id;
  }
  expect(seen).toEqual(['ann@example.com', 'ben@example.com', 'cat@example.com', 'dan@example.com', 'eve@example.com']);
  await expect(service('segments').pageRules(all, { limit: 100000 })).rejects.toThrow(/limit: a whole number from 1 to 5000/);
});

test('the admin API counts and previews rules that are not saved yet', async () => {
  const rules = one({ field: 'attribute', path: 'orders', operator: 'gt', value: 1 });
  const count = await api().post('/campaigns/segments/count').set(auth()).send({ data: { rules } });
  expect(count.status).toBe(200);
  expect(count.body.data.count).toBe(3);
  const preview = await api().post('/campaigns/segments/preview').set(auth()).send({ data: { rules } });
  expect(preview.status).toBe(200);
  expect(preview.body.data.map((c: { email: string }) => c.email)).toEqual(['ann@example.com', 'ben@example.com', 'cat@example.com']);
  expect(preview.body.data[0]).toEqual({
    id: expect.any(Number),
    documentId: expect.any(String),
    email: 'ann@example.com',
    firstName: null,
    lastName: null,
    timezone: null,
  });

  const bad = await api()
    .post('/campaigns/segments/count')
    .set(auth())
    .send({ data: { rules: one({ field: 'attribute', path: 'x) OR (1=1', operator: 'eq', value: 'a' }) } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/rules/);
  expect(bad.body.error.message).toMatch(/dotted attribute name/);
});

test('the builder gets its topic and campaign choices, and an old campaign a rule names', async () => {
  const topic = await service('topics').create({ name: 'Offers' });
  const choices = async (query = '') => {
    const res = await api().get(`/campaigns/segments/choices${query}`).set(auth());
    expect(res.status).toBe(200);
    return res.body.data as { topics: Array<{ documentId: string; name: string }>; campaigns: Array<{ documentId: string; name: string }> };
  };
  const all = await choices();
  expect(all.topics).toEqual([{ documentId: topic.documentId, name: 'Offers' }]);
  expect(all.campaigns.map((c) => c.name).sort()).toEqual(['Other', 'Spring']);
  expect(all.campaigns[0]).toEqual({ documentId: expect.any(String), name: expect.any(String), state: 'draft' });

  // Named twice, plus an id that does not exist and one that is not an id at all: neither errors nor duplicates.
  const named = await choices(`?include=${spring.documentId},${spring.documentId},nosuchcampaign,x'--`);
  expect(named.campaigns.filter((c) => c.documentId === spring.documentId)).toHaveLength(1);
  expect(named.campaigns).toHaveLength(2);

  const unknown = await api().get('/campaigns/segments/choices?limit=5').set(auth());
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toMatch(/limit/);
});
