import type { Dashboard } from '../../../shared/contracts/analytics';
import { sendCampaignTo } from '../../helpers/inbound';
import { useGroupApp } from '../../helpers/integration-group';
import { TEST_PUBLIC_URL } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

/**
 * The dashboard across campaigns: two real campaigns go out to the SMTP sink, one a month and a
 * half ago (its send record moved back), people open them through the real tracking endpoint, and
 * the 30- and 90-day periods each show their campaigns and their sums.
 */
const { strapi, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;
const DAY = 86_400_000;
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

const dashboard = async (query: Record<string, string> = {}) => api().get('/campaigns/analytics/dashboard').query(query).set(auth());

/** Opens the message each of these addresses received, as a person's mail client would. */
const open = async (emails: string[]) => {
  for (const email of emails) {
    const html = String((await sink().parse(sink().to(email)[0])).html);
    const pixel = html.match(new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/o/[A-Za-z0-9._-]+)`))![1];
    expect((await api().get(pixel).set('User-Agent', SAFARI)).status).toBe(200);
  }
  await flushTracking(strapi());
};

let recentId: string;
let olderId: string;

beforeAll(async () => {
  const older = await sendCampaignTo(strapi(), sink(), 'Dashboard October', ['ann@dash.test', 'bob@dash.test']);
  const recent = await sendCampaignTo(strapi(), sink(), 'Dashboard December', [
    'cleo@dash.test',
    'dan@dash.test',
    'eve@dash.test',
    'fay@dash.test',
  ]);
  // Opened an hour after sending: a fetch right after it would be a machine's.
  await knex()('campaigns_deliveries').update({ sent_at: Date.now() - 3_600_000 });
  await open(['ann@dash.test', 'bob@dash.test', 'cleo@dash.test']);
  const campaignOf = async (id: number) =>
    (await strapi().db.query('plugin::campaigns.campaign').findOne({ where: { id } })).documentId as string;
  olderId = await campaignOf(older['ann@dash.test'].campaignId);
  recentId = await campaignOf(recent['cleo@dash.test'].campaignId);
  await knex()('campaigns_sends')
    .where({ campaign_id: older['ann@dash.test'].campaignId })
    .update({ started_at: Date.now() - 45 * DAY });
});

test('the last 30 days show the campaigns sent in them, with their rates and a sparkline of their opens', async () => {
  const res = await dashboard();
  expect(res.status).toBe(200);
  const data: Dashboard = res.body.data;
  expect(data.days).toBe(30);
  expect(data.campaigns.map((c) => c.documentId)).toEqual([recentId]);
  expect(data.campaigns[0]).toMatchObject({
    name: 'Dashboard December',
    state: 'sent',
    sent: 4,
    delivered: 4,
    opens: { human: { unique: 1 } },
    rates: { open: 1 / 4, click: 0, complaint: 0 },
    hardBounceRate: 0,
  });
  expect(data.campaigns[0].daily.reduce((sum, n) => sum + n, 0)).toBe(1);
  expect(data.totals).toMatchObject({ campaigns: 1, sent: 4, rates: { open: 1 / 4 } });
});

test('the last 90 days add the older campaign, newest first, and sum both', async () => {
  const data: Dashboard = (await dashboard({ days: '90' })).body.data;
  expect(data.campaigns.map((c) => c.documentId)).toEqual([recentId, olderId]);
  expect(data.campaigns[1]).toMatchObject({ sent: 2, rates: { open: 1 } });
  expect(data.totals).toMatchObject({ campaigns: 2, sent: 6, delivered: 6, opens: { human: { unique: 3 } }, rates: { open: 3 / 6 } });
});

test('a period other than 30 or 90 days, or an unknown parameter, is a 400 that names it', async () => {
  for (const [query, message] of [
    [{ days: '7' }, /days: the period in days: 30 or 90/],
    [{ days: 'month' }, /days/],
    [{ from: '2026-01-01' }, /from/],
  ] as const) {
    const res = await dashboard(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  }
});
