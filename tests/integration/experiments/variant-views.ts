import { rootOf } from '../../../server/src/composition/accessor';
import type { Decision } from '../../../server/src/features/experiments/stats';
import type { ExperimentSeries, VariantPreview } from '../../../shared/contracts/experiments';
import { adminWithActions, bearer } from '../../helpers/admin';
import * as experiments from '../../helpers/experiments';
import { useGroupApp } from '../../helpers/integration-group';
import { finished, seedCampaign, waitForProgress } from '../../helpers/sending';
import { flushTracking } from '../../helpers/tracking';

const group = useGroupApp();
const { strapi, api, auth, sink } = group;
const knex = () => strapi().db.connection;
const app = () => ({ strapi: strapi(), api: api(), auth: auth(), sink: sink() });
const { path } = experiments.experimentApi(group);

const EVENING =
  '<mjml>\n<mj-body>\n<mj-section><mj-column><mj-text>Good evening {{ contact.firstName }}</mj-text></mj-column></mj-section>\n</mj-body>\n</mjml>';
// Line 3 closes a column that is not open yet: an MJML error on that line.
const BROKEN = '<mjml>\n<mj-body>\n<mj-section><mj-text>Hi</mj-column></mj-section>\n</mj-body>\n</mjml>';

/** The panel as an editor typed it: A the campaign's message, B its own subject and content, C its own from name and preheader. */
const typed = () => [
  { key: 'A', name: 'Control', subject: '', content: '' },
  { key: 'B', name: 'Evening', subject: 'B: evening news for {{ contact.firstName }}', content: EVENING },
  { key: 'C', name: 'From Ann', fromName: 'Ann from Northwind', preheader: 'Only this week' },
];

const preview = (documentId: string, data: unknown, headers = auth()) =>
  api()
    .post(`${path(documentId)}/preview`)
    .set(headers)
    .send({ data });

