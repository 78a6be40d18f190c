import { useGroupApp } from '../../helpers/integration-group';
import { NEWSLETTER, seedCampaign, TEST_POSTAL_ADDRESS } from '../../helpers/sending';

const { strapi, api, auth, sink } = useGroupApp();

const sendTest = async (documentId: string, emails: string[]) => {
  const res = await api().post(`/campaigns/campaigns/${documentId}/test`).set(auth()).send({ data: { emails } });
  expect(res.status).toBe(200);
};

test('every test send gets a Message-ID of its own', async () => {
  const campaign = await seedCampaign(strapi(), 'Test ids', []);
  const before = sink().received.length;
  await sendTest(campaign.documentId, ['qa@ids.test', 'lead@ids.test']);
  await sendTest(campaign.documentId, ['qa@ids.test']);
  const messages = sink().received.slice(before);
  expect(messages).toHaveLength(3);
  const ids = await Promise.all(messages.map(async (m) => (await sink().parse(m)).messageId));
  expect(ids.every((id) => /^<test\.[0-9a-f]{24}@example\.com>$/.test(String(id)))).toBe(true);
  expect(new Set(ids).size).toBe(3);
});

test('templates read sending.postalAddress as {{ postal_address }}, in the HTML and the text part', async () => {
  const content = NEWSLETTER.replace(
    '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
    '<a href="{{ unsubscribe_url }}">Unsubscribe</a> · {{ postal_address }}'
  );
  const campaign = await seedCampaign(strapi(), 'Postal address', [], { content });
  const before = sink().received.length;
  await sendTest(campaign.documentId, ['qa@postal.test']);
  const mail = await sink().parse(sink().received[before]);
  expect(String(mail.html)).toContain(TEST_POSTAL_ADDRESS);
  expect(mail.text).toContain(TEST_POSTAL_ADDRESS);

  const settings = await api().get('/campaigns/settings').set(auth());
  expect(settings.body.data).toMatchObject({ postalAddress: TEST_POSTAL_ADDRESS, dkim: null, warnings: ['dkim-missing'] });
});
