import { rootOf } from '../../../server/src/composition/accessor';
import { recordDecision } from '../../../server/src/features/experiments/experiment-store';
import type { Decision } from '../../../server/src/features/experiments/stats';
import * as experiments from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';
import { inParis } from '../../helpers/scheduling';
import { finished, TEST_PUBLIC_URL, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

const { strapi, api, auth, sink } = useGroupApp();
const knex = () => strapi().db.connection;
const decisions = () => rootOf(strapi()).running.decisions;

const app = () => ({ strapi: strapi(), api: api(), auth: auth(), sink: sink() });
const sendTest = (tag: string, n: number, settings: Record<string, unknown>) => experiments.sendExperiment(app(), tag, n, settings);

const experimentRow = (experimentId: number) => experiments.experimentRow(strapi(), experimentId);
const decisionRows = (experimentId: number) => experiments.decisionRows(strapi(), experimentId);

/** The wait started with the test group out; the test clock is the due time: set it to now, as if the wait had passed. */
const endWait = async (experimentId: number) => {
  await decisions().run();
  const row = await experimentRow(experimentId);
  expect(Number(row.decide_at) - Number(row.test_sent_at)).toBe(90 * 60_000);
  await knex()('campaigns_experiments')
    .where({ id: experimentId })
    .update({ decide_at: Date.now() - 1 });
};

const messageTo = (email: string) => experiments.messageTo(sink(), email);
const readAndClick = (email: string) => experiments.readAndClick(app(), email);

/** The one-click unsubscribe (RFC 8058) at the message's own List-Unsubscribe URL. */
const oneClickUnsubscribe = async (email: string) => {
  const header = (await messageTo(email)).headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
  const url = header.match(/<(https:[^>]+)>/)![1];
  const res = await api().post(url.slice(TEST_PUBLIC_URL.length)).type('form').send('List-Unsubscribe=One-Click');
  expect(res.status).toBe(200);
};

const subjectsOf = (tag: string) => experiments.subjectsOf(sink(), tag);

test('B gets the most human clicks: after the wait the rule decides B, once, and B goes to the rest, nobody mailed twice', async () => {
  const test = await sendTest('ab-b-wins', 60, {});
  expect(new Set(test.rows.map((r) => r.variant))).toEqual(new Set(['A', 'B', 'C']));
  // Before the wait is over nothing is decided.
  await decisions().run();
  expect(await decisionRows(test.experimentId)).toEqual([]);
  for (const row of test.rows.filter((r) => r.variant === 'B')) await readAndClick(row.email);
  await readAndClick(test.rows.find((r) => r.variant === 'A')!.email);
  await flushTracking(strapi());
  await endWait(test.experimentId);

  // Two runners at once (two workers took the job): one decision, one rest.
  await Promise.all([decisions().run(), decisions().run()]);
  const [decision, ...more] = await decisionRows(test.experimentId);
  expect(more).toEqual([]);
  expect(decision).toMatchObject({ action: 'decide', winner: 'B', by_label: null });
  expect(decision.reason).toMatch(/^B is best with \d+(\.\d)?% probability; expected loss /);
  expect(experiments.figuresOf(decision)).toMatchObject({ outcome: 'winner', winner: 'B', reason: { code: 'probable-best' } });
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'decided', winner: 'B', decide_at: null });

  const done = await waitForProgress(strapi(), test.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 60, sent: 60, failed: 0 });
  const subjects = await subjectsOf('ab-b-wins');
  expect(subjects.size).toBe(60);
  const testGroup = new Map(test.rows.map((r) => [r.email, r.variant]));
  for (const [email, got] of subjects) {
    expect(got).toHaveLength(1);
    if (!testGroup.has(email)) expect(got[0]).toMatch(/^B: ready for autumn, P\d+\?$/);
  }
  // Later runs find nothing more to do.
  await decisions().run();
  expect(await decisionRows(test.experimentId)).toHaveLength(1);
  expect(sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith('@ab-b-wins.test')))).toHaveLength(60);
});

