import { rootOf } from '../../../server/src/composition/accessor';
import type { ReallocationFigures } from '../../../server/src/features/experiments/bandit-plan';
import { assignWave } from '../../../server/src/features/experiments/stats';
import { storeNextWave } from '../../../server/src/features/experiments/wave-store';
import { getService } from '../../../server/src/services/get-service';
import type { SendProgress } from '../../../shared/contracts/sending';
import * as experiments from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, TEST_SIGNING_SECRET, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

const { strapi, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;
const decisions = () => rootOf(strapi()).running.decisions;
const app = () => ({ strapi: strapi(), api: api(), auth: auth(), sink: sink() });

const WAVES = 3;
const BANDIT = { design: 'bandit', waves: WAVES, waveMinutes: 1, testShare: 100, minSamplePerVariant: 3 };

/** Each variant's subject as AB_VARIANTS makes it. */
const SUBJECTS: Record<string, RegExp> = { A: /^Autumn news for [PL]\d+$/, B: /^B: ready for autumn, [PL]\d+\?$/, C: /^C: autumn$/ };

const waveRows = async (experimentId: number) =>
  (
    (await knex()('campaigns_experiment_waves').where({ experiment_id: experimentId }).orderBy('wave')) as Array<Record<string, unknown>>
  ).map((row) => ({ wave: Number(row.wave), shares: JSON.parse(String(row.shares)) as Record<string, number>, sentAt: row.sent_at }));

const deliveries = async (campaignId: number): Promise<Array<{ contact_id: number; email: string; variant: string }>> =>
  knex()('campaigns_deliveries').select('contact_id', 'email', 'variant').where({ campaign_id: campaignId }).orderBy('contact_id');

/** The audience's contacts by the wave their hash gives them. */
const audienceWaves = async (tag: string, experimentDocumentId: string) => {
  const contacts = (await knex()(strapi().db.metadata.get('plugin::campaigns.contact').tableName)
    .select('id', 'email')
    .where('email', 'like', `%@${tag}.test`)) as Array<{ id: number; email: string }>;
  return new Map(
    contacts.map((c) => [
      c.email,
      assignWave({ secret: TEST_SIGNING_SECRET, experimentId: experimentDocumentId, contactId: Number(c.id), waves: WAVES }),
    ])
  );
};

/** The current wave went out: its dispatch done, nothing queued or being sent, `sent` messages in all. */
const waveOut = (sent: number) => (p: SendProgress) => !p.dispatching && p.queued === 0 && p.sending === 0 && p.sent === sent;

/** The runner marks the wave sent; the test clock then puts its pause behind it, as if `waveMinutes` had passed. */
const endPause = async (experimentId: number, wave: number) => {
  await decisions().run();
  const [row] = await knex()('campaigns_experiment_waves').where({ experiment_id: experimentId, wave });
  expect(row.sent_at).not.toBeNull();
  await knex()('campaigns_experiment_waves')
    .where({ experiment_id: experimentId, wave })
    .update({ sent_at: Number(row.sent_at) - 60_000 });
};

const clickVariant = async (campaignId: number, variant: string) => {
  // Read an hour later: a click right after sending counts as a machine's.
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });
  for (const row of (await deliveries(campaignId)).filter((r) => r.variant === variant)) await experiments.readAndClick(app(), row.email);
  await flushTracking(strapi());
};

const experimentDocumentIdOf = async (experimentId: number) =>
  String((await experiments.experimentRow(strapi(), experimentId)).document_id);

