import { DateTime } from 'luxon';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { inParis, schedulingHandles } from '../../helpers/scheduling';
import { waitUntil } from '../../helpers/wait';

// Sends that do not go out at once (recipient-local waves, spreads, windows), and the calendar.
const { strapi, service, api, auth, sink } = useGroupApp();
const { running, campaignRow, people, receivedFor, schedule, preview, dueIn } = schedulingHandles({ strapi, api, auth, sink });
const MINUTE = 60_000;

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
