import { recordDecision } from '../../../server/src/features/experiments/experiment-store';
import { adminWithActions, bearer } from '../../helpers/admin';
import { decisionRows, experimentApi, figuresOf, VALID_SET_UP } from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';

const EXPERIMENT = 'plugin::campaigns.experiment';
const CAMPAIGN = 'plugin::campaigns.campaign';

const group = useGroupApp();
const { strapi, auth, api } = group;
const { createCampaign, path, put, campaignId, storedExperiments, startTest } = experimentApi(group);

/** An editor's move on the campaign's test, as the super admin unless `headers` name someone else. */
const move = (documentId: string, action: 'pickWinner' | 'cancel', body: object, headers = auth()) =>
  api()
    .post(`${path(documentId)}/${action}`)
    .set(headers)
    .send(body);

test('the set-up is fixed once testing, and a campaign whose send is over takes no new test', async () => {
  const campaign = await createCampaign('Under test');
  const saved = (await put(campaign.documentId, VALID_SET_UP).expect(200)).body.data;
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);

  const edit = await put(campaign.documentId, { ...VALID_SET_UP, testShare: 50 });
  expect(edit.status).toBe(400);
  expect(edit.body.error.message).toBe('The A/B test of campaign "Under test" is testing: only a draft can be changed (cancel it instead)');
  const removal = await api().delete(path(campaign.documentId)).set(auth());
  expect(removal.status).toBe(400);
  expect(removal.body.error.message).toBe(
    'The A/B test of campaign "Under test" is testing: only a draft can be deleted (cancel it instead)'
  );
  expect(await storedExperiments(campaign.documentId)).toEqual([{ ...row, state: 'testing' }]);
  const read = await api().get(path(campaign.documentId)).set(auth()).expect(200);
  expect(read.body.data).toMatchObject({
    documentId: saved.documentId,
    state: 'testing',
    editable: false,
    editorActions: ['pickWinner', 'cancel'],
  });

  const sent = await createCampaign('Sent already');
  await strapi()
    .db.query(CAMPAIGN)
    .update({ where: { documentId: sent.documentId }, data: { state: 'sent' } });
  const late = await put(sent.documentId, VALID_SET_UP);
  expect(late.status).toBe(400);
  expect(late.body.error.message).toBe('Campaign "Sent already" is sent: an A/B test is set up before its send starts');
  expect(await storedExperiments(sent.documentId)).toEqual([]);
});

