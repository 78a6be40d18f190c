import { rootOf } from '../../../server/src/composition/accessor';
import type { Decision } from '../../../server/src/features/experiments/stats';
import type { Experiment, MainEffectFigures } from '../../../shared/contracts/experiments';
import * as experiments from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

const EXPERIMENT = 'plugin::campaigns.experiment';

const group = useGroupApp();
const { strapi, api, auth, sink } = group;
const knex = () => strapi().db.connection;
const app = () => ({ strapi: strapi(), api: api(), auth: auth(), sink: sink() });
const { path, put } = experiments.experimentApi(group);
const get = async (documentId: string) => (await api().get(path(documentId)).set(auth()).expect(200)).body.data as Experiment;

const SUBJECT = {
  field: 'subject',
  levels: [
    { name: 'Short', value: 'Short: autumn' },
    { name: 'Long', value: 'Long: our autumn news, {{ contact.firstName }}' },
  ],
};
const FROM_NAME = {
  field: 'fromName',
  levels: [
    { name: 'Brand', value: 'Northwind' },
    { name: 'Person', value: 'Ann at Northwind' },
  ],
};
const LATER = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
const PAST = new Date(Date.now() - 3600_000).toISOString();
const BROKEN = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus/>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';

/** What each cell of the 2 × 2 sends, as the sink should get it: its subject (before the merge) and from name. */
const CELLS = {
  A: { subject: /^Short: autumn$/, fromName: 'Northwind', cell: { subject: 'Short', fromName: 'Brand' } },
  B: { subject: /^Short: autumn$/, fromName: 'Ann at Northwind', cell: { subject: 'Short', fromName: 'Person' } },
  C: { subject: /^Long: our autumn news, P\d+$/, fromName: 'Northwind', cell: { subject: 'Long', fromName: 'Brand' } },
  D: { subject: /^Long: our autumn news, P\d+$/, fromName: 'Ann at Northwind', cell: { subject: 'Long', fromName: 'Person' } },
} as const;

const storedExperiments = async (documentId: string) =>
  strapi()
    .db.query(EXPERIMENT)
    .findMany({ where: { campaign: { documentId } } });

const effectOf = (effects: MainEffectFigures[] | null, factor: string, level: string) =>
  effects?.find((e) => e.factor === factor && e.level === level);

test('a 2 × 2 multivariate test is saved as its factors and answered with its four combinations, A the control', async () => {
  const campaign = await seedCampaign(strapi(), 'Factorial set-up', []);
  const res = await put(campaign.documentId, { design: 'factorial', factors: [SUBJECT, FROM_NAME], testShare: 40 });
  expect(res.status).toBe(200);
  const experiment = await get(campaign.documentId);
  expect(experiment).toMatchObject({ design: 'factorial', factors: [SUBJECT, FROM_NAME], testShare: 40, state: 'draft' });
  expect(experiment.variants).toEqual([
    { key: 'A', name: 'Subject: Short · From name: Brand', subject: 'Short: autumn', fromName: 'Northwind', cell: CELLS.A.cell },
    { key: 'B', name: 'Subject: Short · From name: Person', subject: 'Short: autumn', fromName: 'Ann at Northwind', cell: CELLS.B.cell },
    { key: 'C', name: 'Subject: Long · From name: Brand', subject: SUBJECT.levels[1].value, fromName: 'Northwind', cell: CELLS.C.cell },
    {
      key: 'D',
      name: 'Subject: Long · From name: Person',
      subject: SUBJECT.levels[1].value,
      fromName: 'Ann at Northwind',
      cell: CELLS.D.cell,
    },
  ]);
  // Nothing sent yet: every level is there, with no figures.
  expect(experiment.mainEffects?.map((e) => [e.factor, e.level, e.trials, e.pValue, e.significant])).toEqual([
    ['subject', 'Short', 0, null, false],
    ['subject', 'Long', 0, null, false],
    ['fromName', 'Brand', 0, null, false],
    ['fromName', 'Person', 0, null, false],
  ]);
  // An A/B test has none.
  const ab = await seedCampaign(strapi(), 'Not factorial', []);
  await put(ab.documentId, {
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Other', subject: 'Other' },
    ],
  }).expect(200);
  expect(await get(ab.documentId)).toMatchObject({ design: 'ab', factors: null, mainEffects: null });
});