test('equal variants end "no clear winner": with noWinner wait the test waits for an editor, recorded once', async () => {
  const test = await sendTest('ab-equal', 45, {});
  await endWait(test.experimentId);
  await decisions().run();
  await decisions().run();
  const rows = await decisionRows(test.experimentId);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ action: 'wait', winner: null });
  expect(rows[0].reason).toMatch(/no clear winner, waiting for an editor$/);
  expect(experiments.figuresOf<Decision>(rows[0]).outcome).toBe('no-clear-winner');
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'testing', winner: null, decide_at: null });
  expect((await subjectsOf('ab-equal')).size).toBe(test.rows.length);

  // The editor picks C: it goes to the rest.
  const picked = await api()
    .post(`/campaigns/campaigns/${test.documentId}/experiment/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'C', reason: 'Shorter is better' } });
  expect(picked.status).toBe(200);
  expect(picked.body.data).toMatchObject({ state: 'decided', winner: 'C' });
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', sent: 45 });
  const subjects = await subjectsOf('ab-equal');
  expect(subjects.size).toBe(45);
  const testGroup = new Set(test.rows.map((r) => r.email));
  for (const [email, got] of subjects) expect(got).toEqual(testGroup.has(email) ? [expect.any(String)] : ['C: autumn']);
});

test('equal variants with noWinner send-default: the default goes to the rest, the reason says why', async () => {
  const test = await sendTest('ab-default', 45, { noWinner: 'send-default', defaultVariant: 'A' });
  await endWait(test.experimentId);
  await decisions().run();
  const [decision, ...more] = await decisionRows(test.experimentId);
  expect(more).toEqual([]);
  expect(decision).toMatchObject({ action: 'decide', winner: 'A' });
  expect(decision.reason).toMatch(/no clear winner, the default A is sent$/);
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'sent', sent: 45 });
  const testGroup = new Set(test.rows.map((r) => r.email));
  for (const [email, got] of await subjectsOf('ab-default')) {
    expect(got).toHaveLength(1);
    if (!testGroup.has(email)) expect(got[0]).toMatch(/^Autumn news for P\d+$/);
  }
});

test('a campaign cancelled while its test waits: the next run cancels the test, once, and no winner is decided or sent', async () => {
  const test = await sendTest('ab-campaign-cancel', 45, { noWinner: 'send-default', defaultVariant: 'A' });
  // The wait over: without the cancel, the rule would decide the default and send it to the rest.
  await endWait(test.experimentId);
  await api().post(`/campaigns/campaigns/${test.documentId}/cancel`).set(auth()).expect(200);
  await Promise.all([decisions().run(), decisions().run()]);
  await decisions().run();
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'cancelled', winner: null, decide_at: null });
  expect(await decisionRows(test.experimentId)).toEqual([
    expect.objectContaining({ action: 'cancel', winner: null, reason: 'The campaign was cancelled', by_label: null }),
  ]);
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'cancelled', sent: test.rows.length });
  expect(sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith('@ab-campaign-cancel.test')))).toHaveLength(test.rows.length);
});

test('a campaign cancelled after the rule read its test as due: the rule decides nothing, and the next run cancels the test', async () => {
  const test = await sendTest('ab-cancel-race', 45, { noWinner: 'send-default', defaultVariant: 'A' });
  await endWait(test.experimentId);
  const { decide_at: dueAt } = await experimentRow(test.experimentId);
  await api().post(`/campaigns/campaigns/${test.documentId}/cancel`).set(auth()).expect(200);
  // What the runner's decideOne records for a due test it read before the cancel committed.
  for (const [action, winner] of [
    ['decide', 'A'],
    ['wait', null],
    ['conclude', null],
  ] as const) {
    expect(
      await recordDecision(strapi(), {
        experimentId: test.experimentId,
        action,
        winner,
        reason: 'read before the cancel',
        dueAt: Number(dueAt),
      })
    ).toBe(false);
  }
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'testing', winner: null, decided_at: null });
  expect(await decisionRows(test.experimentId)).toEqual([]);
  await decisions().run();
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'cancelled', winner: null });
  expect((await decisionRows(test.experimentId)).map((d) => d.action)).toEqual(['cancel']);
  expect(await waitForProgress(strapi(), test.documentId, finished)).toMatchObject({ state: 'cancelled', sent: test.rows.length });
});

test('a campaign cancelled before it went out: the next run cancels its draft test, once', async () => {
  const { documentId, experimentId } = await experiments.seedExperiment(strapi(), 'ab-draft-cancel', 3);
  await api()
    .post(`/campaigns/campaigns/${documentId}/schedule`)
    .set(auth())
    .send({ data: inParis(60) })
    .expect(200);
  await api().post(`/campaigns/campaigns/${documentId}/cancel`).set(auth()).expect(200);
  expect(await experimentRow(experimentId)).toMatchObject({ state: 'draft' });
  await Promise.all([decisions().run(), decisions().run()]);
  await decisions().run();
  expect(await experimentRow(experimentId)).toMatchObject({ state: 'cancelled', winner: null, test_sent_at: null });
  expect(await decisionRows(experimentId)).toEqual([
    expect.objectContaining({ action: 'cancel', winner: null, reason: 'The campaign was cancelled', by_label: null }),
  ]);
});

test('a guardrail breach blocks the variant with the most clicks: B clicked most but unsubscribed through one-click', async () => {
  const test = await sendTest('ab-guardrail', 60, {});
  for (const row of test.rows.filter((r) => r.variant === 'B')) {
    await readAndClick(row.email);
    await oneClickUnsubscribe(row.email);
  }
  await flushTracking(strapi());
  await endWait(test.experimentId);
  await decisions().run();
  const [decision, ...more] = await decisionRows(test.experimentId);
  expect(more).toEqual([]);
  expect(decision).toMatchObject({ action: 'wait', winner: null });
  expect(decision.reason).toMatch(/^B leads but cannot win: its unsubscribe rate /);
  const figures = experiments.figuresOf<Decision>(decision);
  expect(figures).toMatchObject({ outcome: 'no-clear-winner', winner: null, reason: { code: 'guardrail-breached' } });
  const b = figures.variants.find((v) => v.key === 'B')!;
  expect(b.guardrails.unsubscribe.breached).toBe(true);
  expect(b.successes).toBe(test.rows.filter((r) => r.variant === 'B').length);
  expect(await experimentRow(test.experimentId)).toMatchObject({ state: 'testing', winner: null });
  // Nothing went to the rest.
  expect((await subjectsOf('ab-guardrail')).size).toBe(test.rows.length);
});

test('the maintenance job is scheduled every minute and runs the decisions', async () => {
  const schedulers = await rootOf(strapi()).running.queues.maintenance.getJobSchedulers();
  expect(schedulers).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: 'decide-experiments', name: 'decideExperiments', every: 60_000 })])
  );
});
