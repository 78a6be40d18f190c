import { DateTime } from 'luxon';
import { scheduleJobId } from '../../../server/src/features/scheduling/scheduler';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { inParis, schedulingHandles } from '../../helpers/scheduling';
import { waitUntil } from '../../helpers/wait';

// Scheduling at a time: the one job per campaign, its reconcile, grace, document writes, DST, bad input.
const { strapi, service, api, auth, sink } = useGroupApp();
const { running, campaignRow, people, receivedFor, schedule, dueIn } = schedulingHandles({ strapi, api, auth, sink });
const queue = () => running().queues.schedule;
const waitingJobIds = async () => (await queue().getJobs(['delayed', 'waiting', 'prioritized'])).map((job) => job.id).sort();

test('a scheduled campaign has exactly one delayed job, and is sent once when it comes due', async () => {
  const campaign = await seedCampaign(strapi(), 'Scheduled', people('sched', 3));
  // One reading of the clock: two could fall on either side of a minute.
  const when = inParis(10);
  const res = await schedule(campaign.documentId, when);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ state: 'scheduled', schedule: when });
  const row = await campaignRow(campaign.documentId);
  expect(new Date(row.sendAt).getTime()).toBe(Date.parse(res.body.data.sendAt));
  expect(await waitingJobIds()).toContain(scheduleJobId(row.id, row.scheduleVersion));
  const job = await queue().getJob(scheduleJobId(row.id, row.scheduleVersion));
  expect(job!.opts.delay).toBeGreaterThan(8 * 60_000);

  const due = await dueIn(campaign.documentId, 1500);
  expect((await waitingJobIds()).filter((id) => id!.startsWith(`schedule-${due.id}-`))).toEqual([scheduleJobId(due.id, due.version)]);
  const done = await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'sent' && finished(p));
  expect(done).toMatchObject({ targeted: 3, sent: 3 });
  expect(
    receivedFor('sched')
      .map((m) => m.rcptTo[0])
      .sort()
  ).toEqual(people('sched', 3).map((p) => p.email));
  expect((await waitingJobIds()).filter((id) => id!.startsWith(`schedule-${due.id}-`))).toEqual([]);
});

test('rescheduling moves the job, unscheduling and cancelling remove it, and the campaign is never sent', async () => {
  const campaign = await seedCampaign(strapi(), 'Moved', people('moved', 2));
  await schedule(campaign.documentId, inParis(30)).expect(200);
  const first = await campaignRow(campaign.documentId);
  const later = inParis(90);
  const moved = await schedule(campaign.documentId, later);
  expect(moved.status).toBe(200);
  expect(moved.body.data.schedule.time).toBe(later.time);
  const second = await campaignRow(campaign.documentId);
  const mine = async () => (await waitingJobIds()).filter((id) => id!.startsWith(`schedule-${first.id}-`));
  expect(await mine()).toEqual([scheduleJobId(first.id, second.scheduleVersion)]);
  expect(second.scheduleVersion).toBe(first.scheduleVersion + 1);

  const back = await api().post(`/campaigns/campaigns/${campaign.documentId}/unschedule`).set(auth());
  expect(back.status).toBe(200);
  expect(back.body.data).toMatchObject({ state: 'draft', sendAt: null });
  expect(await mine()).toEqual([]);

  await schedule(campaign.documentId, inParis(30)).expect(200);
  expect(await mine()).toHaveLength(1);
  await api().post(`/campaigns/campaigns/${campaign.documentId}/cancel`).set(auth()).expect(200);
  expect(await mine()).toEqual([]);
  expect((await campaignRow(campaign.documentId)).state).toBe('cancelled');
  expect(receivedFor('moved')).toEqual([]);
});

test('jobs lost with Redis come back at the next reconcile, and stale ones go', async () => {
  const campaign = await seedCampaign(strapi(), 'Lost', people('lost', 1));
  await schedule(campaign.documentId, inParis(45)).expect(200);
  const row = await campaignRow(campaign.documentId);
  await queue().obliterate({ force: true });
  expect(await waitingJobIds()).toEqual([]);
  // A job no campaign wants (its campaign unscheduled while Redis was unreachable).
  await queue().add(
    'start',
    { campaignId: row.id, version: row.scheduleVersion - 1 },
    { jobId: scheduleJobId(row.id, row.scheduleVersion - 1), delay: 60_000 }
  );
  await running().scheduler.reconcile();
  expect((await waitingJobIds()).filter((id) => id!.startsWith(`schedule-${row.id}-`))).toEqual([
    scheduleJobId(row.id, row.scheduleVersion),
  ]);
  await api().post(`/campaigns/campaigns/${campaign.documentId}/unschedule`).set(auth()).expect(200);
});