test("an editor's pick decides a testing experiment, recorded with the rule's last figures, who and when; a send it cannot start is refused, saying why", async () => {
  const campaign = await createCampaign('Pick one');
  await put(campaign.documentId, VALID_SET_UP).expect(200);
  const [row] = await storedExperiments(campaign.documentId);

  const early = await move(campaign.documentId, 'pickWinner', { data: { variant: 'B' } });
  expect(early.status).toBe(400);
  expect(early.body.error.message).toBe('Experiment "Pick one" is draft: only a testing experiment can be decided by hand');

  await startTest(row.id);
  const figures = { outcome: 'no-clear-winner', rates: { A: 0.031, B: 0.034, C: 0.029 }, probabilityBest: { A: 0.2, B: 0.7, C: 0.1 } };
  expect(await recordDecision(strapi(), { experimentId: row.id, action: 'wait', figures, reason: 'No clear winner yet' })).toBe(true);

  const unknown = await move(campaign.documentId, 'pickWinner', { data: { variant: 'D' } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toBe('Invalid experiment: variant: must be one of A, B, C');

  const before = Date.now();
  const picked = await move(campaign.documentId, 'pickWinner', { data: { variant: 'B', reason: 'B reads better' } });
  // Put into testing by hand, this campaign never sent a test group: the pick stands, its send is refused and says so.
  expect(picked.status).toBe(400);
  expect(picked.body.error.message).toBe(
    `B is recorded as the winner, but it was not sent to the rest of the audience: Campaign ${await campaignId(campaign.documentId)} was never sent: its test group goes out first`
  );
  const read = (await api().get(path(campaign.documentId)).set(auth()).expect(200)).body.data;
  expect(read).toMatchObject({ state: 'decided', winner: 'B', decision: figures, editorActions: [] });
  expect(Date.parse(read.decidedAt)).toBeGreaterThanOrEqual(before - 1000);
  expect(read.decisions).toEqual([
    {
      id: expect.any(Number),
      action: 'pickWinner',
      winner: 'B',
      figures,
      reason: 'B reads better',
      by: 'Ada Admin <ada@example.com>',
      at: expect.any(String),
    },
    { id: expect.any(Number), action: 'wait', winner: null, figures, reason: 'No clear winner yet', by: null, at: expect.any(String) },
  ]);
  const rows = await decisionRows(strapi(), row.id);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ action: 'pickWinner', winner: 'B', reason: 'B reads better', by_label: 'Ada Admin <ada@example.com>' });
  expect(Number(rows[1].by_id)).toBeGreaterThan(0);
  expect(figuresOf(rows[1])).toEqual(figures);
  expect(Number(rows[1].decided_at)).toBeGreaterThanOrEqual(before);

  const again = await move(campaign.documentId, 'pickWinner', { data: { variant: 'C' } });
  expect(again.status).toBe(400);
  expect(again.body.error.message).toBe('Experiment "Pick one" is decided: only a testing experiment can be decided by hand');
  const cancel = await move(campaign.documentId, 'cancel', {});
  expect(cancel.status).toBe(400);
  expect(cancel.body.error.message).toBe('Experiment "Pick one" is decided: only a draft or testing experiment can be cancelled');
  expect(await decisionRows(strapi(), row.id)).toHaveLength(2);
  expect(await storedExperiments(campaign.documentId)).toEqual([expect.objectContaining({ state: 'decided', winner: 'B' })]);
});

test('a cancel is recorded, and a decision that comes after it is refused and writes nothing', async () => {
  const campaign = await createCampaign('Cancel it');
  await put(campaign.documentId, VALID_SET_UP).expect(200);
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);

  const cancelled = await move(campaign.documentId, 'cancel', { data: { reason: 'Wrong audience' } });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.data).toMatchObject({ state: 'cancelled', winner: null, decidedAt: null, editorActions: [] });
  expect(cancelled.body.data.decisions).toEqual([
    {
      id: expect.any(Number),
      action: 'cancel',
      winner: null,
      figures: null,
      reason: 'Wrong audience',
      by: 'Ada Admin <ada@example.com>',
      at: expect.any(String),
    },
  ]);

  expect(await recordDecision(strapi(), { experimentId: row.id, action: 'decide', winner: 'C', figures: { outcome: 'winner' } })).toBe(
    false
  );
  expect(await recordDecision(strapi(), { experimentId: row.id, action: 'wait', figures: { outcome: 'not-enough-data' } })).toBe(false);
  expect(await decisionRows(strapi(), row.id)).toHaveLength(1);
  expect(await storedExperiments(campaign.documentId)).toEqual([expect.objectContaining({ state: 'cancelled', winner: null })]);
  expect((await api().get(path(campaign.documentId)).set(auth())).body.data.decision).toBeNull();
});

test("the rule's decision moves a testing experiment to decided with its figures", async () => {
  const campaign = await createCampaign('Rule decides');
  await put(campaign.documentId, VALID_SET_UP).expect(200);
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);
  const figures = { outcome: 'winner', winner: 'C', probabilityBest: { A: 0.01, B: 0.02, C: 0.97 }, expectedLoss: 0.0002 };
  const at = Date.parse('2031-05-01T10:00:00Z');
  expect(
    await recordDecision(strapi(), {
      experimentId: row.id,
      action: 'decide',
      winner: 'C',
      figures,
      reason: 'C is best with 97% probability',
      at,
    })
  ).toBe(true);
  const read = (await api().get(path(campaign.documentId)).set(auth()).expect(200)).body.data;
  expect(read).toMatchObject({ state: 'decided', winner: 'C', decision: figures, decidedAt: '2031-05-01T10:00:00.000Z' });
  expect(read.decisions).toEqual([
    {
      id: expect.any(Number),
      action: 'decide',
      winner: 'C',
      figures,
      reason: 'C is best with 97% probability',
      by: null,
      at: '2031-05-01T10:00:00.000Z',
    },
  ]);
});

