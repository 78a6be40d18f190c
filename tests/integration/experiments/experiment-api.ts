import { TABLES } from '../../../server/src/constants';
import { experimentForSend, recordDecision } from '../../../server/src/features/experiments/experiment-store';
import { createExperimentLifecycle } from '../../../server/src/features/experiments/lifecycle';
import { adminWithActions, bearer } from '../../helpers/admin';
import { useGroupApp } from '../../helpers/integration-group';

const EXPERIMENT = 'plugin::campaigns.experiment';
const CAMPAIGN = 'plugin::campaigns.campaign';

const { strapi, auth, api } = useGroupApp();

const CONTENT =
  '<mjml>\n<mj-body>\n<mj-section><mj-column><mj-text>Hello {{ contact.firstName }}</mj-text></mj-column></mj-section>\n</mj-body>\n</mjml>';
const LATER = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

const threeVariants = () => [
  { key: 'A', name: 'Control' },
  { key: 'B', name: 'Short subject', subject: 'Spring sale, {{ contact.firstName }}', preheader: 'Two days only' },
  {
    key: 'C',
    name: 'New layout, evening',
    fromName: 'Ann from the shop',
    content: CONTENT.replace('Hello', 'Good evening'),
    sendAt: LATER,
  },
];

const VALID = {
  variants: threeVariants(),
  testShare: 30,
  metric: 'click-to-open',
  waitMinutes: 120,
  decisionRule: 'frequentist',
  noWinner: 'send-default',
  defaultVariant: 'A',
  minSamplePerVariant: 250,
  probabilityToWin: 0.99,
};

const createCampaign = async (name: string) => {
  const res = await api()
    .post('/campaigns/campaigns')
    .set(auth())
    .send({ data: { name, subject: 'Spring news', fromName: 'The shop', content: CONTENT } })
    .expect(201);
  return res.body.data as { documentId: string; name: string };
};

const path = (documentId: string) => `/campaigns/campaigns/${documentId}/experiment`;
const put = (documentId: string, data: unknown) => api().put(path(documentId)).set(auth()).send({ data });

const campaignId = async (documentId: string) => {
  const row = await strapi()
    .db.query(CAMPAIGN)
    .findOne({ where: { documentId }, select: ['id'] });
  return Number(row!.id);
};

/** The campaign's experiment rows and what each stores: what a refusal must leave as it was. */
const storedExperiments = (campaignDocumentId: string) =>
  strapi()
    .db.query(EXPERIMENT)
    .findMany({
      where: { campaign: { documentId: campaignDocumentId } },
      select: ['id', 'state', 'variants', 'testShare', 'metric', 'waitMinutes', 'defaultVariant', 'winner'],
      orderBy: { id: 'asc' },
    });

const decisionRows = (experimentId: number) =>
  strapi().db.connection(TABLES.experimentDecisions).where({ experiment_id: experimentId }).orderBy('id', 'asc');

/** The test group's send starts (the send pipeline takes this move): the set-up is fixed from here. */
const startTest = async (experimentId: number) => expect(await createExperimentLifecycle(strapi()).take(experimentId, 'start')).toBe(true);

