import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress, waitForSendQueuesIdle } from '../../helpers/sending';

const { strapi, service, api, auth, sink } = useGroupApp();

const people = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${tag}${i}@outlook.com`, firstName: `P${i}` }));
const receivedFor = (tag: string) => sink().received.filter((m) => m.rcptTo[0].startsWith(tag));

test('the per-domain rate holds across jobs: 30 messages at 10/s take about 3 s', async () => {
  const campaign = await seedCampaign(strapi(), 'Rate', people('rate', 30));
  const started = Date.now();
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, finished);
  const times = receivedFor('rate').map((m) => m.receivedAt);
  expect(times).toHaveLength(30);
  // Slots are 100 ms apart from the first reservation, made after sendNow: the 30th cannot arrive
  // before 2.9 s, however late the first ones are. Unlimited, these messages take a fraction of a second.
  expect(Math.max(...times) - started).toBeGreaterThanOrEqual(2900);
});

test('pause stops sending, resume finishes it, nobody gets two messages, and the counters move live', async () => {
  const campaign = await seedCampaign(strapi(), 'Pause', people('pause', 40));
  await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth()).expect(200);
  await waitForProgress(strapi(), campaign.documentId, (p) => p.sent >= 5);
  const paused = await api().post(`/campaigns/campaigns/${campaign.documentId}/pause`).set(auth());
  expect(paused.status).toBe(200);
  expect(paused.body.data.state).toBe('paused');
  // Messages already in flight finish, jobs that start after the pause send nothing: once no job
  // is left to run, what was sent is all that goes out while paused.
  await waitForSendQueuesIdle(strapi());
  const during = await service('sending').progress(campaign.documentId);
  expect(during).toMatchObject({ state: 'paused', targeted: 40, sending: 0 });
  expect(receivedFor('pause')).toHaveLength(during.sent);
  expect(during.queued).toBe(40 - during.sent);
  expect(during.queued).toBeGreaterThan(0);

  const resumed = await api().post(`/campaigns/campaigns/${campaign.documentId}/resume`).set(auth());
  expect(resumed.body.data.state).toBe('sending');
  const done = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 40, sent: 40 });
  const recipients = receivedFor('pause').map((m) => m.rcptTo[0]);
  expect(new Set(recipients).size).toBe(40);
  expect(recipients).toHaveLength(40);
});

test('cancel ends a sending campaign: the rest is cancelled and never sent', async () => {
  const campaign = await seedCampaign(strapi(), 'Cancel', people('cancel', 40));
  await service('sending').sendNow(campaign.documentId);
  await waitForProgress(strapi(), campaign.documentId, (p) => p.sent >= 3);
  const cancelled = await api().post(`/campaigns/campaigns/${campaign.documentId}/cancel`).set(auth());
  expect(cancelled.status).toBe(200);
  const done = await waitForProgress(strapi(), campaign.documentId, (p) => p.sending === 0 && p.finishedAt !== null);
  // Jobs queued before the cancel still run: each must find its deliveries cancelled.
  await waitForSendQueuesIdle(strapi());
  const after = await service('sending').progress(campaign.documentId);
  expect(after.state).toBe('cancelled');
  expect(after.sent).toBe(done.sent);
  expect(after.sent + after.cancelled + after.unknown + after.failed).toBe(40);
  expect(after.cancelled).toBeGreaterThan(0);
  expect(receivedFor('cancel')).toHaveLength(after.sent);
  const again = await api().post(`/campaigns/campaigns/${campaign.documentId}/resume`).set(auth());
  expect(again.status).toBe(400);
  expect(again.body.error.message).toMatch(/is cancelled: only a paused campaign can be resumed/);
  const resend = await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth());
  expect(resend.status).toBe(400);
});