test('a draft is deleted; deleting its campaign takes a test that ran, and its decisions, with it', async () => {
  const draft = await createCampaign('Drop the test');
  await put(draft.documentId, VALID_SET_UP).expect(200);
  const [drafted] = await storedExperiments(draft.documentId);
  const removed = await api().delete(path(draft.documentId)).set(auth());
  expect(removed.status).toBe(200);
  expect(
    await strapi()
      .db.query(EXPERIMENT)
      .findOne({ where: { id: drafted.id } })
  ).toBeNull();
  expect((await api().get(path(draft.documentId)).set(auth()).expect(200)).body.data).toBeNull();
  const none = await api().delete(path(draft.documentId)).set(auth());
  expect(none.status).toBe(404);
  expect(none.body.error.message).toBe('Campaign "Drop the test" has no A/B test');

  const ran = await createCampaign('Ran a test');
  await put(ran.documentId, VALID_SET_UP).expect(200);
  const [row] = await storedExperiments(ran.documentId);
  await startTest(row.id);
  await move(ran.documentId, 'cancel', {}).expect(200);
  expect(await decisionRows(strapi(), row.id)).toHaveLength(1);
  await api().delete(`/campaigns/campaigns/${ran.documentId}`).set(auth()).expect(200);
  expect(
    await strapi()
      .db.query(EXPERIMENT)
      .findOne({ where: { id: row.id } })
  ).toBeNull();
  expect(await decisionRows(strapi(), row.id)).toEqual([]);
});

test('reading needs read, setting up needs write, picking a winner or cancelling needs send', async () => {
  const campaign = await createCampaign('Guarded');
  await api().get(path(campaign.documentId)).expect(401);

  const reader = await adminWithActions(strapi(), 'reader@example.com', ['plugin::campaigns.read']);
  await api().get(path(campaign.documentId)).set(bearer(reader)).expect(200);
  await api().put(path(campaign.documentId)).set(bearer(reader)).send({ data: VALID_SET_UP }).expect(403);
  expect(await storedExperiments(campaign.documentId)).toEqual([]);

  const writer = await adminWithActions(strapi(), 'writer@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  await api().put(path(campaign.documentId)).set(bearer(writer)).send({ data: VALID_SET_UP }).expect(200);
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);
  await move(campaign.documentId, 'pickWinner', { data: { variant: 'B' } }, bearer(writer)).expect(403);
  await move(campaign.documentId, 'cancel', {}, bearer(writer)).expect(403);
  await api().delete(path(campaign.documentId)).set(bearer(reader)).expect(403);
  expect(await decisionRows(strapi(), row.id)).toEqual([]);

  const sender = await adminWithActions(strapi(), 'sender@example.com', ['plugin::campaigns.read', 'plugin::campaigns.send']);
  const picked = await move(campaign.documentId, 'pickWinner', { data: { variant: 'B' } }, bearer(sender));
  // Allowed: the pick is recorded as the sender's; its send is refused only because this test never sent its test group.
  expect(picked.status).toBe(400);
  expect(picked.body.error.message).toMatch(/^B is recorded as the winner, but it was not sent to the rest of the audience: /);
  expect(await decisionRows(strapi(), row.id)).toEqual([
    expect.objectContaining({ action: 'pickWinner', by_label: 'Test User <sender@example.com>' }),
  ]);
});
