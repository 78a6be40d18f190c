import { rootOf } from '../../../server/src/composition/accessor';
import { signToken } from '../../../server/src/features/tracking/tokens';
import { SITE_EVENT_NAMES } from '../../../server/src/site-events/catalogue';
import { inboundNotice, sendCampaignTo } from '../../helpers/inbound';
import { useGroupApp } from '../../helpers/integration-group';
import { TEST_SIGNING_SECRET } from '../../helpers/sending';

/**
 * Every `campaigns.*` event, heard on Strapi's event hub as a site's code hears it, made by the
 * change it reports through the app's own paths: the admin API, the services, the public
 * unsubscribe, the inbound pipeline and the campaign lifecycle.
 */
const { strapi, api, auth, service, sink } = useGroupApp();

const heard: Array<{ name: string; payload: Record<string, unknown> }> = [];
beforeAll(() => {
  for (const name of SITE_EVENT_NAMES) {
    strapi().eventHub.on(name, async (payload: Record<string, unknown>) => {
      heard.push({ name, payload });
    });
  }
});
beforeEach(() => {
  heard.length = 0;
});

/** What was heard once every announcement went out (they go out after the change, never inside it). */
const settledHearing = async () => {
  await rootOf(strapi()).announce.settled();
  const all = [...heard];
  heard.length = 0;
  return all;
};
const idOf = async (uid: 'contact' | 'campaign', documentId: string) =>
  Number(
    (
      await strapi()
        .db.query(`plugin::campaigns.${uid}`)
        .findOne({ where: { documentId }, select: ['id'] })
    ).id
  );

test('a contact created through the admin or a service call is one subscribe, with its topics', async () => {
  const topic = await service('topics').create({ name: 'Roastery news' });
  const created = await api()
    .post('/campaigns/contacts')
    .set(auth())
    .send({ data: { email: 'sub@events.test', topics: [topic.documentId] } });
  expect(created.status).toBe(201);
  const byApi = await service('contacts').create({ email: 'api@events.test' });

  expect(await settledHearing()).toEqual([
    {
      name: 'campaigns.subscribe',
      payload: {
        contactId: await idOf('contact', created.body.data.documentId),
        contactDocumentId: created.body.data.documentId,
        origin: 'admin',
        topics: ['roastery-news'],
      },
    },
    {
      name: 'campaigns.subscribe',
      payload: { contactId: await idOf('contact', byApi.documentId), contactDocumentId: byApi.documentId, origin: 'api', topics: [] },
    },
  ]);
  // A refused create announces nothing.
  const clash = await api()
    .post('/campaigns/contacts')
    .set(auth())
    .send({ data: { email: 'sub@events.test' } });
  expect(clash.status).toBe(400);
  expect(await settledHearing()).toEqual([]);
});

test('topic changes from the contact form and the bulk actions: one event per contact that changed, with the slugs', async () => {
  const a = await service('topics').create({ name: 'Events A' });
  const b = await service('topics').create({ name: 'Events B' });
  const ann = await service('contacts').create({ email: 'ann@topics.test', topics: [a.documentId] });
  const ben = await service('contacts').create({ email: 'ben@topics.test' });
  await settledHearing();

  const edited = await api()
    .put(`/campaigns/contacts/${ann.documentId}`)
    .set(auth())
    .send({ data: { topics: [b.documentId] } });
  expect(edited.status).toBe(200);
  const annId = await idOf('contact', ann.documentId);
  const benId = await idOf('contact', ben.documentId);
  expect(await settledHearing()).toEqual([
    {
      name: 'campaigns.topics.change',
      payload: { contactId: annId, contactDocumentId: ann.documentId, origin: 'admin', joined: ['events-b'], left: ['events-a'] },
    },
  ]);
  // A save that leaves the topics as they were is no change.
  await api()
    .put(`/campaigns/contacts/${ann.documentId}`)
    .set(auth())
    .send({ data: { firstName: 'Ann', topics: [b.documentId] } })
    .expect(200);
  expect(await settledHearing()).toEqual([]);

  const bulk = (data: unknown) => api().post('/campaigns/contacts/bulk').set(auth()).send({ data });
  const added = await bulk({ action: 'addTopics', documentIds: [ann.documentId, ben.documentId], topics: [a.documentId, b.documentId] });
  expect(added.body.data).toMatchObject({ changed: 2 });
  const joined = await settledHearing();
  expect(joined.map((e) => e.payload).sort((x, y) => Number(x.contactId) - Number(y.contactId))).toEqual(
    [
      { contactId: annId, contactDocumentId: ann.documentId, origin: 'admin', joined: ['events-a'], left: [] },
      { contactId: benId, contactDocumentId: ben.documentId, origin: 'admin', joined: ['events-a', 'events-b'], left: [] },
    ].sort((x, y) => x.contactId - y.contactId)
  );
  expect(joined.every((e) => e.name === 'campaigns.topics.change')).toBe(true);

  await bulk({ action: 'removeTopics', documentIds: [ben.documentId], topics: [b.documentId] }).expect(200);
  expect(await settledHearing()).toEqual([
    {
      name: 'campaigns.topics.change',
      payload: { contactId: benId, contactDocumentId: ben.documentId, origin: 'admin', joined: [], left: ['events-b'] },
    },
  ]);
  // Nothing to remove: nothing heard. An unknown topic refuses the whole action, and nothing is heard either.
  await bulk({ action: 'removeTopics', documentIds: [ben.documentId], topics: [b.documentId] }).expect(200);
  expect((await bulk({ action: 'addTopics', documentIds: [ben.documentId], topics: ['nosuchtopic000000000000'] })).status).toBe(400);
  expect(await settledHearing()).toEqual([]);
});