test('saves a 3-variant experiment, answers it, replaces it while a draft and gives the send what it needs', async () => {
  const campaign = await createCampaign('Spring news');
  expect((await api().get(path(campaign.documentId)).set(auth()).expect(200)).body).toEqual({ data: null });

  const saved = await put(campaign.documentId, VALID);
  expect(saved.status).toBe(200);
  expect(saved.body.data).toMatchObject({
    campaign: { documentId: campaign.documentId, name: 'Spring news' },
    state: 'draft',
    variants: threeVariants(),
    testShare: 30,
    metric: 'click-to-open',
    waitMinutes: 120,
    decisionRule: 'frequentist',
    noWinner: 'send-default',
    defaultVariant: 'A',
    minSamplePerVariant: 250,
    probabilityToWin: 0.99,
    winner: null,
    decidedAt: null,
    decision: null,
    editable: true,
    editorActions: ['cancel'],
    decisions: [],
  });
  const [row] = await storedExperiments(campaign.documentId);
  // Stored as the contract's Variant: the fields a variant names, nothing else.
  expect(row).toMatchObject({ state: 'draft', variants: threeVariants(), testShare: 30, defaultVariant: 'A' });
  expect(await api().get(path(campaign.documentId)).set(auth()).expect(200)).toHaveProperty(
    'body.data.documentId',
    saved.body.data.documentId
  );

  const replaced = await put(campaign.documentId, {
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Question', subject: 'Ready for spring?' },
    ],
  });
  expect(replaced.status).toBe(200);
  expect(replaced.body.data).toMatchObject({
    documentId: saved.body.data.documentId,
    testShare: 20,
    metric: 'click',
    waitMinutes: 240,
    decisionRule: 'bayesian',
    noWinner: 'wait',
    defaultVariant: null,
    minSamplePerVariant: 100,
    probabilityToWin: 0.95,
  });
  expect(await storedExperiments(campaign.documentId)).toEqual([
    expect.objectContaining({
      id: row.id,
      variants: [
        { key: 'A', name: 'Control' },
        { key: 'B', name: 'Question', subject: 'Ready for spring?' },
      ],
    }),
  ]);

  expect(await experimentForSend(strapi(), await campaignId(campaign.documentId))).toEqual({
    id: row.id,
    documentId: saved.body.data.documentId,
    state: 'draft',
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Question', subject: 'Ready for spring?' },
    ],
    testShare: 20,
    design: 'ab',
    waves: 5,
  });
  const other = await createCampaign('No test');
  expect(await experimentForSend(strapi(), await campaignId(other.documentId))).toBeNull();
});

describe('refuses a bad set-up with a 400 naming the field and what to fix, storing nothing', () => {
  const variants = threeVariants();
  const past = new Date(Date.now() - 60_000).toISOString();
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'nine variants',
      { variants: 'ABCDEFGHI'.split('').map((key) => ({ key, name: key, subject: `Subject ${key}` })) },
      'variants: must have 2 to 8 variants',
    ],
    ['a single variant', { variants: [variants[0]] }, 'variants: must have 2 to 8 variants'],
    [
      'duplicate keys',
      { variants: [variants[0], variants[1], { ...variants[2], key: 'B' }] },
      'variants[2].key: "B" is already the key of variants[1]',
    ],
    ['keys out of order', { variants: [variants[0], { ...variants[1], key: 'C' }] }, 'variants[1].key: must be "B"'],
    ['a default variant that is none of them', { ...VALID, defaultVariant: 'D' }, 'defaultVariant: must be one of A, B, C'],
    ['send-default without a default', { ...VALID, defaultVariant: null }, 'defaultVariant: must be one of A, B, C'],
    [
      'a send time in the past',
      { variants: [variants[0], { ...variants[1], sendAt: past }] },
      `variants[1].sendAt: ${past} is in the past`,
    ],
    ['a test share of 0', { ...VALID, testShare: 0 }, 'testShare: must be from 1 to 100'],
    ['a test share of 101', { ...VALID, testShare: 101 }, 'testShare: must be from 1 to 100'],
    ['a wait of 31 days', { ...VALID, waitMinutes: 31 * 24 * 60 }, 'waitMinutes: must be from 1 to 43200'],
    ['a metric it cannot measure', { ...VALID, metric: 'revenue' }, 'metric: must be one of open, click, click-to-open, reply'],
    ['a probability to win of 0.4', { ...VALID, probabilityToWin: 0.4 }, 'probabilityToWin: must be from 0.5 to 0.999'],
    [
      'a variant overriding nothing',
      { variants: [variants[0], variants[1], { key: 'C', name: 'Nothing new' }] },
      'variants[2]: sends the same message as variants[0] (the control)',
    ],
    [
      "a variant naming only the campaign's own subject",
      { variants: [variants[0], { key: 'B', name: 'Same', subject: 'Spring news' }] },
      'variants[1]: sends the same message as variants[0] (the control)',
    ],
    [
      'an unknown variable in a variant subject',
      { variants: [variants[0], { ...variants[1], subject: 'Hi {{ contct.firstName }}' }] },
      'variants[1].subject: unknown variable "contct.firstName"',
    ],
    ['an unknown field', { ...VALID, state: 'decided' }, 'state: unknown field'],
  ];

  test.each(cases)('%s', async (_label, data, message) => {
    const campaign = await createCampaign(`Refused: ${_label}`);
    const before = await strapi().db.query(EXPERIMENT).count();
    const res = await put(campaign.documentId, data);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(`Invalid experiment: ${message}`);
    expect(await storedExperiments(campaign.documentId)).toEqual([]);
    expect(await strapi().db.query(EXPERIMENT).count()).toBe(before);
  });

  test("variant content is compiled as a campaign's: the MJML problems at their lines, under the variant's field", async () => {
    const campaign = await createCampaign('Broken variant');
    const broken = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus/>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';
    const res = await put(campaign.documentId, { variants: [variants[0], variants[1], { ...variants[2], content: broken }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid experiment: variants\[2\]\.content: MJML errors: line 4: .*mj-bogus/);
    expect(res.body.error.details.errors).toEqual([
      {
        path: ['variants', '2', 'content'],
        message: expect.stringMatching(/^MJML errors: line 4/),
        name: 'ValidationError',
        lines: [{ line: 4, message: expect.stringMatching(/mj-bogus/) }],
      },
    ]);
    const typo = await put(campaign.documentId, {
      variants: [variants[0], { ...variants[1], content: CONTENT.replace('contact.firstName', 'contct.firstName') }],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error.details.errors[0]).toMatchObject({
      path: ['variants', '1', 'content'],
      lines: [{ line: 3, message: expect.stringMatching(/^unknown variable "contct.firstName"/) }],
    });
    expect(await storedExperiments(campaign.documentId)).toEqual([]);
  });

  test('a refused replace leaves the stored set-up as it was', async () => {
    const campaign = await createCampaign('Keep my test');
    await put(campaign.documentId, VALID).expect(200);
    const before = await storedExperiments(campaign.documentId);
    const res = await put(campaign.documentId, {
      ...VALID,
      testShare: 101,
      variants: [variants[0], { ...variants[1], subject: 'Changed' }],
    });
    expect(res.status).toBe(400);
    expect(await storedExperiments(campaign.documentId)).toEqual(before);
  });
});

test('the set-up is fixed once testing, and a campaign whose send is over takes no new test', async () => {
  const campaign = await createCampaign('Under test');
  const saved = (await put(campaign.documentId, VALID).expect(200)).body.data;
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);

  const edit = await put(campaign.documentId, { ...VALID, testShare: 50 });
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
  const late = await put(sent.documentId, VALID);
  expect(late.status).toBe(400);
  expect(late.body.error.message).toBe('Campaign "Sent already" is sent: an A/B test is set up before its send starts');
  expect(await storedExperiments(sent.documentId)).toEqual([]);
});