describe("refuses a bad multivariate set-up at the editor's input, storing nothing", () => {
  const content = (value: string) => ({
    field: 'content',
    levels: [
      { name: 'Plain', value: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>' },
      { name: 'Broken', value },
    ],
  });
  const sendAt = (morning: string) => ({
    field: 'sendAt',
    levels: [
      { name: 'Morning', value: morning },
      { name: 'Evening', value: LATER },
    ],
  });
  const three = (field: string) => ({
    field,
    levels: ['One', 'Two', 'Three'].map((name) => ({ name, value: `${name} ${field}` })),
  });
  const cases: Array<[string, unknown[], string[], RegExp]> = [
    [
      'a level whose MJML does not compile',
      [SUBJECT, content(BROKEN)],
      ['factors', '1', 'levels', '1', 'value'],
      /^Invalid experiment: factors\[1\]\.levels\[1\]\.value: MJML errors: line 4: .*mj-bogus/,
    ],
    [
      'a send time in the past',
      [sendAt(PAST), FROM_NAME],
      ['factors', '0', 'levels', '0', 'value'],
      new RegExp(`^Invalid experiment: factors\\[0\\]\\.levels\\[0\\]\\.value: ${PAST.replace(/\./g, '\\.')} is in the past`),
    ],
    [
      'two levels of one value',
      [SUBJECT, { ...FROM_NAME, levels: [FROM_NAME.levels[0], { name: 'Person', value: 'Northwind' }] }],
      ['factors', '1', 'levels', '1', 'value'],
      /^Invalid experiment: factors\[1\]\.levels\[1\]\.value: level "Person" gives the same from name as level "Brand" \(levels\[0\]\), so combination B /,
    ],
    [
      'nine combinations',
      [three('subject'), three('preheader')],
      ['factors'],
      /^Invalid experiment: factors: make 9 combinations \(3 × 3\): at most 8/,
    ],
  ];

  test.each(cases)('%s', async (label, factors, errorPath, message) => {
    const campaign = await seedCampaign(strapi(), `Refused ${label}`, []);
    const before = await strapi().db.query(EXPERIMENT).count();
    const res = await put(campaign.documentId, { design: 'factorial', factors });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual(errorPath);
    expect(await storedExperiments(campaign.documentId)).toEqual([]);
    expect(await strapi().db.query(EXPERIMENT).count()).toBe(before);
  });
});

test('sent for real: the long subject gets the clicks, the main effects say so, and each cell and the rest get their own message once', async () => {
  const tag = 'factorial-sent';
  const campaign = await seedCampaign(strapi(), tag, experiments.people(tag, 80));
  await put(campaign.documentId, {
    design: 'factorial',
    factors: [SUBJECT, FROM_NAME],
    testShare: 50,
    waitMinutes: 60,
    minSamplePerVariant: 2,
    noWinner: 'send-default',
    defaultVariant: 'D',
  }).expect(200);
  const { id: experimentId } = (await storedExperiments(campaign.documentId))[0];
  await api().post(`/campaigns/campaigns/${campaign.documentId}/send`).set(auth()).expect(200);
  await waitForProgress(strapi(), campaign.documentId, experiments.testGroupOut);
  const campaignId = (
    await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: campaign.documentId } })
  ).id;
  const rows: Array<{ email: string; variant: keyof typeof CELLS }> = await knex()('campaigns_deliveries')
    .select('email', 'variant')
    .where({ campaign_id: campaignId });
  expect(new Set(rows.map((r) => r.variant))).toEqual(new Set(['A', 'B', 'C', 'D']));
  // Read an hour later: a click right after sending counts as a machine's.
  await knex()('campaigns_deliveries')
    .where({ campaign_id: campaignId })
    .update({ sent_at: Date.now() - 3_600_000 });

  // Everyone who got the long subject reads and clicks, whatever the sender; one reader of the short one.
  const long = rows.filter((r) => CELLS[r.variant].cell.subject === 'Long');
  for (const row of long) await experiments.readAndClick(app(), row.email);
  await experiments.readAndClick(app(), rows.find((r) => r.variant === 'A')!.email);
  await flushTracking(strapi());

  // While it runs, GET reads the effects from the tallies.
  const running = await get(campaign.documentId);
  expect(running.state).toBe('testing');
  expect(effectOf(running.mainEffects, 'subject', 'Long')).toMatchObject({
    trials: long.length,
    successes: long.length,
    significant: true,
  });
  expect(effectOf(running.mainEffects, 'subject', 'Long')!.effect).toBeGreaterThan(0.3);
  expect(effectOf(running.mainEffects, 'subject', 'Short')!.effect).toBeLessThan(-0.3);
  expect(effectOf(running.mainEffects, 'fromName', 'Person')!.significant).toBe(false);

  // The wait starts with the test group out; then it is over.
  const decisions = rootOf(strapi()).running.decisions;
  await decisions.run();
  await knex()('campaigns_experiments')
    .where({ id: experimentId })
    .update({ decide_at: Date.now() - 1 });
  await decisions.run();
  const [decision, ...more] = await experiments.decisionRows(strapi(), experimentId);
  expect(more).toEqual([]);
  // C and D tie on clicks: no clear winner, the default D goes to the rest; the reason names the long subject's effect.
  expect(decision).toMatchObject({ action: 'decide', winner: 'D' });
  expect(decision.reason).toMatch(
    /no clear winner, the default D is sent\. Subject “Long” raises clicks by \d+\.\d\d points \(adjusted p = [0-9.e-]+\)$/
  );
  const figures = experiments.figuresOf<Decision & { mainEffects: MainEffectFigures[] }>(decision);
  expect(figures.variants.map((v) => v.key)).toEqual(['A', 'B', 'C', 'D']);
  expect(effectOf(figures.mainEffects, 'subject', 'Long')).toMatchObject({ significant: true, successes: long.length });

  const done = await waitForProgress(strapi(), campaign.documentId, finished);
  expect(done).toMatchObject({ state: 'sent', targeted: 80, sent: 80, failed: 0 });
  // Decided: GET answers the effects the rule recorded (the rest, all D, is no part of the test).
  const decided = await get(campaign.documentId);
  expect(decided).toMatchObject({ state: 'decided', winner: 'D' });
  expect(decided.mainEffects).toEqual(figures.mainEffects);

  const testGroup = new Map(rows.map((r) => [r.email, r.variant]));
  const received = sink().received.filter((m) => m.rcptTo.every((to) => to.endsWith(`@${tag}.test`)));
  expect(received).toHaveLength(80);
  const mailed = new Set<string>();
  for (const message of received) {
    const [to] = message.rcptTo;
    expect(mailed.has(to)).toBe(false);
    mailed.add(to);
    const parsed = await sink().parse(message);
    const expected = CELLS[testGroup.get(to) ?? 'D'];
    expect(parsed.subject).toMatch(expected.subject);
    expect(parsed.from?.value[0].name).toBe(expected.fromName);
  }
  expect(mailed.size).toBe(80);
});
