import type { FigureSegment } from '../../../shared/contracts/analytics';
import { inboundNotice, sendCampaignTo, type SentDelivery } from '../../helpers/inbound';
import { softBounce } from '../../helpers/inbound-pipeline';
import { useGroupApp } from '../../helpers/integration-group';
import { TEST_PUBLIC_URL } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';
import { rootOf } from '../../../server/src/composition/accessor';

/**
 * The contacts behind a report's figures: a campaign goes out to the SMTP sink, its readers open
 * and click through the real tracking endpoints (one only through Apple's privacy proxy, which is
 * not a person's open), a soft bounce comes back through the inbound pipeline; each figure's rules
 * select its contacts through the segment preview, and save as a segment that counts them.
 */
const { strapi, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;

const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const APPLE_PROXY = 'Mozilla/5.0';
const [READER, PROXIED, SILENT, BOUNCED] = ['reader@figures.test', 'proxied@figures.test', 'silent@figures.test', 'bounced@figures.test'];

let sent: Record<string, SentDelivery>;
let documentId: string;
let links: Array<{ id: number; url: string }>;

const trackingPaths = (html: string, kind: string) => [
  ...new Set(
    [...html.matchAll(new RegExp(`${TEST_PUBLIC_URL.replace(/\./g, '\\.')}(/api/campaigns/t/${kind}/[A-Za-z0-9._-]+)`, 'g'))].map(
      (m) => m[1]
    )
  ),
];

const figure = (query: Record<string, string>) => api().get(`/campaigns/campaigns/${documentId}/report/segment`).query(query).set(auth());

/** The emails a figure's rules select (the segment builder's preview), sorted. */
const contactsOf = async (query: Record<string, string>) => {
  const res = await figure(query);
  expect(res.status).toBe(200);
  const segment: FigureSegment = res.body.data;
  const preview = await api()
    .post('/campaigns/segments/preview')
    .set(auth())
    .send({ data: { rules: segment.rules } });
  expect(preview.status).toBe(200);
  return (preview.body.data as Array<{ email: string }>).map((c) => c.email).sort();
};

beforeAll(async () => {
  sent = await sendCampaignTo(strapi(), sink(), 'Figures', [READER, PROXIED, SILENT, BOUNCED]);
  const campaignId = sent[READER].campaignId;
  documentId = (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { id: campaignId } })
  ).documentId;
  links = (await knex()('campaigns_links').where({ campaign_id: campaignId }).orderBy('position')).map((l) => ({
    id: Number(l.id),
    url: String(l.url),
  }));
  // The messages left an hour ago: a fetch right after sending is a machine's.
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });
  const html = async (email: string) => String((await sink().parse(sink().to(email)[0])).html);
  const reader = await html(READER);
  const get = async (path: string, agent: string) => expect((await api().get(path).set('User-Agent', agent)).status).toBeLessThan(400);
  await get(trackingPaths(reader, 'o')[0], SAFARI);
  await get(trackingPaths(reader, 'c')[0], SAFARI);
  await get(trackingPaths(await html(PROXIED), 'o')[0], APPLE_PROXY);
  await flushTracking(strapi());
  await rootOf(strapi()).running.inbound.apply([
    inboundNotice({
      reference: '<dsn-figures@mx.figures.test>',
      recipients: [softBounce(BOUNCED)],
      match: { messageIds: [sent[BOUNCED].messageId] },
    }),
  ]);
});

test("each figure selects its contacts: people's opens and clicks, one link's clickers, bounces by kind", async () => {
  expect(await contactsOf({ figure: 'opened' })).toEqual([READER]);
  // The privacy proxy's fetch is a machine's open: its reader still counts as not having opened.
  expect(await contactsOf({ figure: 'notOpened' })).toEqual([BOUNCED, PROXIED, SILENT]);
  expect(await contactsOf({ figure: 'clicked' })).toEqual([READER]);
  expect(await contactsOf({ figure: 'notClicked' })).toEqual([BOUNCED, PROXIED, SILENT]);
  const clicked = (await knex()('campaigns_events').where({ type: 'click', delivery_id: sent[READER].id }).first('data')).data;
  const clickedLink = links.find((link) => String(clicked).includes(`"linkId":${link.id},`))!;
  expect(await contactsOf({ figure: 'clickedLink', linkId: String(clickedLink.id) })).toEqual([READER]);
  const other = links.find((link) => link !== clickedLink)!;
  expect(await contactsOf({ figure: 'clickedLink', linkId: String(other.id) })).toEqual([]);
  expect(await contactsOf({ figure: 'bouncedSoft' })).toEqual([BOUNCED]);
  expect(await contactsOf({ figure: 'bouncedHard' })).toEqual([]);
});

test('a figure saves as a segment with its name, and the segment counts its contacts', async () => {
  const res = await figure({ figure: 'notOpened' });
  expect(res.body.data).toMatchObject({ figure: 'notOpened', linkId: null, name: 'Figures: did not open' });
  const created = await api()
    .post('/campaigns/segments')
    .set(auth())
    .send({ data: { name: res.body.data.name, rules: res.body.data.rules } });
  expect(created.status).toBe(201);
  const count = await api()
    .post('/campaigns/segments/count')
    .set(auth())
    .send({ data: { rules: created.body.data.rules } });
  expect(count.body.data).toEqual({ count: 3 });
});

test('bad figure queries are 400s naming what to fix; an unknown campaign is a 404', async () => {
  const bad = async (query: Record<string, string>, message: RegExp) => {
    const res = await figure(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  };
  await bad({ figure: 'boughtSomething' }, /figure/);
  await bad({}, /figure/);
  await bad({ figure: 'clickedLink' }, /linkId: a link id is needed/);
  await bad({ figure: 'opened', linkId: String(links[0].id) }, /linkId: only "clickedLink" takes a link/);
  await bad({ figure: 'clickedLink', linkId: 'first' }, /linkId/);
  await bad({ figure: 'clickedLink', linkId: '987654321' }, /linkId: this campaign has no link 987654321/);
  await bad({ figure: 'opened', extra: '1' }, /extra/);
  const missing = await api().get('/campaigns/campaigns/nosuchcampaign000/report/segment').query({ figure: 'opened' }).set(auth());
  expect(missing.status).toBe(404);
});
