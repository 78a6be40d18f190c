import path from 'node:path';
import type { CampaignReport } from '../../../shared/contracts/analytics';
import { earlyInThisMinute, freezeDate } from '../../helpers/clock';
import { inboundNotice, sendCampaignTo, type SentDelivery } from '../../helpers/inbound';
import { hardBounce } from '../../helpers/inbound-pipeline';
import { useGroupApp } from '../../helpers/integration-group';
import { runCommand } from '../../helpers/command';
import { ROOT } from '../../helpers/paths';
import { TEST_PUBLIC_URL } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';
import { rootOf } from '../../../server/src/composition/accessor';

/**
 * A campaign's report from its live counters: a real campaign goes out to the SMTP sink, its
 * readers (and a privacy proxy and a link scanner) open and click through the real tracking
 * endpoints, a bounce, a complaint and an unsubscribe request come back through the inbound
 * pipeline, and every figure is read from the report endpoint; then the counters are rebuilt from
 * the raw events, by the service and by the command, and must come out the same.
 */
const { app, strapi, service, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const APPLE_PROXY = 'Mozilla/5.0';
const SCANNER = 'Mozilla/5.0 (compatible; Barracuda Sentinel link scanner)';
const PEOPLE = ['ann@report.test', 'bob@report.test', 'cleo@report.test', 'dan@report.test', 'eve@report.test'];

let sent: Record<string, SentDelivery>;
let documentId: string;
const paths: Record<string, { open: string; clicks: string[] }> = {};

const pathsOf = (html: string, kind: string) => [
  ...new Set(
    [...html.matchAll(new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g'))].map(
      (m) => m[1]
    )
  ),
];

const report = async (): Promise<CampaignReport> => {
  await flushTracking(strapi());
  const res = await api().get(`/campaigns/campaigns/${documentId}/report`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data;
};

const rollups = async () => ({
  totals: await knex()('campaigns_rollups').select('variant', 'metric', 'value').orderBy(['variant', 'metric']),
  hours: await knex()('campaigns_rollup_hours').select('variant', 'metric', 'hour', 'value').orderBy(['variant', 'metric', 'hour']),
});

beforeAll(async () => {
  sent = await sendCampaignTo(strapi(), sink(), 'Report', PEOPLE);
  const campaignId = sent[PEOPLE[0]].campaignId;
  documentId = (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { id: campaignId } })
  ).documentId;
  for (const email of PEOPLE) {
    const html = String((await sink().parse(sink().to(email)[0])).html);
    paths[email] = { open: pathsOf(html, 'o')[0], clicks: pathsOf(html, 'c') };
  }
  // The messages left an hour ago: a fetch right after sending is a machine's.
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });
});

afterEach(() => jest.useRealTimers());

test('the report counts people and machines apart, bounces by reason, complaints, unsubscribes and links, with rates on their denominators', async () => {
  const at = earlyInThisMinute();
  freezeDate(at);
  const get = async (url: string, agent: string) => expect((await api().get(url).set('User-Agent', agent)).status).toBeLessThan(400);
  const [ann, bob, cleo] = PEOPLE.map((email) => paths[email]);
  await get(ann.open, APPLE_PROXY);
  await get(ann.open, SAFARI);
  await get(ann.clicks[0], SAFARI);
  await get(bob.open, SAFARI);
  await get(bob.clicks[1], SAFARI);
  await get(cleo.clicks[0], SCANNER);
  // The same open again this minute is the same event; two minutes on it is another.
  await get(ann.open, SAFARI);
  freezeDate(at + 120_000);
  await get(ann.open, SAFARI);
  jest.useRealTimers();

  const pipeline = rootOf(strapi()).running.inbound;
  await pipeline.apply([
    inboundNotice({
      reference: '<dsn-report@mx.report.test>',
      recipients: [hardBounce('dan@report.test')],
      match: { messageIds: [sent['dan@report.test'].messageId] },
    }),
    inboundNotice({
      origin: 'imap:feedback',
      reference: '<arf-report@fbl.report.test>',
      kind: 'complaint',
      feedbackType: 'abuse',
      match: { messageIds: [sent['eve@report.test'].messageId] },
    }),
    inboundNotice({
      origin: 'raw',
      source: 'raw',
      reference: '<unsub-report@report.test>',
      kind: 'unsubscribe-request',
      recipients: [{ email: 'cleo@report.test', bounceType: null, reason: null, status: null, diagnostic: null }],
      match: { messageIds: [sent['cleo@report.test'].messageId] },
    }),
  ]);

  const figures = await report();
  expect(figures).toMatchObject({
    documentId,
    audience: { targeted: 5, queued: 0, sending: 0, suppressed: 0 },
    sent: 5,
    failed: 1,
    deliveredReported: 0,
    delivered: 4,
    bounces: { hard: 1, soft: 0 },
    complaints: 1,
    unsubscribes: 1,
    opens: { human: { total: 3, unique: 2 }, machine: { total: 1, unique: 1 } },
    clicks: { human: { total: 2, unique: 2 }, machine: { total: 1, unique: 1 } },
    bouncesByReason: [{ reason: 'userunknown', count: 1 }],
    complaintsByReason: [{ reason: 'abuse', count: 1 }],
  });
  expect(figures.rates).toMatchObject({ open: 2 / 4, click: 2 / 4, clickToOpen: 1, bounce: 1 / 5, complaint: 1 / 4, unsubscribe: 1 / 4 });
  const links = await knex()('campaigns_links').where({ campaign_id: sent[PEOPLE[0]].campaignId }).orderBy('position');
  expect(figures.links.map((link) => [link.url, link.clicks, link.uniqueClicks]).sort()).toEqual(
    [
      [links[0].url, 1, 1],
      [links[1].url, 1, 1],
    ].sort()
  );
  const sum = (key: 'opens' | 'clicks' | 'machineOpens' | 'machineClicks') =>
    figures.series.reduce((total, point) => total + point[key], 0);
  expect([sum('opens'), sum('clicks'), sum('machineOpens'), sum('machineClicks')]).toEqual([3, 2, 1, 1]);
  expect(figures.variants).toEqual([expect.objectContaining({ variant: '', sent: 5, delivered: 4, opens: figures.opens })]);

  // The campaigns list shows the same people's rates.
  const list = await api().get('/campaigns/campaigns').query({ search: 'Report' }).set(auth());
  expect(list.body.data.find((c: { documentId: string }) => c.documentId === documentId)).toMatchObject({
    sentTo: 4,
    rates: { open: 2 / 4, click: 2 / 4 },
  });
});