test('a campaign whose time passed beyond the grace period is paused, says why, and resuming sends it', async () => {
  const campaign = await seedCampaign(strapi(), 'Missed', people('missed', 2));
  await schedule(campaign.documentId, inParis(20)).expect(200);
  await dueIn(campaign.documentId, -2 * 3_600_000);
  await waitUntil(async () => (await campaignRow(campaign.documentId)).state === 'paused', 'the missed campaign to be paused');
  const progress = await service('sending').progress(campaign.documentId);
  expect(progress.pauseReason).toMatchObject({
    cause: 'missed-time',
    message: expect.stringMatching(/passed 120 minutes ago .*grace period: 60 minutes/),
  });
  expect(receivedFor('missed')).toEqual([]);

  const resumed = await api().post(`/campaigns/campaigns/${campaign.documentId}/resume`).set(auth());
  expect(resumed.status).toBe(200);
  const done = await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'sent' && finished(p));
  expect(done).toMatchObject({ targeted: 2, sent: 2, pauseReason: null });
  expect(receivedFor('missed')).toHaveLength(2);
});

test('a campaign that cannot be sent when its time comes is paused with the reason, not sent', async () => {
  const campaign = await seedCampaign(strapi(), 'Broken later', people('broken', 1));
  await schedule(campaign.documentId, inParis(20)).expect(200);
  // Written around the API: the send's own check finds what is missing when the job runs.
  const row = await campaignRow(campaign.documentId);
  await strapi()
    .db.query('plugin::campaigns.campaign')
    .update({ where: { id: row.id }, data: { subject: '' } });
  await dueIn(campaign.documentId, 500);
  await waitUntil(async () => (await campaignRow(campaign.documentId)).state === 'paused', 'the campaign to be paused');
  expect((await service('sending').progress(campaign.documentId)).pauseReason).toMatchObject({
    cause: 'not-ready',
    message: expect.stringMatching(/subject: a campaign needs a subject/),
  });
  expect(receivedFor('broken')).toEqual([]);
});

test("writes through Strapi's document service keep the one job: scheduled, moved, taken back, deleted", async () => {
  const documents = () => strapi().documents('plugin::campaigns.campaign');
  const campaign = await seedCampaign(strapi(), 'Documents', people('docs', 2));
  const { id } = await campaignRow(campaign.documentId);
  const jobsOf = async (campaignId: number) => (await waitingJobIds()).filter((jobId) => jobId!.startsWith(`schedule-${campaignId}-`));

  await documents().update({
    documentId: campaign.documentId,
    data: { state: 'scheduled', sendAt: new Date(Date.now() + 3_600_000) } as never,
  });
  const scheduled = await campaignRow(campaign.documentId);
  expect(await jobsOf(id)).toEqual([scheduleJobId(id, scheduled.scheduleVersion)]);
  // A new time without a new version: the write gets one, and the job moves with it. Two hours
  // ahead, so that a slow machine still finds the job waiting; then its time is brought near.
  await documents().update({ documentId: campaign.documentId, data: { sendAt: new Date(Date.now() + 7_200_000) } as never });
  const moved = await campaignRow(campaign.documentId);
  expect(moved.scheduleVersion).toBe(scheduled.scheduleVersion + 1);
  expect(await jobsOf(id)).toEqual([scheduleJobId(id, moved.scheduleVersion)]);
  await dueIn(campaign.documentId, 500);
  await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'sent' && finished(p));
  expect(receivedFor('docs')).toHaveLength(2);

  const other = await seedCampaign(strapi(), 'Documents later', people('docslater', 1));
  const otherId = (await campaignRow(other.documentId)).id;
  await documents().update({
    documentId: other.documentId,
    data: { state: 'scheduled', sendAt: new Date(Date.now() + 3_600_000) } as never,
  });
  expect(await jobsOf(otherId)).toHaveLength(1);
  await documents().update({ documentId: other.documentId, data: { state: 'draft' } as never });
  expect(await jobsOf(otherId)).toEqual([]);
  await documents().update({ documentId: other.documentId, data: { state: 'scheduled' } as never });
  expect(await jobsOf(otherId)).toHaveLength(1);
  await documents().delete({ documentId: other.documentId });
  expect(await jobsOf(otherId)).toEqual([]);
  expect(receivedFor('docslater')).toEqual([]);
});