test('a 3-variant bandit in 3 waves: wave 1 even, B clicked most gets the most of the next waves, each wave mailed once, then the rule decides B', async () => {
  const tag = 'bandit-b';
  const test = await experiments.sendExperiment(app(), tag, 90, BANDIT);
  const byWave = await audienceWaves(tag, await experimentDocumentIdOf(test.experimentId));
  const inWaves = (last: number) => [...byWave.values()].filter((w) => w <= last).length;

  // Wave 1: evenly split, only its own contacts mailed, the campaign still sending.
  expect(await waveRows(test.experimentId)).toEqual([{ wave: 1, shares: { A: 1 / 3, B: 1 / 3, C: 1 / 3 }, sentAt: null }]);
  expect(test.rows).toHaveLength(inWaves(1));
  for (const row of test.rows) expect(byWave.get(row.email)).toBe(1);
  expect(new Set(test.rows.map((r) => r.variant))).toEqual(new Set(['A', 'B', 'C']));
  expect(test.progress.state).toBe('sending');

  // Three people join the segment after wave 1 went: each goes in its own wave, or with wave 2 when its wave has passed.
  for (const i of [1, 2, 3]) {
    await getService(strapi(), 'contacts').create({ email: `late${i}@${tag}.test`, firstName: `L${i}`, attributes: { batch: tag } });
  }
  const late = await audienceWaves(tag, await experimentDocumentIdOf(test.experimentId));
  const total = late.size;
  await clickVariant(test.id, 'B');
  // Before the pause is over nothing is reallocated.
  await decisions().run();
  expect(await waveRows(test.experimentId)).toHaveLength(1);
  await endPause(test.experimentId, 1);

  // Two runners at once: wave 2 stored and reallocated once.
  await Promise.all([decisions().run(), decisions().run()]);
  const afterWave1 = await waveRows(test.experimentId);
  expect(afterWave1).toHaveLength(2);
  const shares2 = afterWave1[1].shares;
  expect(shares2.B).toBeGreaterThan(Math.max(shares2.A, shares2.C));
  expect(shares2.A + shares2.B + shares2.C).toBeCloseTo(1, 9);
  const [reallocation, ...others] = await experiments.decisionRows(strapi(), test.experimentId);
  expect(others).toEqual([]);
  expect(reallocation).toMatchObject({ action: 'reallocate', winner: null, by_label: null });
  expect(reallocation.reason).toMatch(/^Wave 2: A \d+%, B \d+%, C \d+% of its contacts \(probability of being best: /);
  const figures = experiments.figuresOf<ReallocationFigures>(reallocation);
  expect(figures).toMatchObject({ wave: 2, metric: 'click' });
  expect(figures.variants.find((v) => v.key === 'B')).toMatchObject({ share: shares2.B, successes: expect.any(Number) });

  // Wave 2 goes out: the campaign stays sending for wave 3.
  const lateInWave2 = [1, 2, 3].filter((i) => late.get(`late${i}@${tag}.test`)! <= 2).length;
  const wave2 = await waitForProgress(strapi(), test.documentId, waveOut(inWaves(2) + lateInWave2));
  expect(wave2.state).toBe('sending');
  for (const row of await deliveries(test.id)) expect(late.get(row.email)).toBeLessThanOrEqual(2);
  await clickVariant(test.id, 'B');
  await endPause(test.experimentId, 2);
  await decisions().run();
  const shares3 = (await waveRows(test.experimentId))[2].shares;
  expect(shares3.B).toBeGreaterThan(Math.max(shares3.A, shares3.C));

  // The last wave: everyone mailed once, with their variant's subject, and the campaign completes.
  const done = await waitForProgress(strapi(), test.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: total, sent: total, failed: 0 });
  const variantOf = new Map((await deliveries(test.id)).map((r) => [r.email, r.variant]));
  const subjects = await experiments.subjectsOf(sink(), tag);
  expect(subjects.size).toBe(total);
  for (const [email, got] of subjects) {
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(SUBJECTS[variantOf.get(email)!]);
  }
  // Later waves gave B the most.
  const laterB = [...variantOf].filter(([email, v]) => late.get(email)! > 1 && v === 'B').length;
  expect(laterB / [...late.values()].filter((w) => w > 1).length).toBeGreaterThan(0.5);

  // After the last wave's pause, the rule decides as for an A/B test: B, nothing more to send.
  // B's last-wave readers click too. Without them, when the bandit has starved A or C (5 to 9
  // messages), B's probability of being best stays under the rule's threshold for 3 variants
  // (0.983) in about 1 run in 200 (simulated): the test would see the rule conclude.
  await clickVariant(test.id, 'B');
  await decisions().run();
  const experiment = await experiments.experimentRow(strapi(), test.experimentId);
  expect(Number(experiment.decide_at) - Number(experiment.test_sent_at)).toBe(60_000);
  await knex()('campaigns_experiments')
    .where({ id: test.experimentId })
    .update({ decide_at: Date.now() - 1 });
  await Promise.all([decisions().run(), decisions().run()]);
  const log = await experiments.decisionRows(strapi(), test.experimentId);
  // The whole rows on a failure: the reasons say what the rule saw.
  expect(log).toMatchObject([{ action: 'reallocate' }, { action: 'reallocate' }, { action: 'decide', winner: 'B' }]);
  expect(await experiments.experimentRow(strapi(), test.experimentId)).toMatchObject({ state: 'decided', winner: 'B' });
  await decisions().run();
  expect(sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith(`@${tag}.test`)))).toHaveLength(total);
  // The admin API answers each wave's shares and when it started.
  const read = await api().get(`/campaigns/campaigns/${test.documentId}/experiment`).set(auth()).expect(200);
  expect(read.body.data.waveShares.map((w: { wave: number; shares: unknown; startedAt: string }) => [w.wave, w.shares])).toEqual(
    (await waveRows(test.experimentId)).map((w) => [w.wave, w.shares])
  );
});

