import { useGroupApp } from '../../helpers/integration-group';

const CONTACT = 'plugin::campaigns.contact';

const { strapi, auth, api, service } = useGroupApp();

const contacts = () => service('contacts');
const countContacts = () => strapi().documents(CONTACT).count({});

test('normalises the address: trimmed, domain lower-cased, IDN domain in punycode', async () => {
  const res = await api()
    .post('/campaigns/contacts')
    .set(auth())
    .send({
      data: {
        email: '  Jane.Doe@Bücher.EXAMPLE ',
        firstName: 'Jane',
        timezone: 'Europe/Berlin',
        locale: 'de-DE',
        attributes: { plan: 'pro' },
      },
    });
  expect(res.status).toBe(201);
  expect(res.body.data).toMatchObject({
    email: 'Jane.Doe@xn--bcher-kva.example',
    state: 'subscribed',
    timezone: 'Europe/Berlin',
    locale: 'de-DE',
    attributes: { plan: 'pro' },
    consent: { source: 'api' },
  });
  expect(res.body.data.consent.at).toEqual(expect.any(String));
  const row = await strapi()
    .db.query(CONTACT)
    .findOne({ where: { email: 'Jane.Doe@xn--bcher-kva.example' } });
  expect(row.emailHash).toMatch(/^[0-9a-f]{64}$/);
  expect(res.body.data).not.toHaveProperty('emailHash');
});

test('keeps emails unique after normalisation', async () => {
  await contacts().create({ email: 'unique@example.com' });
  const before = await countContacts();
  const res = await api()
    .post('/campaigns/contacts')
    .set(auth())
    .send({ data: { email: ' unique@EXAMPLE.com' } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/email: a contact with "unique@example.com" already exists/);
  expect(await countContacts()).toBe(before);
});

describe('refuses bad contacts with a 400 that names the field, and writes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['no @', { email: 'janedoe.example.com' }, /email: invalid email/],
    ['two dots in a row', { email: 'jane..doe@example.com' }, /email: invalid email/],
    ['no domain dot', { email: 'jane@localhost' }, /email: invalid email/],
    ['a line break', { email: 'jane@example.com\r\nBcc: x@example.com' }, /email: invalid email/],
    ['an empty email', { email: '' }, /email: invalid email/],
    ['an unknown time zone', { email: 'tz@example.com', timezone: 'Mars/Olympus' }, /timezone: unknown time zone "Mars\/Olympus"/],
    ['a bad locale', { email: 'loc@example.com', locale: 'not a locale' }, /locale: "not a locale" is not a BCP 47 locale/],
    ['an unknown topic', { email: 'top@example.com', topics: ['nosuchtopic1'] }, /topics: unknown topic "nosuchtopic1"/],
    ['a state (changed only through setState)', { email: 'st@example.com', state: 'unsubscribed' }, /state: unknown field/],
    ['attributes that are not an object', { email: 'at@example.com', attributes: ['a'] }, /attributes/],
  ];
  test.each(cases)('%s', async (_label, data, message) => {
    const before = await countContacts();
    const res = await api().post('/campaigns/contacts').set(auth()).send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await countContacts()).toBe(before);
  });
});

test('state changes through setState, and a resubscribe needs consent', async () => {
  const contact = await contacts().create({ email: 'state@example.com' });
  const unsubscribed = await contacts().setState(contact.documentId, 'unsubscribed');
  expect(unsubscribed.state).toBe('unsubscribed');
  await expect(contacts().setState(contact.documentId, 'subscribed')).rejects.toThrow(/needs a consent record/);
  const consent = { source: 'preference-page', at: new Date().toISOString(), ip: '203.0.113.7', text: 'Yes, send me news' };
  const back = await contacts().setState(contact.documentId, 'subscribed', { consent });
  expect(back).toMatchObject({ state: 'subscribed', consent });
});

test('lists with search and paging, reads, updates and deletes', async () => {
  const created = await contacts().create({ email: 'findme@example.org', firstName: 'Findme' });
  const list = await api().get('/campaigns/contacts').query({ search: 'findme' }).set(auth());
  expect(list.status).toBe(200);
  expect(list.body.data.map((c: { email: string }) => c.email)).toEqual(['findme@example.org']);

  const updated = await api()
    .put(`/campaigns/contacts/${created.documentId}`)
    .set(auth())
    .send({ data: { lastName: 'Found', timezone: 'America/New_York' } });
  expect(updated.status).toBe(200);
  expect(updated.body.data).toMatchObject({ firstName: 'Findme', lastName: 'Found', timezone: 'America/New_York' });

  const bad = await api()
    .put(`/campaigns/contacts/${created.documentId}`)
    .set(auth())
    .send({ data: { timezone: 'Nowhere/City' } });
  expect(bad.status).toBe(400);
  expect((await contacts().findOne(created.documentId)).timezone).toBe('America/New_York');

  await api().delete(`/campaigns/contacts/${created.documentId}`).set(auth()).expect(200);
  await api().get(`/campaigns/contacts/${created.documentId}`).set(auth()).expect(404);
});
