import { verifyToken } from '../../../server/src/features/tracking/tokens';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, TEST_PUBLIC_URL, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

const { strapi, service, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;

const people = [
  { email: 'ann@sent-audience.test', firstName: 'Ann' },
  { email: 'bob@sent-audience.test', firstName: 'Bob' },
  // Refused for good: a delivery of the campaign, but not one it was sent to.
  { email: 'gone@sent-audience.test', firstName: 'Gone' },
];
let sent: { documentId: string; segment: { documentId: string } | null };

/** The tracked click paths of the message one address received. */
const clickPaths = async (email: string) => {
  const message = sink().received.find((m) => m.rcptTo.includes(email))!;
  const html = String((await sink().parse(message)).html);
  const pattern = new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/c/[A-Za-z0-9._-]+)`, 'g');
  return [...new Set([...html.matchAll(pattern)].map((m) => m[1]))];
};

beforeAll(async () => {
  sink().behave('gone@sent-audience.test', () => ({ rcpt: 550, message: '5.1.1 User unknown' }));
  sent = await seedCampaign(strapi(), 'Sent audience', people);
  await service('sending').sendNow(sent.documentId);
  await waitForProgress(strapi(), sent.documentId, finished);
  // Read an hour later: a click right after sending counts as a machine's, and is still shown.
  await knex()('campaigns_deliveries')
    .whereIn(
      'email',
      people.map((p) => p.email)
    )
    .update({ sent_at: Date.now() - 3_600_000 });
});

test("a contact's timeline names the URL of each link they clicked", async () => {
  const paths = await clickPaths('ann@sent-audience.test');
  expect(paths.length).toBeGreaterThanOrEqual(2);
  for (const path of paths.slice(0, 2)) {
    const res = await api().get(path).set('User-Agent', SAFARI);
    expect(res.status).toBe(302);
  }
  const linkIds = paths.slice(0, 2).map((path) => verifyToken(TEST_SIGNING_SECRET, 'click', path.split('/').pop()!, 2)![1]);
  const links = await knex()('campaigns_links').whereIn('id', linkIds).select('id', 'url');
  const urlOf = new Map(links.map((l: { id: number | string; url: string }) => [Number(l.id), l.url]));

  await flushTracking(strapi());
  const ann = await strapi()
    .db.query('plugin::campaigns.contact')
    .findOne({ where: { email: 'ann@sent-audience.test' } });
  const res = await api().get(`/campaigns/contacts/${ann.documentId}/activity`).set(auth());
  expect(res.status).toBe(200);
  const clicks = res.body.data.events.filter((e: { type: string }) => e.type === 'click');
  expect(clicks.map((e: { linkUrl: string }) => e.linkUrl).sort()).toEqual(linkIds.map((id) => urlOf.get(id)).sort());
  expect(clicks.map((e: { linkUrl: string }) => e.linkUrl)).toContain('https://shop.example.com/autumn?utm=mail&x=1');
  expect(
    res.body.data.events.filter((e: { type: string }) => e.type !== 'click').every((e: { linkUrl: unknown }) => e.linkUrl === null)
  ).toBe(true);
});

test('the campaign list shows how many a sent campaign went to, when, and its rates, and a draft the live count of its segment', async () => {
  // The segment grows after the send: the sent campaign's audience stays what it was sent to.
  await service('contacts').create({ email: 'cat@sent-audience.test', attributes: { batch: 'sent-audience' } });
  const draft = await service('campaigns').create({ name: 'Sent audience, the sequel', segment: sent.segment!.documentId });

  const res = await api().get('/campaigns/campaigns').query({ search: 'Sent audience' }).set(auth());
  expect(res.status).toBe(200);
  const byId = new Map(res.body.data.map((c: { documentId: string }) => [c.documentId, c]));
  // With when it went out and people's rates, as its report has them: Ann's clicks came seconds after
  // the send, as a link scanner's do, and nobody's pixel was fetched.
  expect(byId.get(sent.documentId)).toMatchObject({
    state: 'sent',
    sentTo: 2,
    audienceSize: null,
    sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    rates: { open: 0, click: 0 },
  });
  const report = (await api().get(`/campaigns/campaigns/${sent.documentId}/report`).set(auth())).body.data;
  expect((byId.get(sent.documentId) as { rates: unknown }).rates).toEqual({ open: report.rates.open, click: report.rates.click });
  expect(byId.get(draft.documentId)).toMatchObject({ state: 'draft', sentTo: null, audienceSize: 3, sentAt: null, rates: null });
  // The editor still reads the segment's live count for the sent campaign.
  expect(await service('campaigns').findOne(sent.documentId)).toMatchObject({ sentTo: 2, audienceSize: 3 });
});