test('a time on a DST night is sent at the documented instant: the end of a gap, the first of an overlap', async () => {
  const campaign = await seedCampaign(strapi(), 'Clock change', people('dst', 1));
  const cases: Array<[string, string, string, string]> = [
    // Spring forward: 02:30 does not exist that night; the first valid instant is 03:00.
    ['2027-03-28', '02:30', 'Europe/Paris', '2027-03-28T01:00:00.000Z'],
    ['2027-03-14', '02:30', 'America/New_York', '2027-03-14T07:00:00.000Z'],
    // Fall back: the time happens twice; the first occurrence, before the clocks go back.
    ['2027-10-31', '02:30', 'Europe/Paris', '2027-10-31T00:30:00.000Z'],
    ['2027-11-07', '01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
  ];
  for (const [date, time, timezone, expected] of cases) {
    const res = await schedule(campaign.documentId, { mode: 'at', date, time, timezone });
    expect({ date, timezone, status: res.status, sendAt: res.body.data?.sendAt }).toEqual({
      date,
      timezone,
      status: 200,
      sendAt: expected,
    });
  }
  await api().post(`/campaigns/campaigns/${campaign.documentId}/unschedule`).set(auth()).expect(200);
});

test('bad schedules are refused with what to fix, and change nothing', async () => {
  const campaign = await seedCampaign(strapi(), 'Refused', people('refused', 1));
  const empty = await seedCampaign(strapi(), 'Nobody', []);
  const noSegment = await service('campaigns').create({
    name: 'No segment',
    subject: 'Hi',
    fromEmail: 'news@example.com',
    content: '<mjml><mj-body></mj-body></mjml>',
  });
  const past = DateTime.now().setZone('America/New_York').minus({ minutes: 5 });
  const cases: Array<[string, unknown, RegExp]> = [
    [
      campaign.documentId,
      { ...inParis(10), date: past.toFormat('yyyy-MM-dd'), time: past.toFormat('HH:mm'), timezone: 'America/New_York' },
      /time: .* in America\/New_York has passed \(it is .* there\): choose a later time/,
    ],
    [campaign.documentId, { ...inParis(10), timezone: 'Europe/Atlantis' }, /timezone: must be an IANA time zone/],
    [campaign.documentId, { ...inParis(10), time: '25:00' }, /time: must be a time as HH:mm/],
    [
      campaign.documentId,
      { ...inParis(10), date: DateTime.now().toFormat('yyyy-MM-dd'), time: '00:00', mode: 'recipient-local' },
      /date: .* has already passed in some of the audience's time zones \(the first wave was due at .*\): choose a later date/,
    ],
    [campaign.documentId, { ...inParis(10), spreadHours: 0.5 }, /spreadHours: must be whole hours/],
    [campaign.documentId, { ...inParis(10), spreadHours: 169 }, /spreadHours: at most 168 hours/],
    [
      campaign.documentId,
      { ...inParis(10), window: { days: [1], start: '17:00', end: '09:00', zone: 'campaign' } },
      /window\.start: must be before end/,
    ],
    [
      campaign.documentId,
      { ...inParis(10), window: { days: [], start: '09:00', end: '17:00', zone: 'campaign' } },
      /window\.days: needs at least one day/,
    ],
    [
      campaign.documentId,
      { ...inParis(10), window: { days: [8], start: '09:00', end: '17:00', zone: 'campaign' } },
      /days are 1 \(Monday\) to 7/,
    ],
    [campaign.documentId, undefined, /Invalid schedule: mode: .*date: .*time: .*timezone: /],
    [empty.documentId, inParis(10), /segment: the segment selects nobody who can be mailed now/],
    [noSegment.documentId, inParis(10), /segment: choose the segment to send to/],
  ];
  for (const [documentId, data, message] of cases) {
    const res = await schedule(documentId, data);
    expect({ data, status: res.status, message: res.body.error?.message }).toEqual({
      data,
      status: 400,
      message: expect.stringMatching(message),
    });
  }
  expect((await campaignRow(campaign.documentId)).state).toBe('draft');
  expect((await schedule('nosuchcampaign0000000000', inParis(10))).status).toBe(404);
  const unscheduleDraft = await api().post(`/campaigns/campaigns/${campaign.documentId}/unschedule`).set(auth());
  expect(unscheduleDraft.status).toBe(400);
  expect(unscheduleDraft.body.error.message).toBe('Campaign "Refused" is draft: only a scheduled campaign can be unscheduled');

  await service('sending').sendNow(campaign.documentId);
  const whileSending = await schedule(campaign.documentId, inParis(10));
  expect(whileSending.status).toBe(400);
  expect(whileSending.body.error.message).toMatch(/Campaign "Refused" is (sending|sent): only a draft campaign can be scheduled/);
  await waitForProgress(strapi(), campaign.documentId, finished);
});