test("an editor's pick decides a testing experiment, recorded with the rule's last figures, who and when; a send it cannot start is refused, saying why", async () => {
  const campaign = await createCampaign('Pick one');
  await put(campaign.documentId, VALID).expect(200);
  const [row] = await storedExperiments(campaign.documentId);

  const early = await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'B' } });
  expect(early.status).toBe(400);
  expect(early.body.error.message).toBe('Experiment "Pick one" is draft: only a testing experiment can be decided by hand');

  await startTest(row.id);
  const figures = { outcome: 'no-clear-winner', rates: { A: 0.031, B: 0.034, C: 0.029 }, probabilityBest: { A: 0.2, B: 0.7, C: 0.1 } };
  expect(await recordDecision(strapi(), { experimentId: row.id, action: 'wait', figures, reason: 'No clear winner yet' })).toBe(true);

  const unknown = await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'D' } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toBe('Invalid experiment: variant: must be one of A, B, C');

  const before = Date.now();
  const picked = await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'B', reason: 'B reads better' } });
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
  const rows = await decisionRows(row.id);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ action: 'pickWinner', winner: 'B', reason: 'B reads better', by_label: 'Ada Admin <ada@example.com>' });
  expect(Number(rows[1].by_id)).toBeGreaterThan(0);
  expect(JSON.parse(rows[1].figures)).toEqual(figures);
  expect(Number(rows[1].decided_at)).toBeGreaterThanOrEqual(before);

  const again = await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(auth())
    .send({ data: { variant: 'C' } });
  expect(again.status).toBe(400);
  expect(again.body.error.message).toBe('Experiment "Pick one" is decided: only a testing experiment can be decided by hand');
  const cancel = await api()
    .post(`${path(campaign.documentId)}/cancel`)
    .set(auth())
    .send({});
  expect(cancel.status).toBe(400);
  expect(cancel.body.error.message).toBe('Experiment "Pick one" is decided: only a draft or testing experiment can be cancelled');
  expect(await decisionRows(row.id)).toHaveLength(2);
  expect(await storedExperiments(campaign.documentId)).toEqual([expect.objectContaining({ state: 'decided', winner: 'B' })]);
});

