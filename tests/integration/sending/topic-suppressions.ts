import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';

/**
 * Topic-scoped suppressions at dispatch (the segment's anti-join) and at send (the re-check),
 * against the real SMTP sink: a campaign of a topic skips the addresses suppressed for that topic,
 * one of another topic or of none still mails them. Expired suppressions stop counting on their own.
 */
const { strapi, service, api, auth, sink } = useGroupApp();

const knex = () => strapi().db.connection;
const campaignId = async (documentId: string) =>
  Number(
    (
      await strapi()
        .db.query('plugin::campaigns.campaign')
        .findOne({ where: { documentId }, select: ['id'] })
    ).id
  );
const deliveriesOf = async (documentId: string) =>
  (await knex()('campaigns_deliveries')
    .where({ campaign_id: await campaignId(documentId) })
    .select('email', 'state')
    .orderBy('email')) as Array<{ email: string; state: string }>;
const sendNow = async (documentId: string) => {
  const res = await api().post(`/campaigns/campaigns/${documentId}/send`).set(auth());
  expect(res.status).toBe(200);
  return waitForProgress(strapi(), documentId, finished);
};
/** The campaign as the editor's page reads it: its live audience count before it is sent. */
const audienceSizeOf = async (documentId: string) => {
  const res = await api().get(`/campaigns/campaigns/${documentId}`).set(auth());
  expect(res.status).toBe(200);
  return res.body.data as { audienceSize: number | null };
};
const PEOPLE = ['news-only@topics.test', 'offers-only@topics.test', 'global@topics.test', 'expired@topics.test', 'clean@topics.test'];
let news: string;
let offers: string;

beforeAll(async () => {
  news = (await service('topics').create({ name: 'Topic scope news' })).documentId;
  offers = (await service('topics').create({ name: 'Topic scope offers' })).documentId;
});

const seed = async (name: string, topic: string | null) => {
  const tag = name.replace(/\s+/g, '-');
  return seedCampaign(
    strapi(),
    name,
    PEOPLE.map((email) => ({ email: email.replace('@', `+${tag}@`) })),
    topic ? { topic } : {}
  );
};
const address = (email: string, name: string) => email.replace('@', `+${name.replace(/\s+/g, '-')}@`);
const suppressAll = async (name: string) => {
  const suppressions = service('suppressions');
  await suppressions.add({ email: address('news-only@topics.test', name), scope: 'topic', topic: news });
  await suppressions.add({ email: address('offers-only@topics.test', name), scope: 'topic', topic: offers });
  await suppressions.add({ email: address('global@topics.test', name) });
  // Expired a second ago: it stops counting without anyone lifting it.
  await suppressions.add({ email: address('expired@topics.test', name), expiresAt: new Date(Date.now() - 1000).toISOString() });
  await suppressions.add({
    email: address('expired@topics.test', name),
    scope: 'topic',
    topic: news,
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
};

const receivedBy = (name: string) =>
  sink()
    .received.flatMap((m) => m.rcptTo)
    .filter((to) => to.includes(`+${name.replace(/\s+/g, '-')}@`))
    .sort();

test('a campaign of a topic skips, at dispatch, the addresses suppressed for that topic and globally, and mails the rest', async () => {
  const name = 'News issue';
  const campaign = await seed(name, news);
  await suppressAll(name);
  // What the editor is shown before sending is what the send targets.
  expect((await audienceSizeOf(campaign.documentId)).audienceSize).toBe(3);
  const progress = await sendNow(campaign.documentId);
  expect(progress).toMatchObject({ state: 'sent', targeted: 3, sent: 3, suppressed: 0 });
  const expected = [
    address('clean@topics.test', name),
    address('expired@topics.test', name),
    address('offers-only@topics.test', name),
  ].sort();
  // Left out at dispatch: no delivery row at all for the blocked addresses.
  expect((await deliveriesOf(campaign.documentId)).map((d) => d.email)).toEqual(expected);
  expect(receivedBy(name)).toEqual(expected);
});

test('a campaign of another topic, or of none, still mails the addresses suppressed for a topic', async () => {
  const other = 'Offers issue';
  const offersCampaign = await seed(other, offers);
  await suppressAll(other);
  expect((await audienceSizeOf(offersCampaign.documentId)).audienceSize).toBe(3);
  await sendNow(offersCampaign.documentId);
  expect(receivedBy(other)).toEqual(
    [address('clean@topics.test', other), address('expired@topics.test', other), address('news-only@topics.test', other)].sort()
  );

  const plain = 'No topic issue';
  const plainCampaign = await seed(plain, null);
  await suppressAll(plain);
  expect((await audienceSizeOf(plainCampaign.documentId)).audienceSize).toBe(4);
  await sendNow(plainCampaign.documentId);
  expect(receivedBy(plain)).toEqual(
    [
      address('clean@topics.test', plain),
      address('expired@topics.test', plain),
      address('news-only@topics.test', plain),
      address('offers-only@topics.test', plain),
    ].sort()
  );
});

test('right before sending, the send job re-checks with the campaign topic: a suppression of it added after dispatch stops the message, one of another topic or expired does not', async () => {
  const name = 'Late news';
  const campaign = await seed(name, news);
  // The send jobs wait while the dispatch queues the deliveries; the suppressions land in between.
  const sendQueue = service('queues').queue('send');
  await sendQueue.pause();
  try {
    const res = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
    expect(res.status).toBe(200);
    await waitForProgress(strapi(), campaign.documentId, (p) => !p.dispatching && p.queued === PEOPLE.length);
    await service('suppressions').add({ email: address('news-only@topics.test', name), scope: 'topic', topic: news });
    await service('suppressions').add({ email: address('offers-only@topics.test', name), scope: 'topic', topic: offers });
    await service('suppressions').add({
      email: address('expired@topics.test', name),
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
  } finally {
    await sendQueue.resume();
  }
  const progress = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(progress).toMatchObject({ state: 'sent', targeted: 5, sent: 4, suppressed: 1 });
  const states = await deliveriesOf(campaign.documentId);
  expect(states.filter((d) => d.state === 'suppressed').map((d) => d.email)).toEqual([address('news-only@topics.test', name)]);
  expect(receivedBy(name)).toEqual(
    [
      address('clean@topics.test', name),
      address('expired@topics.test', name),
      address('global@topics.test', name),
      address('offers-only@topics.test', name),
    ].sort()
  );
});