test('unsubscribe, resubscribe and marked states: one event per contact whose state changed, none for a repeat', async () => {
  const cal = await service('contacts').create({ email: 'cal@state.test' });
  const dee = await service('contacts').create({ email: 'dee@state.test' });
  const calId = await idOf('contact', cal.documentId);
  const deeId = await idOf('contact', dee.documentId);
  await settledHearing();

  const setState = (documentId: string, data: unknown) => api().post(`/campaigns/contacts/${documentId}/state`).set(auth()).send({ data });
  await setState(cal.documentId, { state: 'unsubscribed' }).expect(200);
  await setState(cal.documentId, { state: 'unsubscribed' }).expect(200);
  expect(await settledHearing()).toEqual([
    {
      name: 'campaigns.unsubscribe',
      payload: { contactId: calId, contactDocumentId: cal.documentId, origin: 'admin', campaignId: null, deliveryId: null },
    },
  ]);

  // The bulk unsubscribe moves only who was subscribed: Dee, not Cal again.
  const bulk = await api()
    .post('/campaigns/contacts/bulk')
    .set(auth())
    .send({ data: { action: 'unsubscribe', documentIds: [cal.documentId, dee.documentId] } });
  expect(bulk.body.data).toMatchObject({ changed: 1 });
  expect(await settledHearing()).toEqual([
    {
      name: 'campaigns.unsubscribe',
      payload: { contactId: deeId, contactDocumentId: dee.documentId, origin: 'admin', campaignId: null, deliveryId: null },
    },
  ]);

  const consent = { source: 'Phone call', text: 'Yes please' };
  await setState(cal.documentId, { state: 'subscribed', consent }).expect(200);
  expect(await settledHearing()).toEqual([
    { name: 'campaigns.resubscribe', payload: { contactId: calId, contactDocumentId: cal.documentId, origin: 'admin' } },
  ]);

  // A service call may mark a contact bounced or complained; an unsubscribe after that changes nothing.
  await service('contacts').setState(dee.documentId, 'bounced');
  await service('contacts').setState(cal.documentId, 'complained');
  await service('contacts').setState(dee.documentId, 'unsubscribed');
  const marked = await settledHearing();
  expect(marked).toEqual([
    {
      name: 'campaigns.bounce',
      payload: {
        contactId: deeId,
        contactDocumentId: dee.documentId,
        origin: 'api',
        campaignId: null,
        deliveryId: null,
        noticeId: null,
        source: null,
        bounceType: null,
        reason: null,
        action: 'marked',
      },
    },
    {
      name: 'campaigns.complaint',
      payload: {
        contactId: calId,
        contactDocumentId: cal.documentId,
        origin: 'api',
        campaignId: null,
        deliveryId: null,
        noticeId: null,
        source: null,
      },
    },
  ]);
});