test("an editor's pick mid-bandit sends the winner to every remaining wave's contacts, nobody twice", async () => {
  const tag = 'bandit-pick';
  const test = await experiments.sendExperiment(app(), tag, 60, BANDIT);
  const wave1 = new Map(test.rows.map((r) => [r.email, r.variant]));
  const picked = await api()
    .post(`/campaigns/campaigns/${test.documentId}/experiment/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'C', reason: 'Short wins' } });
  expect(picked.status).toBe(200);
  expect(picked.body.data).toMatchObject({ state: 'decided', winner: 'C' });
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', targeted: 60, sent: 60 });
  const subjects = await experiments.subjectsOf(sink(), tag);
  expect(subjects.size).toBe(60);
  for (const [email, got] of subjects) {
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(SUBJECTS[wave1.get(email) ?? 'C']);
  }
  // No wave after a pick.
  await decisions().run();
  expect(await waveRows(test.experimentId)).toHaveLength(1);
  expect((await experiments.decisionRows(strapi(), test.experimentId)).map((d) => d.action)).toEqual(['pickWinner']);
});

test('a cancelled bandit sends no further wave: the campaign completes with what went', async () => {
  const tag = 'bandit-cancel';
  const test = await experiments.sendExperiment(app(), tag, 45, BANDIT);
  await api().post(`/campaigns/campaigns/${test.documentId}/experiment/cancel`).set(auth()).send({}).expect(200);
  await decisions().run();
  await decisions().run();
  expect(await waveRows(test.experimentId)).toEqual([expect.objectContaining({ wave: 1, sentAt: null })]);
  // The sweep finishes a campaign nobody finished: nothing waits for another wave.
  await rootOf(strapi()).running.engine.sweep();
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', targeted: test.rows.length });
  expect((await experiments.subjectsOf(sink(), tag)).size).toBe(test.rows.length);
  expect(test.rows.length).toBeLessThan(45);
});

test('a bandit whose campaign is cancelled between waves is cancelled by the next run, once: no further wave, nothing more sent', async () => {
  const tag = 'bandit-campaign-cancel';
  const test = await experiments.sendExperiment(app(), tag, 45, BANDIT);
  // Wave 1 out and its pause over: the next run would store and start wave 2.
  await endPause(test.experimentId, 1);
  await api().post(`/campaigns/campaigns/${test.documentId}/cancel`).set(auth()).expect(200);
  await Promise.all([decisions().run(), decisions().run()]);
  await decisions().run();
  expect(await experiments.experimentRow(strapi(), test.experimentId)).toMatchObject({ state: 'cancelled', winner: null, decide_at: null });
  const log = await experiments.decisionRows(strapi(), test.experimentId);
  expect(log).toEqual([expect.objectContaining({ action: 'cancel', winner: null, reason: 'The campaign was cancelled', by_label: null })]);
  expect(await waveRows(test.experimentId)).toHaveLength(1);
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'cancelled', sent: test.rows.length });
  expect(sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith(`@${tag}.test`)))).toHaveLength(test.rows.length);
});

test('a bandit with waves out of bounds is a 400 naming the field, and nothing stored', async () => {
  const { documentId, experimentId } = await experiments.seedExperiment(strapi(), 'bandit-bad', 3);
  const res = await api()
    .put(`/campaigns/campaigns/${documentId}/experiment`)
    .set(auth())
    .send({ data: { variants: experiments.AB_VARIANTS, design: 'bandit', waves: 51 } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/waves/);
  expect(await experiments.experimentRow(strapi(), experimentId)).toMatchObject({ design: 'ab', waves: 5 });
});

test('a wave stored whose dispatch never started (the process died between the two) goes out at the next run, once', async () => {
  const tag = 'bandit-resume';
  const test = await experiments.sendExperiment(app(), tag, 45, { ...BANDIT, waves: 2 });
  await endPause(test.experimentId, 1);
  // What a runner killed after storing wave 2 leaves: its shares and decision, no dispatch.
  const shares = { A: 0.1, B: 0.1, C: 0.8 };
  const figures = { wave: 2, metric: 'click' as const, floor: 0.05, variants: [] };
  expect(
    await storeNextWave(strapi(), { experimentId: test.experimentId, wave: 2, shares, figures, reason: 'killed', at: Date.now() })
  ).toBe(true);
  expect(
    await storeNextWave(strapi(), { experimentId: test.experimentId, wave: 2, shares, figures, reason: 'again', at: Date.now() })
  ).toBe(false);
  expect(Number((await knex()('campaigns_sends').where({ campaign_id: test.id }).first()).wave)).toBe(1);
  await Promise.all([decisions().run(), decisions().run()]);
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', targeted: 45, sent: 45 });
  expect((await waveRows(test.experimentId)).map((w) => w.shares)).toEqual([{ A: 1 / 3, B: 1 / 3, C: 1 / 3 }, shares]);
  expect((await experiments.decisionRows(strapi(), test.experimentId)).map((d) => d.reason)).toEqual(['killed']);
  const subjects = await experiments.subjectsOf(sink(), tag);
  expect(subjects.size).toBe(45);
  for (const got of subjects.values()) expect(got).toHaveLength(1);
});

test('without a clear winner after the last wave the bandit concludes: decided with no winner, nothing more sent', async () => {
  const tag = 'bandit-equal';
  const test = await experiments.sendExperiment(app(), tag, 30, { ...BANDIT, waves: 2 });
  await endPause(test.experimentId, 1);
  await decisions().run();
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', targeted: 30, sent: 30 });
  await decisions().run();
  await knex()('campaigns_experiments')
    .where({ id: test.experimentId })
    .update({ decide_at: Date.now() - 1 });
  await decisions().run();
  const log = await experiments.decisionRows(strapi(), test.experimentId);
  expect(log.map((d) => d.action)).toEqual(['reallocate', 'conclude']);
  expect(log[1]).toMatchObject({ winner: null, by_label: null });
  expect(log[1].reason).toMatch(/no clear winner; every wave has gone out, the test ends without one$/);
  expect(await experiments.experimentRow(strapi(), test.experimentId)).toMatchObject({ state: 'decided', winner: null, decide_at: null });
  const read = await api().get(`/campaigns/campaigns/${test.documentId}/experiment`).set(auth()).expect(200);
  expect(read.body.data).toMatchObject({ state: 'decided', winner: null, editorActions: [] });
  expect((await experiments.subjectsOf(sink(), tag)).size).toBe(30);
});