describe('the variants side by side (POST .../experiment/preview)', () => {
  test('each variant renders as its recipients get it: the campaign’s saved fields with the variant’s unsaved overrides; nothing is stored', async () => {
    const campaign = await seedCampaign(strapi(), 'Preview side by side', []);
    const res = await preview(campaign.documentId, { variants: typed() });
    expect(res.status).toBe(200);
    const [a, b, c] = res.body.data as VariantPreview[];
    // The sample contact is Alex.
    expect(a).toMatchObject({
      key: 'A',
      name: 'Control',
      subject: 'Autumn news for Alex',
      preheader: 'Three things that changed',
      fromName: 'Northwind Coffee',
    });
    expect(b).toMatchObject({ key: 'B', name: 'Evening', subject: 'B: evening news for Alex', preheader: 'Three things that changed' });
    expect(b.html).toContain('Good evening Alex');
    expect(a.html).not.toContain('Good evening');
    expect(b.text).toContain('Good evening Alex');
    expect(c).toMatchObject({ key: 'C', subject: 'Autumn news for Alex', preheader: 'Only this week', fromName: 'Ann from Northwind' });
    expect(c.html).toContain('Only this week');
    expect(c.html).not.toContain('Three things that changed');
    // Previews count nothing: no link recorded, no experiment made.
    const { id } = await strapi()
      .db.query('plugin::campaigns.campaign')
      .findOne({ where: { documentId: campaign.documentId } });
    expect(await knex()('campaigns_links').where({ campaign_id: id })).toEqual([]);
    expect((await api().get(path(campaign.documentId)).set(auth())).body).toEqual({ data: null });

    const only = await preview(campaign.documentId, { variants: typed(), only: 'B' });
    expect(only.status).toBe(200);
    expect(only.body.data.map((v: VariantPreview) => v.key)).toEqual(['B']);
  });

  test('a variant whose MJML does not compile is a 400 naming its field and line; the others still render one by one', async () => {
    const campaign = await seedCampaign(strapi(), 'Preview broken', []);
    const variants = [...typed().slice(0, 2), { key: 'C', name: 'Broken', content: BROKEN }];
    const res = await preview(campaign.documentId, { variants });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid experiment: variants\[2\]\.content: MJML errors: line 3: /);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['variants', '2', 'content'], lines: [expect.objectContaining({ line: 3 })] }),
    ]);
    const good = await preview(campaign.documentId, { variants, only: 'B' });
    expect(good.status).toBe(200);
    expect(good.body.data[0].html).toContain('Good evening Alex');
    // A Liquid error in a subject names the subject.
    const subject = await preview(campaign.documentId, { variants: [{ key: 'A', subject: 'Hi {{ contact.firstName ' }] });
    expect(subject.status).toBe(400);
    expect(subject.body.error.details.errors[0].path).toEqual(['variants', '0', 'subject']);
  });

  test('bad input is a 400 naming the field; an unknown campaign a 404', async () => {
    const campaign = await seedCampaign(strapi(), 'Preview input', []);
    const none = await preview(campaign.documentId, { variants: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('Invalid experiment preview: variants: must have 1 to 8 variants');
    const only = await preview(campaign.documentId, { variants: typed(), only: 'D' });
    expect(only.status).toBe(400);
    expect(only.body.error.message).toBe('Invalid experiment preview: only: must be one of A, B, C');
    const unknown = await preview('doesnotexist000000000000', { variants: typed() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No campaign with documentId "doesnotexist000000000000"');
  });

  test('previewing and the series need the campaigns’ read permission', async () => {
    const campaign = await seedCampaign(strapi(), 'Preview guarded', []);
    await api()
      .post(`${path(campaign.documentId)}/preview`)
      .send({ data: { variants: typed() } })
      .expect(401);
    const sender = await adminWithActions(strapi(), 'views-sender@example.com', ['plugin::campaigns.send']);
    await preview(campaign.documentId, { variants: typed() }, bearer(sender)).expect(403);
    await api()
      .get(`${path(campaign.documentId)}/series`)
      .set(bearer(sender))
      .expect(403);
    const reader = await adminWithActions(strapi(), 'views-reader@example.com', ['plugin::campaigns.read']);
    await preview(campaign.documentId, { variants: typed() }, bearer(reader)).expect(200);
    // Read allowed: this campaign simply has no test.
    await api()
      .get(`${path(campaign.documentId)}/series`)
      .set(bearer(reader))
      .expect(404);
  });
});

describe('the metric over time per variant (GET .../experiment/series)', () => {
  const series = async (documentId: string): Promise<ExperimentSeries | null> => {
    await flushTracking(strapi());
    const res = await api()
      .get(`${path(documentId)}/series`)
      .set(auth());
    expect(res.status).toBe(200);
    return res.body.data;
  };

  test('before its send there is no series; a campaign without a test is a 404', async () => {
    const { documentId } = await experiments.seedExperiment(strapi(), 'series-draft', 3);
    expect(await series(documentId)).toBeNull();
    const plain = await seedCampaign(strapi(), 'Series none', []);
    const res = await api()
      .get(`${path(plain.documentId)}/series`)
      .set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Campaign "Series none" has no A/B test');
  });

  test('people’s unique clicks per variant accumulate over the test recipients, hour by hour; decided, the rest of the audience is not the test', async () => {
    const test = await experiments.sendExperiment(app(), 'series-clicks', 60, {});
    const of = (key: string) => test.rows.filter((r) => r.variant === key);
    const started = Number((await knex()('campaigns_sends').where({ campaign_id: test.id }).first('started_at')).started_at);

    const before = (await series(test.documentId))!;
    expect(before.metric).toBe('click');
    expect(before.from).toBe(new Date(started).toISOString());
    expect(before.variants).toEqual(['A', 'B', 'C'].map((key) => ({ key, trials: of(key).length, successes: 0 })));
    expect(before.points[0]).toEqual({
      at: new Date(Math.floor(started / 3_600_000) * 3_600_000).toISOString(),
      rates: { A: 0, B: 0, C: 0 },
    });

    for (const row of of('B')) await experiments.readAndClick(app(), row.email);
    await experiments.readAndClick(app(), of('A')[0].email);
    // A second click of the same reader is no second person.
    await experiments.readAndClick(app(), of('A')[0].email);
    const during = (await series(test.documentId))!;
    expect(during.variants).toEqual([
      { key: 'A', trials: of('A').length, successes: 1 },
      { key: 'B', trials: of('B').length, successes: of('B').length },
      { key: 'C', trials: of('C').length, successes: 0 },
    ]);
    expect(during.points.at(-1)!.rates).toEqual({ A: 1 / of('A').length, B: 1, C: 0 });
    // From the hourly rollups, people's unique clicks per variant.
    const hourly = await knex()('campaigns_rollup_hours')
      .where({ campaign_id: test.id, metric: 'unique_click_human' })
      .select('variant', 'value');
    expect(Object.fromEntries(hourly.map((r: { variant: string; value: unknown }) => [r.variant, Number(r.value)]))).toEqual({
      A: 1,
      B: of('B').length,
    });

    // The editor picks B: it goes to the rest, who are not the test's recipients.
    await api()
      .post(`${path(test.documentId)}/pickWinner`)
      .set(auth())
      .send({ data: { variant: 'B' } })
      .expect(200);
    await waitForProgress(strapi(), test.documentId, finished);
    const decided = (await series(test.documentId))!;
    const [pick] = (await api().get(path(test.documentId)).set(auth())).body.data.decisions;
    expect(decided.until).toBe(pick.at);
    expect(decided.variants).toEqual(during.variants);
    const [{ n }] = await knex()('campaigns_deliveries').where({ campaign_id: test.id, variant: 'B' }).count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(of('B').length);
  });

  test('decided by the rule: the series ends at its decision, on the recipients the rule counted', async () => {
    const test = await experiments.sendExperiment(app(), 'series-rule', 60, {});
    for (const row of test.rows.filter((r) => r.variant === 'C')) await experiments.readAndClick(app(), row.email);
    await flushTracking(strapi());
    const decisions = rootOf(strapi()).running.decisions;
    await decisions.run();
    await knex()('campaigns_experiments')
      .where({ id: test.experimentId })
      .update({ decide_at: Date.now() - 1 });
    await decisions.run();
    const [decision] = await experiments.decisionRows(strapi(), test.experimentId);
    expect(decision).toMatchObject({ action: 'decide', winner: 'C' });
    const result = (await series(test.documentId))!;
    expect(result.until).toBe(new Date(Number(decision.decided_at)).toISOString());
    const figures = experiments.figuresOf<Decision>(decision);
    expect(result.variants).toEqual(figures.variants.map(({ key, trials, successes }) => ({ key, trials, successes })));
    expect(result.points.at(-1)!.rates.C).toBe(1);
  });

  test('click-to-open is clicks over the openers so far', async () => {
    // Variants are drawn by hash: with 20 people C was empty in about 1 run in 90; with 60, 1 in 650,000.
    const test = await experiments.sendExperiment(app(), 'series-cto', 60, { metric: 'click-to-open' });
    const of = (key: string) => test.rows.filter((r) => r.variant === key);
    await experiments.readAndClick(app(), of('C')[0].email);
    const result = (await series(test.documentId))!;
    expect(result.variants).toEqual([
      { key: 'A', trials: 0, successes: 0 },
      { key: 'B', trials: 0, successes: 0 },
      { key: 'C', trials: 1, successes: 1 },
    ]);
    expect(result.points.at(-1)!.rates).toEqual({ A: null, B: null, C: 1 });
  });
});