test("a recipient's one-click unsubscribe: the unsubscribe with its message, and the suppression it wrote, once", async () => {
  const sent = await sendCampaignTo(strapi(), sink(), 'Events one-click', ['eve@click.test']);
  const eve = sent['eve@click.test'];
  await settledHearing();
  const oneClick = () =>
    api()
      .post(`/api/campaigns/t/u/${signToken(TEST_SIGNING_SECRET, 'unsubscribe', [eve.id])}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
  expect((await oneClick()).status).toBeLessThan(300);
  expect((await oneClick()).status).toBeLessThan(300);

  const events = await settledHearing();
  const suppression = await strapi()
    .db.query('plugin::campaigns.suppression')
    .findOne({ where: { email: 'eve@click.test' } });
  expect(events).toEqual([
    {
      name: 'campaigns.suppression.create',
      payload: {
        suppressionDocumentId: suppression.documentId,
        reason: 'unsubscribe',
        scope: 'global',
        topic: null,
        expiresAt: null,
        origin: 'recipient',
      },
    },
    {
      name: 'campaigns.unsubscribe',
      payload: {
        contactId: eve.contactId,
        contactDocumentId: expect.any(String),
        origin: 'recipient',
        campaignId: eve.campaignId,
        deliveryId: eve.id,
      },
    },
  ]);
});

test('a hard bounce and a complaint from the inbound pipeline: their events and the suppressions, once', async () => {
  const sent = await sendCampaignTo(strapi(), sink(), 'Events inbound', ['fay@inbound.test', 'gil@inbound.test']);
  await settledHearing();
  const [fay, gil] = [sent['fay@inbound.test'], sent['gil@inbound.test']];
  const notices = [
    inboundNotice({
      reference: '<dsn@events.test>',
      kind: 'bounce',
      recipients: [{ email: fay.email, bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 unknown' }],
      match: { messageIds: [fay.messageId] },
    }),
    inboundNotice({ reference: '<arf@events.test>', kind: 'complaint', feedbackType: 'abuse', match: { messageIds: [gil.messageId] } }),
  ];
  const [bounce, complaint] = await rootOf(strapi()).running.inbound.apply(notices);
  await rootOf(strapi()).running.inbound.apply(notices);

  const events = await settledHearing();
  const suppressionOf = async (email: string) =>
    (await strapi().db.query('plugin::campaigns.suppression').findOne({ where: { email } })).documentId;
  const about = (d: typeof fay) => ({
    contactId: d.contactId,
    campaignId: d.campaignId,
    deliveryId: d.id,
    source: 'mailbox',
    origin: 'inbound',
  });
  const byName = (name: string) => events.filter((e) => e.name === name).map((e) => e.payload);
  expect(byName('campaigns.bounce')).toEqual([
    { ...about(fay), noticeId: bounce.id, bounceType: 'hard', reason: 'userunknown', action: 'suppressed' },
  ]);
  expect(byName('campaigns.complaint')).toEqual([{ ...about(gil), noticeId: complaint.id }]);
  expect(byName('campaigns.suppression.create')).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ suppressionDocumentId: await suppressionOf(fay.email), reason: 'hard-bounce', origin: 'inbound' }),
      expect.objectContaining({ suppressionDocumentId: await suppressionOf(gil.email), reason: 'complaint', origin: 'inbound' }),
    ])
  );
  expect(events).toHaveLength(4);
});

describe('campaign events come from the lifecycle moves', () => {
  test('a send that goes out: sending, then sent with its counts', async () => {
    const sent = await sendCampaignTo(strapi(), sink(), 'Events sent', ['hal@sent.test', 'ida@sent.test']);
    const { campaignId } = sent['hal@sent.test'];
    const documentId = (
      await strapi()
        .db.query('plugin::campaigns.campaign')
        .findOne({ where: { id: campaignId } })
    ).documentId;
    const events = (await settledHearing()).filter((e) => e.name.startsWith('campaigns.campaign.'));
    expect(events).toEqual([
      { name: 'campaigns.campaign.sending', payload: { campaignId, documentId } },
      { name: 'campaigns.campaign.sent', payload: { campaignId, documentId, counts: expect.objectContaining({ sent: 2, failed: 0 }) } },
    ]);
  });

  test('a send where every delivery failed ends failed, and says so', async () => {
    sink().behave('nobody@failed.test', () => ({ rcpt: 550, message: '5.1.1 <nobody@failed.test>: User unknown' }));
    const sent = await sendCampaignTo(strapi(), sink(), 'Events failed', ['nobody@failed.test']);
    const { campaignId } = sent['nobody@failed.test'];
    const row = await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { id: campaignId } });
    expect(row.state).toBe('failed');
    const events = (await settledHearing()).filter((e) => e.name.startsWith('campaigns.campaign.'));
    expect(events).toEqual([
      { name: 'campaigns.campaign.sending', payload: { campaignId, documentId: row.documentId } },
      {
        name: 'campaigns.campaign.failed',
        payload: {
          campaignId,
          documentId: row.documentId,
          reason: 'every delivery failed',
          counts: expect.objectContaining({ sent: 0, failed: 1 }),
        },
      },
    ]);
  });

  test("pause, the system's halt with its reason, resume and cancel, in the order they were made; a refused move is heard as nothing", async () => {
    const campaign = await service('campaigns').create({ name: 'Events moves' });
    const campaignId = await idOf('campaign', campaign.documentId);
    // As a send that is going out leaves it, without the send: the moves are the subject here.
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .update({ where: { id: campaignId }, data: { state: 'sending' } });
    const { lifecycle } = rootOf(strapi()).running;
    const about = { campaignId, documentId: campaign.documentId };
    const reason = { cause: 'template-error' as const, message: 'the template broke', at: new Date().toISOString() };

    expect(await lifecycle.take(campaignId, 'pause')).toBe(true);
    expect(await lifecycle.take(campaignId, 'pause')).toBe(false);
    expect(await lifecycle.take(campaignId, 'resume')).toBe(true);
    expect(await lifecycle.halt(campaignId, reason)).toBe(true);
    // An editor's resume clears the halt's reason at once: its event still carries it.
    await lifecycle.resume({ id: campaignId, name: 'Events moves', state: 'paused' });
    expect(await lifecycle.take(campaignId, 'cancel')).toBe(true);
    expect(await settledHearing()).toEqual([
      { name: 'campaigns.campaign.paused', payload: { ...about, reason: null } },
      { name: 'campaigns.campaign.resumed', payload: about },
      { name: 'campaigns.campaign.paused', payload: { ...about, reason } },
      { name: 'campaigns.campaign.resumed', payload: about },
      { name: 'campaigns.campaign.cancelled', payload: about },
    ]);
  });
});