test('events that arrive together, and again, count once each; a rebuild from the raw events agrees with the live counters', async () => {
  const at = earlyInThisMinute() + 5 * 60_000;
  freezeDate(at);
  // Every reader at once, twice over: the second round is the same minute's events again.
  const all = PEOPLE.flatMap((email) => [paths[email].open, ...paths[email].clicks]);
  for (let round = 0; round < 2; round++) {
    const answers = await Promise.all(all.map((url) => api().get(url).set('User-Agent', SAFARI)));
    expect(answers.every((res) => res.status < 400)).toBe(true);
  }
  jest.useRealTimers();
  await flushTracking(strapi());
  const events = Number((await knex()('campaigns_events').where({ campaign_id: sent[PEOPLE[0]].campaignId }).count({ n: '*' }).first())!.n);
  const figures = await report();
  expect(figures.opens.human.total + figures.opens.machine.total + figures.clicks.human.total + figures.clicks.machine.total).toBe(
    events - 3 // the bounce, the complaint and the unsubscribe
  );

  // Each link's unique clickers: the deliveries with a person's click on it among the stored events, each once.
  const clickersOf = new Map<number, Set<number>>();
  for (const row of await knex()('campaigns_events')
    .where({ campaign_id: sent[PEOPLE[0]].campaignId, type: 'click', is_bot: false })
    .select('delivery_id', 'data')) {
    const linkId = Number(JSON.parse(row.data).linkId);
    clickersOf.set(linkId, (clickersOf.get(linkId) ?? new Set()).add(Number(row.delivery_id)));
  }
  expect(figures.links.map((link) => [link.linkId, link.uniqueClicks])).toEqual(
    figures.links.map((link) => [link.linkId, clickersOf.get(link.linkId)?.size ?? 0])
  );
  expect(figures.links.some((link) => link.uniqueClicks < link.clicks)).toBe(true);

  const live = await rollups();
  expect(live.totals.length).toBeGreaterThan(10);
  await knex()('campaigns_rollups').update({ value: 999 });
  expect(await service('analytics').rebuild({ campaign: documentId })).toEqual([
    { campaignId: sent[PEOPLE[0]].campaignId, counters: expect.any(Number) },
  ]);
  expect(await rollups()).toEqual(live);
  expect(await report()).toEqual(figures);
});

describe('the strapi-campaigns-rollups command', () => {
  const run = (args: string[]) => runCommand(path.join(ROOT, 'bin', 'campaigns-rollups.js'), args, app().env);

  test('rebuilds a campaign by id from the raw events, as the live counters had them, and exits 0', async () => {
    const live = await rollups();
    await knex()('campaigns_rollup_hours').delete();
    const { code, output } = await run(['rebuild', '--campaign', String(sent[PEOPLE[0]].campaignId)]);
    expect(output).toMatch(/campaigns rollups: 1 campaign rebuilt/);
    expect(code).toBe(0);
    expect(await rollups()).toEqual(live);
  });

  test('exits 1 saying what to fix: no command, an unknown argument, a campaign that does not exist', async () => {
    expect(await run([])).toEqual({ code: 1, output: expect.stringMatching(/no command given\nusage: strapi-campaigns-rollups rebuild/) });
    expect(await run(['rebuild', '--all'])).toEqual({ code: 1, output: expect.stringMatching(/unexpected argument "--all"/) });
    const missing = await run(['rebuild', '--campaign', '987654']);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/campaigns rollups: failed: No campaign with id 987654/);
  });
});
