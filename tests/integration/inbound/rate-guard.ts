import { rootOf } from '../../../server/src/composition/accessor';
import type { InboundNotice } from '../../../server/src/features/inbound/notice';
import { INBOUND_RATE_GUARD } from '../../helpers/inbound';
import { useGroupApp } from '../../helpers/integration-group';
import { seedCampaign, waitForProgress } from '../../helpers/sending';
import { waitUntil } from '../../helpers/wait';

const { strapi, service, api, auth, sink } = useGroupApp();

const knex = () => strapi().db.connection;
const campaignRowOf = (documentId: string) => strapi().db.query('plugin::campaigns.campaign').findOne({ where: { documentId } });

/** A feedback-loop complaint about one delivered message, found by its Message-ID as an ARF report's would be. */
const complaintAbout = (delivery: { email: string; message_id: string }, reference: string): InboundNotice => ({
  source: 'webhook',
  origin: 'generic',
  reference,
  kind: 'complaint',
  at: Date.now(),
  recipients: [{ email: delivery.email, bounceType: null, reason: 'feedback', status: null, diagnostic: null }],
  feedbackType: 'abuse',
  match: { messageIds: [delivery.message_id] },
  raw: null,
});

/** Until the events queue has handed every recorded event to its reactors. */
const eventsSettled = () =>
  waitUntil(async () => {
    const counts = await service('queues').queue('events').getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((n) => n === 0);
  }, 'the events queue to be empty');

afterEach(() => jest.restoreAllMocks());

test('a sending campaign whose complaint rate passes the limit is paused, with its reason on its page and in the log; a resume clears it', async () => {
  expect(rootOf(strapi()).config.inbound.rateGuard).toMatchObject(INBOUND_RATE_GUARD);
  const warn = jest.spyOn(strapi().log, 'warn');
  const people = Array.from({ length: 9 }, (_, i) => ({ email: `reader${i}@guard.test` }));
  // One recipient's server says "later": the campaign stays sending while it waits to retry (60 s).
  sink().behave('later@guard.test', () => ({ rcpt: 451, message: '4.7.1 Try again later' }));
  const campaign = await seedCampaign(strapi(), 'Guarded', [...people, { email: 'later@guard.test' }]);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, (p) => p.sent === 9 && p.queued === 1);

  const { id } = await campaignRowOf(campaign.documentId);
  const delivered = await knex()('campaigns_deliveries').where({ campaign_id: id, state: 'sent' }).orderBy('id');
  const { inbound } = rootOf(strapi()).running;

  // 1 complaint of 9 sent (11%): within the limit of 20%.
  const [first] = await inbound.apply([complaintAbout(delivered[0], 'guard-1')]);
  expect(first).toMatchObject({ action: 'complained', matchedBy: 'message-id', repeat: false });
  await eventsSettled();
  expect((await service('sending').progress(campaign.documentId)).state).toBe('sending');

  // 2 of 9 (22%): paused.
  await inbound.apply([complaintAbout(delivered[1], 'guard-2')]);
  const paused = await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'paused');
  const reason = {
    cause: 'complaint-rate',
    message: 'complaint rate 22.22% (2 of 9 sent) is above the limit of 20%',
    at: expect.any(String),
    rate: { value: 2 / 9, limit: 0.2, count: 2, sent: 9 },
  };
  expect(paused.pauseReason).toEqual(reason);
  // The guard logs once its halt has committed, so the pause can be seen a moment before the line.
  const logged = `campaigns: campaign ${id} paused by the rate guard: complaint rate 22.22% (2 of 9 sent) is above the limit of 20%`;
  await waitUntil(() => warn.mock.calls.some(([message]) => String(message) === logged), 'the rate guard to log the pause');

  // What the campaign's page reads, through the admin API.
  const page = await api().get(`/campaigns/campaigns/${campaign.documentId}`).set(auth());
  expect(page.status).toBe(200);
  expect(page.body.data).toMatchObject({ state: 'paused', pauseReason: reason });
  const progress = await api().get(`/campaigns/campaigns/${campaign.documentId}/progress`).set(auth());
  expect(progress.body.data).toMatchObject({ state: 'paused', pauseReason: reason });
  const rates = await api().get('/campaigns/inbound/rates').set(auth());
  expect(rates.body.data.campaigns).toEqual([
    expect.objectContaining({
      documentId: campaign.documentId,
      state: 'paused',
      sent: 9,
      complaints: 2,
      complaintRate: 2 / 9,
      complaintStatus: 'danger',
      pauseReason: reason,
    }),
  ]);

  // An editor's resume ends the pause and its reason.
  const resumed = await api().post(`/campaigns/campaigns/${campaign.documentId}/resume`).set(auth());
  expect(resumed.status).toBe(200);
  expect(resumed.body.data).toMatchObject({ state: 'sending', pauseReason: null });
  expect((await campaignRowOf(campaign.documentId)).pauseReason).toBeNull();
  await service('sending').cancel(campaign.documentId);
});

