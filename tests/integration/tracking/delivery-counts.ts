import type { CampaignReport } from '../../../shared/contracts/analytics';
import { inboundNotice, sendCampaignTo, type SentDelivery } from '../../helpers/inbound';
import { hardBounce } from '../../helpers/inbound-pipeline';
import { useGroupApp } from '../../helpers/integration-group';
import { rootOf } from '../../../server/src/composition/accessor';

/**
 * A finished campaign's deliveries by state are counted once, by the report that first needs
 * them, and kept from then on by the inbound pipeline's moves (a hard bounce fails a delivery, a
 * delivery notice settles an unknown one): each report after that reads counters, not deliveries.
 */
const { strapi, service, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;

const report = async (documentId: string): Promise<CampaignReport> => {
  const res = await api().get(`/campaigns/campaigns/${documentId}/report`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data;
};

const documentIdOf = async (campaignId: number) =>
  (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { id: campaignId } })
  ).documentId as string;

/** The counters kept for the campaign, by state (`counted` their mark). */
const kept = async (campaignId: number) =>
  Object.fromEntries(
    (await knex()('campaigns_rollups').where({ campaign_id: campaignId }).where('metric', 'like', 'state:%')).map((row) => [
      String(row.metric).slice('state:'.length),
      Number(row.value),
    ])
  );

/** The deliveries by state, counted from their rows. */
const counted = async (campaignId: number) =>
  Object.fromEntries(
    (
      (await knex()('campaigns_deliveries').select('state').count({ n: '*' }).where({ campaign_id: campaignId }).groupBy('state')) as Array<
        Record<string, unknown>
      >
    ).map((row) => [String(row.state), Number(row.n)])
  );

const bounce = (delivery: SentDelivery, n: number) =>
  inboundNotice({
    reference: `<dsn-counts-${n}@mx.counts.test>`,
    recipients: [hardBounce(delivery.email)],
    match: { messageIds: [delivery.messageId] },
  });

const deliveredNotice = (delivery: SentDelivery) =>
  inboundNotice({
    origin: 'sendgrid',
    source: 'webhook',
    kind: 'delivered',
    reference: `delivered-${delivery.id}`,
    recipients: [{ email: delivery.email, bounceType: null, reason: null, status: '250', diagnostic: null }],
    match: { deliveryId: delivery.id },
  });

test('counted once the campaign is over, then moved by bounces and delivery notices, never counted again', async () => {
  const people = ['ann@counts.test', 'bob@counts.test', 'cleo@counts.test', 'dan@counts.test'];
  const sent = await sendCampaignTo(strapi(), sink(), 'Counts', people);
  const campaignId = sent[people[0]].campaignId;
  const documentId = await documentIdOf(campaignId);
  // A message whose fate its worker never learnt (it died while sending).
  await knex()('campaigns_deliveries').where({ id: sent['dan@counts.test'].id }).update({ state: 'unknown' });

  expect(await kept(campaignId)).toEqual({});
  expect(await report(documentId)).toMatchObject({ audience: { targeted: 4, unknown: 1 }, sent: 3, failed: 0 });
  expect(await kept(campaignId)).toEqual({ counted: 1, sent: 3, unknown: 1 });

  // The report reads the counters now: a row changed behind the plugin's back does not show.
  await knex()('campaigns_deliveries').where({ id: sent['cleo@counts.test'].id }).update({ state: 'cancelled' });
  expect(await report(documentId)).toMatchObject({ audience: { targeted: 4, cancelled: 0, unknown: 1 }, sent: 3 });
  const list = await api().get('/campaigns/campaigns').query({ search: 'Counts' }).set(auth());
  expect(list.body.data.find((c: { documentId: string }) => c.documentId === documentId)).toMatchObject({ sentTo: 3 });
  await knex()('campaigns_deliveries').where({ id: sent['cleo@counts.test'].id }).update({ state: 'sent' });

  const pipeline = rootOf(strapi()).running.inbound;
  const notices = [bounce(sent['ann@counts.test'], 1), deliveredNotice(sent['dan@counts.test'])];
  await pipeline.apply(notices);
  // The same notices again move nothing.
  await pipeline.apply(notices);
  expect(await counted(campaignId)).toEqual({ sent: 3, failed: 1 });
  expect(await kept(campaignId)).toEqual({ counted: 1, sent: 3, failed: 1, unknown: 0 });
  expect(await report(documentId)).toMatchObject({ audience: { targeted: 4, unknown: 0 }, sent: 4, failed: 1, deliveredReported: 1 });

  // The rebuild counts kept states again from the deliveries.
  await knex()('campaigns_rollups').where({ campaign_id: campaignId }).where('metric', 'like', 'state:%').update({ value: 7 });
  await service('analytics').rebuild({ campaign: documentId });
  expect(await kept(campaignId)).toEqual({ counted: 1, sent: 3, failed: 1 });
});

test('a campaign with a delivery still queued is counted on each read, and nothing is kept', async () => {
  const people = ['eve@counts.test', 'fay@counts.test'];
  const sent = await sendCampaignTo(strapi(), sink(), 'Counts queued', people);
  const campaignId = sent[people[0]].campaignId;
  await knex()('campaigns_deliveries').where({ id: sent['fay@counts.test'].id }).update({ state: 'queued' });
  const documentId = await documentIdOf(campaignId);
  expect(await report(documentId)).toMatchObject({ audience: { targeted: 2, queued: 1 }, sent: 1 });
  expect(await kept(campaignId)).toMatchObject({ counted: 0 });
  await knex()('campaigns_deliveries').where({ id: sent['fay@counts.test'].id }).update({ state: 'sent' });
  expect(await report(documentId)).toMatchObject({ audience: { targeted: 2, queued: 0 }, sent: 2 });
});

test('bounces applied while reports count the deliveries are each counted once', async () => {
  const people = Array.from({ length: 16 }, (_, i) => `reader${i}@race.counts.test`);
  const sent = await sendCampaignTo(strapi(), sink(), 'Counts race', people);
  const campaignId = sent[people[0]].campaignId;
  const documentId = await documentIdOf(campaignId);
  const pipeline = rootOf(strapi()).running.inbound;
  // Each round forgets the counters, so its reports count the deliveries again while a bounce moves one.
  for (const [i, email] of people.entries()) {
    await knex()('campaigns_rollups').where({ campaign_id: campaignId }).where('metric', 'like', 'state:%').delete();
    await Promise.all([report(documentId), pipeline.apply([bounce(sent[email], 100 + i)]), report(documentId), report(documentId)]);
    expect(await kept(campaignId)).toMatchObject(await counted(campaignId));
  }
  expect(await counted(campaignId)).toEqual({ failed: 16 });
});
