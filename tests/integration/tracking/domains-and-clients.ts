import type { CampaignReport, DomainReport } from '../../../shared/contracts/analytics';
import { rootOf } from '../../../server/src/composition/accessor';
import { inboundNotice } from '../../helpers/inbound';
import { hardBounce } from '../../helpers/inbound-pipeline';
import { useGroupApp } from '../../helpers/integration-group';
import { seedCampaign, TEST_PUBLIC_URL, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

/**
 * A campaign's figures per recipient domain and its readers' mail clients and devices: a real
 * campaign goes out to the SMTP sink (one address refused, one asked to come back later so that
 * it keeps sending), its readers open through the real tracking endpoints with the User-Agents of
 * real mail clients, a bounce, a complaint and an unsubscribe request come back through the
 * inbound pipeline; then the counters are rebuilt from the raw events and must come out the same.
 */
const { strapi, service, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;

const OUTLOOK = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)';
const IPHONE_MAIL = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const APPLE_PROXY = 'Mozilla/5.0';

const PEOPLE = {
  ann: 'ann@gmail.test',
  bob: 'bob@gmail.test',
  hal: 'hal@gmail.test',
  cleo: 'cleo@outlook.test',
  dan: 'dan@outlook.test',
  eve: 'eve@yahoo.test',
  fay: 'fay@yahoo.test',
  gus: 'gus@yahoo.test',
};

let documentId: string;
let campaignId: number;
const rowOf = async (email: string) => knex()('campaigns_deliveries').where({ campaign_id: campaignId, email }).first();

const openPathOf = async (email: string) => {
  const html = String((await sink().parse(sink().to(email)[0])).html);
  const match = html.match(new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/o/[A-Za-z0-9._-]+)`));
  return match![1];
};
const open = async (email: string, agent: string) =>
  expect(
    (
      await api()
        .get(await openPathOf(email))
        .set('User-Agent', agent)
    ).status
  ).toBeLessThan(400);

const domains = async (): Promise<DomainReport> => {
  await flushTracking(strapi());
  const res = await api().get(`/campaigns/campaigns/${documentId}/report/domains`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data;
};
const report = async (): Promise<CampaignReport> => {
  await flushTracking(strapi());
  return (await api().get(`/campaigns/campaigns/${documentId}/report`).set(auth())).body.data;
};
const domainRows = () => knex()('campaigns_domain_rollups').select('domain', 'metric', 'value').orderBy(['domain', 'metric']);
const clientRows = () =>
  knex()('campaigns_rollups')
    .select('metric', 'value')
    .where('campaign_id', campaignId)
    .where((q) => q.where('metric', 'like', 'client:%').orWhere('metric', 'like', 'device:%'))
    .orderBy('metric');

beforeAll(async () => {
  sink().behave(PEOPLE.fay, () => ({ rcpt: 550, message: '5.1.1 User unknown' }));
  // Come back later: the campaign keeps sending while its retry waits.
  sink().behave(PEOPLE.gus, () => ({ rcpt: 451, message: '4.7.1 Try again later' }));
  const campaign = await seedCampaign(
    strapi(),
    'Domains',
    Object.values(PEOPLE).map((email) => ({ email }))
  );
  documentId = campaign.documentId;
  await service('sending').sendNow(documentId);
  await waitForProgress(strapi(), documentId, (p) => p.sent === 6 && p.failed === 1 && p.queued === 1);
  campaignId = Number((await knex()('campaigns_deliveries').where({ email: PEOPLE.ann }).first()).campaign_id);
  // The messages left an hour ago: a fetch right after sending is a machine's.
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });
});

test("while the campaign sends, each domain's events are counted live and ranked by opens; what each was sent waits for the end", async () => {
  await open(PEOPLE.ann, GMAIL_PROXY);
  await open(PEOPLE.bob, IPHONE_MAIL);
  await open(PEOPLE.bob, IPHONE_MAIL);
  await open(PEOPLE.cleo, OUTLOOK);
  await open(PEOPLE.eve, APPLE_PROXY);

  const live = await domains();
  expect(live).toMatchObject({ documentId, counted: false, total: 3 });
  expect(live.domains.map((d) => [d.domain, d.sent, d.uniqueOpens, d.hardBounces, d.rates.open])).toEqual([
    ['gmail.test', null, 2, 0, null],
    ['outlook.test', null, 1, 0, null],
  ]);
  // yahoo.test has a bounce (the refusal at sending) but no reader yet: in the rest.
  expect(live.others).toMatchObject({ domains: 1, sent: null, uniqueOpens: 0, hardBounces: 1 });

  const figures = await report();
  expect(figures.clients).toEqual([
    { client: 'Apple Mail', count: 1 },
    { client: 'Gmail', count: 1 },
    { client: 'Outlook', count: 1 },
  ]);
  expect(figures.devices).toEqual([
    { device: 'desktop', count: 1 },
    { device: 'mobile', count: 1 },
    { device: 'unknown', count: 1 },
  ]);
  // The verdict is stored with the event (the User-Agent itself only when the settings say so).
  const [bobsOpen] = await knex()('campaigns_events').where({ delivery_id: (await rowOf(PEOPLE.bob)).id, type: 'open' });
  expect(JSON.parse(bobsOpen.data)).toMatchObject({ client: 'browser', verdict: 'human', mailClient: 'Apple Mail', device: 'mobile' });
});

test('once the campaign is over, what each domain was sent is counted once, bounces, complaints and unsubscribes per domain, and the rest summed', async () => {
  // A message whose fate the SMTP conversation left unknown: not sent to its domain, until a bounce says it went.
  await knex()('campaigns_deliveries')
    .where({ id: (await rowOf(PEOPLE.hal)).id })
    .update({ state: 'unknown' });
  await service('sending').cancel(documentId);
  await waitForProgress(strapi(), documentId, (p) => p.state === 'cancelled' && p.queued === 0);

  const pipeline = rootOf(strapi()).running.inbound;
  await pipeline.apply([
    inboundNotice({
      reference: '<dsn-domains@mx.outlook.test>',
      recipients: [hardBounce(PEOPLE.dan)],
      match: { messageIds: [(await rowOf(PEOPLE.dan)).message_id] },
    }),
    inboundNotice({
      origin: 'imap:feedback',
      reference: '<arf-domains@fbl.outlook.test>',
      kind: 'complaint',
      feedbackType: 'abuse',
      match: { messageIds: [(await rowOf(PEOPLE.cleo)).message_id] },
    }),
    inboundNotice({
      origin: 'raw',
      source: 'raw',
      reference: '<unsub-domains@yahoo.test>',
      kind: 'unsubscribe-request',
      recipients: [{ email: PEOPLE.eve, bounceType: null, reason: null, status: null, diagnostic: null }],
      match: { messageIds: [(await rowOf(PEOPLE.eve)).message_id] },
    }),
  ]);

  const counted = await domains();
  expect(counted).toMatchObject({ counted: true, total: 3, others: null });
  expect(counted.domains.map((d) => [d.domain, d.sent, d.uniqueOpens, d.hardBounces, d.softBounces, d.complaints, d.unsubscribes])).toEqual(
    [
      // ann and bob (hal's fate is unknown);
      ['gmail.test', 2, 2, 0, 0, 0, 0],
      // cleo, and dan who bounced since;
      ['outlook.test', 2, 1, 1, 0, 1, 0],
      // eve, and fay whom the server refused (gus's message was cancelled).
      ['yahoo.test', 2, 0, 1, 0, 0, 1],
    ]
  );
  expect(counted.domains[1].rates).toEqual({ open: 0.5, click: 0, bounce: 0.5, complaint: 0.5 });

  // hal's message bounces: it was sent after all, to gmail.test.
  await pipeline.apply([
    inboundNotice({
      reference: '<dsn-hal@mx.gmail.test>',
      recipients: [hardBounce(PEOPLE.hal)],
      match: { messageIds: [(await rowOf(PEOPLE.hal)).message_id] },
    }),
  ]);
  expect((await rowOf(PEOPLE.hal)).state).toBe('failed');
  const moved = await domains();
  expect(moved.domains[0]).toMatchObject({ domain: 'gmail.test', sent: 3, hardBounces: 1 });
  // The same in the report: every domain's sent adds up to the campaign's.
  expect(moved.domains.reduce((sum, d) => sum + d.sent!, 0)).toBe((await report()).sent);
});

test('a rebuild from the raw events agrees with the live counters per domain and per client', async () => {
  const [liveDomains, liveClients, liveReport] = [await domainRows(), await clientRows(), await domains()];
  expect(liveDomains.length).toBeGreaterThan(8);
  await knex()('campaigns_domain_rollups').update({ value: 999 });
  await knex()('campaigns_rollups').where('metric', 'like', 'client:%').delete();
  await service('analytics').rebuild({ campaign: documentId });
  expect(await domainRows()).toEqual(liveDomains);
  expect(await clientRows()).toEqual(liveClients);
  expect(await domains()).toEqual(liveReport);
});

test('an unknown campaign is a 404', async () => {
  const res = await api().get('/campaigns/campaigns/nosuchcampaign000/report/domains').set(auth());
  expect(res.status).toBe(404);
  expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
});