test('the rates are counted from the events: hard bounces and complaints once per delivery, over what reached the mail server, per campaign and over 7 and 30 days', async () => {
  const tallyNow = async () =>
    ((await api().get('/campaigns/inbound/rates').set(auth())).body.data.windows as Array<Record<string, number>>).map((w) => ({
      sent: w.sent,
      hardBounces: w.hardBounces,
      complaints: w.complaints,
    }));
  const before = await tallyNow();
  const people = Array.from({ length: 4 }, (_, i) => ({ email: `count${i}@rates.test` }));
  sink().behave('gone@rates.test', () => ({ rcpt: 550, message: '5.1.1 User unknown' }));
  const campaign = await seedCampaign(strapi(), 'Counted', [...people, { email: 'gone@rates.test' }]);
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'sent');
  const { id } = await campaignRowOf(campaign.documentId);
  const delivered = await knex()('campaigns_deliveries').where({ campaign_id: id, state: 'sent' }).orderBy('id');

  // The same complaint twice (a replay), and a second notice about the same message: one complaint.
  const { inbound } = rootOf(strapi()).running;
  await inbound.apply([complaintAbout(delivered[0], 'count-1'), complaintAbout(delivered[0], 'count-1')]);
  await inbound.apply([complaintAbout(delivered[0], 'count-1-again')]);
  await eventsSettled();

  const res = await api().get('/campaigns/inbound/rates').set(auth());
  expect(res.status).toBe(200);
  const counted = { sent: 5, hardBounces: 1, complaints: 1 };
  const rated = { ...counted, hardBounceRate: 0.2, complaintRate: 0.2, hardBounceStatus: 'danger', complaintStatus: 'danger' };
  expect(res.body.data).toMatchObject({ thresholds: { warning: 0.001, danger: 0.003 }, guard: { enabled: true, ...INBOUND_RATE_GUARD } });
  // Newest first; the windows hold this module's first campaign too.
  expect(res.body.data.campaigns[0]).toMatchObject({
    documentId: campaign.documentId,
    name: 'Counted',
    state: 'sent',
    pauseReason: null,
    ...rated,
  });
  const tallyOf = (window: Record<string, number>) => ({
    sent: window.sent,
    hardBounces: window.hardBounces,
    complaints: window.complaints,
  });
  const plus = (a: typeof counted, b: typeof counted) => ({
    sent: a.sent + b.sent,
    hardBounces: a.hardBounces + b.hardBounces,
    complaints: a.complaints + b.complaints,
  });
  expect(res.body.data.windows.map((w: { days: number }) => w.days)).toEqual([7, 30]);
  expect(res.body.data.windows.map(tallyOf)).toEqual([plus(before[0], counted), plus(before[1], counted)]);

  // A campaign sent 8 days ago is in the 30 days, not in the 7.
  const eightDaysAgo = Date.now() - 8 * 86_400_000;
  await knex()('campaigns_deliveries').where({ campaign_id: id }).update({ sending_at: eightDaysAgo });
  await knex()('campaigns_sends').where({ campaign_id: id }).update({ started_at: eightDaysAgo, finished_at: eightDaysAgo });
  const later = (await api().get('/campaigns/inbound/rates').set(auth())).body.data;
  expect(later.windows.map(tallyOf)).toEqual([before[0], plus(before[1], counted)]);
});
