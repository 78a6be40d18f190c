import { DateTime } from 'luxon';
import { rootOf } from '../../../server/src/composition/accessor';
import { scheduleJobId } from '../../../server/src/features/scheduling/scheduler';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { waitUntil } from '../../helpers/wait';

const { strapi, service, api, auth, sink } = useGroupApp();
const MINUTE = 60_000;

const people = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${tag}${i}@schedule.test`, firstName: `P${i}` }));
const receivedFor = (tag: string) => sink().received.filter((m) => m.rcptTo[0].startsWith(tag));
const running = () => rootOf(strapi()).running;
const queue = () => running().queues.schedule;
const waitingJobIds = async () => (await queue().getJobs(['delayed', 'waiting', 'prioritized'])).map((job) => job.id).sort();
const campaignRow = (documentId: string) =>
  strapi()
    .db.query('plugin::campaigns.campaign')
    .findOne({ where: { documentId }, select: ['id', 'state', 'scheduleVersion', 'sendAt', 'pauseReason'] });

/** A wall-clock time in Paris this far from now (whole minutes: what the schedule takes). */
const inParis = (minutes: number) => {
  const at = DateTime.now().setZone('Europe/Paris').plus({ minutes }).startOf('minute');
  return { mode: 'at', date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm'), timezone: 'Europe/Paris' };
};
const schedule = (documentId: string, data: unknown) =>
  api().post(`/campaigns/campaigns/${documentId}/schedule`).set(auth()).send({ data });
const preview = (documentId: string, data: unknown) =>
  api().post(`/campaigns/campaigns/${documentId}/schedule/preview`).set(auth()).send({ data });

const knex = () => strapi().db.connection;
const deliveriesOf = async (campaignId: number) =>
  (await knex()('campaigns_deliveries').select('id', 'email', 'state', 'due_at').where({ campaign_id: campaignId }).orderBy('email')).map(
    (d: { id: number; email: string; state: string; due_at: string | number | null }) => ({
      id: Number(d.id),
      email: d.email,
      state: d.state,
      dueAt: d.due_at == null ? null : Number(d.due_at),
    })
  );
const sendJobs = async (campaignId: number) =>
  (await running().queues.send.getJobs(['delayed', 'waiting', 'prioritized'])).filter((job) => job.data.campaignId === campaignId);
/** The instant a wall clock names in a zone, as luxon reads it (DST-free dates here). */
const wall = (date: string, time: string, zone: string) => DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();

/**
 * Makes the given deliveries due now, as if their hours had passed: their instant in the database
 * and their delayed jobs in Redis. Time is what the tests cannot wait for; the engine's own checks
 * (never before the instant) and jobs do the rest.
 */
const letTimePass = async (campaignId: number, ids: number[]) => {
  await knex()('campaigns_deliveries')
    .whereIn('id', ids)
    .update({ due_at: Date.now() - 1 });
  for (const job of await sendJobs(campaignId)) {
    if ((job.data.deliveryIds as number[]).some((id) => ids.includes(id))) await job.changeDelay(0);
  }
};

/**
 * Brings a scheduled campaign's time to `ms` from now, as a new version written straight to the
 * row: the reconcile must replace the job of the old version with one that fires then. A schedule
 * takes whole minutes; the tests wait seconds.
 */
const dueIn = async (documentId: string, ms: number) => {
  const row = await campaignRow(documentId);
  await strapi()
    .db.query('plugin::campaigns.campaign')
    .update({ where: { id: row.id }, data: { sendAt: new Date(Date.now() + ms), scheduleVersion: row.scheduleVersion + 1 } });
  await running().scheduler.reconcile();
  return { id: row.id as number, version: (row.scheduleVersion + 1) as number };
};

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
  // A new time without a new version: the write gets one, and the job moves with it.
  await documents().update({ documentId: campaign.documentId, data: { sendAt: new Date(Date.now() + 1500) } as never });
  const moved = await campaignRow(campaign.documentId);
  expect(moved.scheduleVersion).toBe(scheduled.scheduleVersion + 1);
  expect(await jobsOf(id)).toEqual([scheduleJobId(id, moved.scheduleVersion)]);
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

test('a recipient-local campaign goes in waves by zone: previewed, planned per contact, each wave sent at its time and never before', async () => {
  const zones = [
    { email: 'tokyo0@waves.test', timezone: 'Asia/Tokyo' },
    { email: 'tokyo1@waves.test', timezone: 'Asia/Tokyo' },
    { email: 'newyork0@waves.test', timezone: 'America/New_York' },
    { email: 'nozone0@waves.test' },
    { email: 'badzone0@waves.test' },
  ];
  const campaign = await seedCampaign(strapi(), 'Waves', zones);
  // A zone the input check would refuse, written around it (an older release, a mirrored source): the campaign's serves.
  await knex()(strapi().db.metadata.get('plugin::campaigns.contact').tableName)
    .where({ email: 'badzone0@waves.test' })
    .update({ timezone: 'Mars/Olympus' });
  const date = DateTime.now().plus({ days: 3 }).toFormat('yyyy-MM-dd');
  const local = { mode: 'recipient-local', date, time: '09:00', timezone: 'Europe/Paris' };
  const tokyo = wall(date, '09:00', 'Asia/Tokyo');
  const paris = wall(date, '09:00', 'Europe/Paris');
  const newYork = wall(date, '09:00', 'America/New_York');

  const seen = await preview(campaign.documentId, local);
  expect(seen.status).toBe(200);
  expect(seen.body.data).toEqual({
    sendAt: new Date(tokyo).toISOString(),
    firstAt: new Date(tokyo).toISOString(),
    lastAt: new Date(newYork).toISOString(),
    contacts: 5,
    waves: [
      { at: new Date(tokyo).toISOString(), contacts: 2, zones: 1 },
      { at: new Date(paris).toISOString(), contacts: 2, zones: 1 },
      { at: new Date(newYork).toISOString(), contacts: 1, zones: 1 },
    ],
  });
  const set = await schedule(campaign.documentId, local);
  expect(set.body.data).toMatchObject({ state: 'scheduled', sendAt: new Date(tokyo).toISOString(), schedule: local });

  // The first wave's time comes: the audience freezes, every contact gets the instant of its zone.
  const { id } = await dueIn(campaign.documentId, 500);
  await waitUntil(async () => (await deliveriesOf(id)).length === 5, 'the waves to be planned');
  await waitUntil(async () => (await running().records.find(id))?.state === 'dispatched', 'the dispatch to finish');
  const planned = await deliveriesOf(id);
  expect(planned.map((d) => [d.email, d.state, d.dueAt])).toEqual([
    ['badzone0@waves.test', 'queued', paris],
    ['newyork0@waves.test', 'queued', newYork],
    ['nozone0@waves.test', 'queued', paris],
    ['tokyo0@waves.test', 'queued', tokyo],
    ['tokyo1@waves.test', 'queued', tokyo],
  ]);
  const jobs = await sendJobs(id);
  for (const job of jobs) {
    const due = Math.max(...planned.filter((d) => (job.data.deliveryIds as number[]).includes(d.id)).map((d) => d.dueAt!));
    expect(Math.abs(job.timestamp + job.opts.delay! - due)).toBeLessThan(MINUTE);
  }
  expect(jobs.flatMap((job) => job.data.deliveryIds).sort()).toEqual(planned.map((d) => d.id).sort());
  expect((await campaignRow(campaign.documentId)).state).toBe('sending');

  // A job run before its time (promoted by hand) sends nothing, and waits again.
  const tokyoIds = planned.filter((d) => d.email.startsWith('tokyo')).map((d) => d.id);
  const tokyoJob = jobs.find((job) => (job.data.deliveryIds as number[]).includes(tokyoIds[0]))!;
  await tokyoJob.promote();
  await waitUntil(
    async () =>
      (await sendJobs(id)).some((job) => String(job.id).includes('-due') && (job.data.deliveryIds as number[]).includes(tokyoIds[0])),
    'the early job to wait again'
  );
  expect(receivedFor('tokyo')).toEqual([]);

  // Redis loses every job in the middle of the waves: the sweep restores them, with their delays.
  await running().queues.send.obliterate({ force: true });
  await running().engine.sweep();
  const restored = await sendJobs(id);
  expect(restored.flatMap((job) => job.data.deliveryIds).sort()).toEqual(planned.map((d) => d.id).sort());
  expect(restored.every((job) => job.opts.delay! > 2 * 24 * 60 * MINUTE)).toBe(true);

  await letTimePass(id, tokyoIds);
  await waitUntil(async () => receivedFor('tokyo').length === 2, 'the first wave to go');
  expect(receivedFor('newyork')).toEqual([]);
  expect((await campaignRow(campaign.documentId)).state).toBe('sending');

  await letTimePass(
    id,
    planned.filter((d) => !tokyoIds.includes(d.id)).map((d) => d.id)
  );
  const done = await waitForProgress(strapi(), campaign.documentId, (p) => p.state === 'sent' && finished(p));
  expect(done).toMatchObject({ targeted: 5, sent: 5 });
  expect(
    sink()
      .received.filter((m) => m.rcptTo[0].endsWith('@waves.test'))
      .map((m) => m.rcptTo[0])
      .sort()
  ).toEqual(zones.map((z) => z.email).sort());
});

test('a spread send gives each contact its share of the hours, and a window moves them to its openings', async () => {
  const four = Array.from({ length: 4 }, (_, i) => ({ email: `spread${i}@plans.test`, timezone: 'America/New_York' }));
  const campaign = await seedCampaign(strapi(), 'Spread', four);
  // A Saturday ahead: the weekday window opens on Monday.
  const saturday = DateTime.now().setZone('Europe/Paris').plus({ weeks: 1 }).set({ weekday: 6 }).toFormat('yyyy-MM-dd');
  const monday = DateTime.fromISO(saturday).plus({ days: 2 }).toFormat('yyyy-MM-dd');
  const spread = { mode: 'at', date: saturday, time: '10:00', timezone: 'Europe/Paris', spreadHours: 2 };
  const start = wall(saturday, '10:00', 'Europe/Paris');
  expect((await preview(campaign.documentId, spread)).body.data).toMatchObject({
    firstAt: new Date(start).toISOString(),
    lastAt: new Date(start + 90 * MINUTE).toISOString(),
    waves: [{ at: new Date(start).toISOString(), contacts: 4, zones: 1 }],
  });
  await schedule(campaign.documentId, spread).expect(200);
  const { id } = await dueIn(campaign.documentId, 300);
  await waitUntil(async () => (await running().records.find(id))?.state === 'dispatched', 'the spread to be planned');
  expect((await deliveriesOf(id)).map((d) => d.dueAt)).toEqual([0, 30, 60, 90].map((m) => start + m * MINUTE));
  await api().post(`/campaigns/campaigns/${campaign.documentId}/cancel`).set(auth()).expect(200);

  const windowed = await seedCampaign(strapi(), 'Windowed', [{ email: 'window0@plans.test', timezone: 'America/New_York' }]);
  const theirs = { ...spread, spreadHours: null, window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', zone: 'recipient' } };
  expect((await preview(windowed.documentId, theirs)).body.data.firstAt).toBe(
    new Date(wall(monday, '09:00', 'America/New_York')).toISOString()
  );
  const ours = { ...theirs, window: { ...theirs.window, zone: 'campaign' } };
  expect((await preview(windowed.documentId, ours)).body.data.firstAt).toBe(new Date(wall(monday, '09:00', 'Europe/Paris')).toISOString());
  expect(receivedFor('spread')).toEqual([]);
});

test('the calendar lists the campaigns scheduled in a span and those whose send started in it; a bad span says what to fix', async () => {
  const later = await seedCampaign(strapi(), 'Calendar later', people('callater', 1));
  const inThreeDays = inParis(3 * 24 * 60);
  await schedule(later.documentId, inThreeDays).expect(200);
  const went = await seedCampaign(strapi(), 'Calendar went', people('calwent', 1));
  await service('sending').sendNow(went.documentId);
  await waitForProgress(strapi(), went.documentId, (p) => p.state === 'sent' && finished(p));
  const calendar = (from: number, to: number) =>
    api()
      .get('/campaigns/campaigns/calendar')
      .query({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })
      .set(auth());

  const now = Date.now();
  const week = await calendar(now - 24 * 60 * MINUTE, now + 6 * 24 * 60 * MINUTE);
  expect(week.status).toBe(200);
  const mine = week.body.data.filter((e: { name: string }) => e.name.startsWith('Calendar'));
  const laterRow = await campaignRow(later.documentId);
  expect(mine).toEqual([
    { documentId: went.documentId, name: 'Calendar went', state: 'sent', at: expect.any(String), schedule: null, version: 0 },
    {
      documentId: later.documentId,
      name: 'Calendar later',
      state: 'scheduled',
      at: new Date(laterRow.sendAt).toISOString(),
      schedule: inThreeDays,
      version: laterRow.scheduleVersion,
    },
  ]);
  // A move made from what was read: refused once the schedule changed since, accepted with the version it has.
  const moveFrom = (ifVersion: unknown) =>
    api()
      .post(`/campaigns/campaigns/${later.documentId}/schedule`)
      .set(auth())
      .send({ data: { ...inThreeDays, date: DateTime.fromISO(inThreeDays.date).plus({ days: 1 }).toFormat('yyyy-MM-dd') }, ifVersion });
  const stale = await moveFrom(laterRow.scheduleVersion - 1);
  expect(stale.status).toBe(400);
  expect(stale.body.error.message).toBe('Campaign "Calendar later" was rescheduled since you read it: reload it and try again');
  expect((await moveFrom('3')).body.error.message).toMatch(/ifVersion: must be the whole-number schedule version you read/);
  expect((await campaignRow(later.documentId)).scheduleVersion).toBe(laterRow.scheduleVersion);
  await moveFrom(laterRow.scheduleVersion).expect(200);
  expect(Math.abs(Date.parse(mine[0].at) - now)).toBeLessThan(10 * MINUTE);
  const before = await calendar(now - 10 * 24 * 60 * MINUTE, now - 2 * 24 * 60 * MINUTE);
  expect(before.body.data.filter((e: { name: string }) => e.name.startsWith('Calendar'))).toEqual([]);

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ from: 'yesterday', to: new Date(now).toISOString() }, /from: must be an ISO 8601 instant/],
    [{ from: new Date(now).toISOString(), to: new Date(now - MINUTE).toISOString() }, /to: must be after from/],
    [
      { from: new Date(now).toISOString(), to: new Date(now + 70 * 24 * 60 * MINUTE).toISOString() },
      /to: must be at most 62 days after from/,
    ],
    [{ from: new Date(now).toISOString() }, /to: /],
  ];
  for (const [query, message] of bad) {
    const res = await api().get('/campaigns/campaigns/calendar').query(query).set(auth());
    expect({ query, status: res.status, message: res.body.error?.message }).toEqual({
      query,
      status: 400,
      message: expect.stringMatching(message),
    });
  }
  await api().post(`/campaigns/campaigns/${later.documentId}/unschedule`).set(auth()).expect(200);
});