test('a cancel is recorded, and a decision that comes after it is refused and writes nothing', async () => {
  const campaign = await createCampaign('Cancel it');
  await put(campaign.documentId, VALID).expect(200);
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);

  const cancelled = await api()
    .post(`${path(campaign.documentId)}/cancel`)
    .set(auth())
    .send({ data: { reason: 'Wrong audience' } });
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
  expect(await decisionRows(row.id)).toHaveLength(1);
  expect(await storedExperiments(campaign.documentId)).toEqual([expect.objectContaining({ state: 'cancelled', winner: null })]);
  expect((await api().get(path(campaign.documentId)).set(auth())).body.data.decision).toBeNull();
});

test("the rule's decision moves a testing experiment to decided with its figures", async () => {
  const campaign = await createCampaign('Rule decides');
  await put(campaign.documentId, VALID).expect(200);
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
  await put(draft.documentId, VALID).expect(200);
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
  await put(ran.documentId, VALID).expect(200);
  const [row] = await storedExperiments(ran.documentId);
  await startTest(row.id);
  await api()
    .post(`${path(ran.documentId)}/cancel`)
    .set(auth())
    .send({})
    .expect(200);
  expect(await decisionRows(row.id)).toHaveLength(1);
  await api().delete(`/campaigns/campaigns/${ran.documentId}`).set(auth()).expect(200);
  expect(
    await strapi()
      .db.query(EXPERIMENT)
      .findOne({ where: { id: row.id } })
  ).toBeNull();
  expect(await decisionRows(row.id)).toEqual([]);
});

test('404 for an unknown campaign', async () => {
  const res = await api().get(path('doesnotexist000000000000')).set(auth());
  expect(res.status).toBe(404);
  expect(res.body.error.message).toBe('No campaign with documentId "doesnotexist000000000000"');
});

test('reading needs read, setting up needs write, picking a winner or cancelling needs send', async () => {
  const campaign = await createCampaign('Guarded');
  await api().get(path(campaign.documentId)).expect(401);

  const reader = await adminWithActions(strapi(), 'reader@example.com', ['plugin::campaigns.read']);
  await api().get(path(campaign.documentId)).set(bearer(reader)).expect(200);
  await api().put(path(campaign.documentId)).set(bearer(reader)).send({ data: VALID }).expect(403);
  expect(await storedExperiments(campaign.documentId)).toEqual([]);

  const writer = await adminWithActions(strapi(), 'writer@example.com', ['plugin::campaigns.read', 'plugin::campaigns.write']);
  await api().put(path(campaign.documentId)).set(bearer(writer)).send({ data: VALID }).expect(200);
  const [row] = await storedExperiments(campaign.documentId);
  await startTest(row.id);
  await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(bearer(writer))
    .send({ data: { variant: 'B' } })
    .expect(403);
  await api()
    .post(`${path(campaign.documentId)}/cancel`)
    .set(bearer(writer))
    .send({})
    .expect(403);
  await api().delete(path(campaign.documentId)).set(bearer(reader)).expect(403);
  expect(await decisionRows(row.id)).toEqual([]);

  const sender = await adminWithActions(strapi(), 'sender@example.com', ['plugin::campaigns.read', 'plugin::campaigns.send']);
  const picked = await api()
    .post(`${path(campaign.documentId)}/pickWinner`)
    .set(bearer(sender))
    .send({ data: { variant: 'B' } });
  // Allowed: the pick is recorded as the sender's; its send is refused only because this test never sent its test group.
  expect(picked.status).toBe(400);
  expect(picked.body.error.message).toMatch(/^B is recorded as the winner, but it was not sent to the rest of the audience: /);
  expect(await decisionRows(row.id)).toEqual([
    expect.objectContaining({ action: 'pickWinner', by_label: 'Test User <sender@example.com>' }),
  ]);
});
