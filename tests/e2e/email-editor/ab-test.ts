import type { Factor } from '../../../shared/contracts/experiments';
import { cellsOf } from '../../../shared/factorial-cells';
import { recordDecision } from '../../../server/src/features/experiments/experiment-store';
import { mainEffectsOf } from '../../../server/src/features/experiments/main-effects';
import { decide, type VariantTally } from '../../../server/src/features/experiments/stats';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { experimentPanel } from '../../helpers/experiment-panel';

const browser = useGroupBrowser();
const { app, page, screenshot } = browser;
const { service, createCampaign, open, group, storedExperiment, startWithoutSending } = experimentPanel(browser);

// Line 4 names an element MJML does not know: the server refuses it at save, at its line.
const BROKEN = '<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-bogus>Hi</mj-bogus>\n</mj-column></mj-section>\n</mj-body>\n</mjml>';

test('sets up a two-variant test in the panel, saves it, and shows a variant refused by the server at its field', async () => {
  const documentId = await createCampaign('Panel news');
  await open(documentId, 'Panel news');

  await page().getByRole('button', { name: 'Set up an A/B test' }).click();
  await group('Variant A (control)').waitFor();
  await group('Variant B').getByRole('textbox', { name: 'Subject' }).fill('Spring sale, two days only');
  await page().getByRole('textbox', { name: 'Test share (% of the audience)' }).fill('30');
  await page().getByRole('textbox', { name: 'Wait before deciding' }).fill('2');
  await page().getByRole('combobox', { name: 'Unit' }).click();
  await page().getByRole('option', { name: 'hours' }).click();
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await page().getByText('A/B test saved').first().waitFor();

  expect(await storedExperiment(documentId)).toMatchObject({
    state: 'draft',
    testShare: 30,
    waitMinutes: 120,
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Variant B', subject: 'Spring sale, two days only' },
    ],
  });

  await group('Variant B').getByRole('textbox', { name: 'Content (MJML)' }).fill(BROKEN);
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  // The refusal sits under the variant's own content field, not the campaign's.
  await group('Variant B')
    .getByText(/MJML errors: line 4: .*mj-bogus/)
    .waitFor();
  await screenshot('ab-test-refused');
  expect((await storedExperiment(documentId))!.variants[1]).toEqual({ key: 'B', name: 'Variant B', subject: 'Spring sale, two days only' });
});

test('shows a running test by variant with the decision in words, and an editor picks the winner by hand', async () => {
  const documentId = await createCampaign('Tested news');
  await service('experiments').put(documentId, {
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Loud subject', subject: 'LAST CHANCE' },
    ],
    metric: 'click',
    decisionRule: 'bayesian',
  });
  const experimentId = await startWithoutSending(documentId);
  // B gets twice the clicks but unsubscribes 12 of its 1,000 where the control lost none: it cannot win.
  const decision = decide(
    [
      { key: 'A', sent: 1000, opens: 300, clicks: 30, replies: 0, unsubscribes: 0, complaints: 0 },
      { key: 'B', sent: 1000, opens: 320, clicks: 60, replies: 0, unsubscribes: 12, complaints: 0 },
    ],
    { rule: 'bayesian', metric: 'click', control: 'A', minSamplePerVariant: 100, seed: 1 }
  );
  expect(decision.reason.code).toBe('guardrail-breached');
  const figures = decision as unknown as Record<string, unknown>;
  expect(await recordDecision(app().strapi, { experimentId, action: 'wait', figures, reason: 'B is blocked by a guardrail' })).toBe(true);

  await open(documentId, 'Tested news');
  const tileB = page().getByRole('group', { name: 'Variant B: Loud subject' });
  await tileB.getByText('6%', { exact: true }).waitFor();
  await tileB.getByText('60 of 1,000 sent').waitFor();
  await tileB.getByText('Unsubscribes 1.2%').waitFor();
  await tileB.getByText('worse than the control').waitFor();
  await tileB.getByText(/probability of being best/).waitFor();
  await expect(page().getByRole('group', { name: 'Variant A: Control' }).getByText('worse than the control').count()).resolves.toBe(0);

  const latest = page().getByRole('status', { name: 'Latest decision' });
  await latest.getByText('No clear winner: waiting for an editor').waitFor();
  await latest.getByText('No winner: B leads but its unsubscribe rate, 1.2%, is significantly worse than the control’s 0%').waitFor();
  const log = page().getByRole('grid', { name: 'Decisions' });
  await log.getByText('The decision rule').waitFor();
  await screenshot('ab-test-results');

  await page().getByRole('button', { name: 'Pick A as winner' }).click();
  const confirm = page().getByRole('alertdialog');
  await confirm.getByText('Pick A (Control) as the winner?', { exact: false }).waitFor();
  await confirm.getByRole('button', { name: /confirm/i }).click();

  // This campaign never sent its test group for real: the pick stands, the winner's send is refused, and the page says why.
  await page()
    .getByText(/A is recorded as the winner, but it was not sent to the rest of the audience/)
    .first()
    .waitFor();
  expect(await storedExperiment(documentId)).toMatchObject({ state: 'decided', winner: 'A' });
  await page().getByText('Winner: A (Control)').waitFor();
  await log.getByText('Picked A by hand').waitFor();
  await expect(page().getByRole('button', { name: 'Pick B as winner' }).count()).resolves.toBe(0);
});

/** Fills one level's name and value, in its own group ("Subject level 2"). */
const fillLevel = async (levelGroup: string, name: string, value: string) => {
  const level = group(levelGroup);
  // Both are required: their labels end in an asterisk.
  await level.getByRole('textbox', { name: /^Name/ }).fill(name);
  await level.getByRole('textbox', { name: new RegExp(`^${levelGroup.replace(/ level \d$/, '')}`) }).fill(value);
};

const COMBINATIONS = [
  'A (control): Subject: Short · From name: Brand',
  'B: Subject: Short · From name: Person',
  'C: Subject: Long · From name: Brand',
  'D: Subject: Long · From name: Person',
];

test('sets up a 2 × 2 multivariate test in the panel: its combinations listed, a refusal at the level, saved and read back after a reload', async () => {
  const documentId = await createCampaign('Multivariate news');
  await open(documentId, 'Multivariate news');

  await page().getByRole('button', { name: 'Set up an A/B test' }).click();
  await page().getByRole('combobox', { name: 'Test design' }).click();
  await page().getByRole('option', { name: 'Multivariate (all combinations)' }).click();
  await group('Factor 1').waitFor();
  await fillLevel('Subject level 1', 'Short', 'Sale');
  await fillLevel('Subject level 2', 'Long', 'Our spring sale starts now');
  await page().getByRole('button', { name: 'Add a factor' }).click();
  // The subject is factor 1's: factor 2 is offered every other field.
  await group('Factor 2').getByRole('combobox', { name: 'Field' }).click();
  await expect(page().getByRole('option', { name: 'Subject' }).count()).resolves.toBe(0);
  await page().getByRole('option', { name: 'From name' }).click();
  await fillLevel('From name level 1', 'Brand', 'The shop');
  // The same sender twice makes two combinations send one message: the server refuses it at that level.
  await fillLevel('From name level 2', 'Person', 'The shop');

  const combinations = page().getByRole('region', { name: 'Combinations' });
  await combinations.getByText('2 × 2 = 4 combinations').waitFor();
  for (const line of COMBINATIONS) await combinations.getByText(line, { exact: true }).waitFor();

  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await group('From name level 2')
    .getByText(/level "Person" gives the same from name as level "Brand"/)
    .waitFor();
  expect(await storedExperiment(documentId)).toBeNull();

  await fillLevel('From name level 2', 'Person', 'Ann at the shop');
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await page().getByText('A/B test saved').first().waitFor();
  const stored = await storedExperiment(documentId);
  expect(stored).toMatchObject({
    state: 'draft',
    design: 'factorial',
    factors: [
      { field: 'subject', levels: [{ name: 'Short' }, { name: 'Long' }] },
      {
        field: 'fromName',
        levels: [
          { name: 'Brand', value: 'The shop' },
          { name: 'Person', value: 'Ann at the shop' },
        ],
      },
    ],
  });
  expect(stored!.variants.map((v: { key: string; subject: string; fromName: string }) => [v.key, v.subject, v.fromName])).toEqual([
    ['A', 'Sale', 'The shop'],
    ['B', 'Sale', 'Ann at the shop'],
    ['C', 'Our spring sale starts now', 'The shop'],
    ['D', 'Our spring sale starts now', 'Ann at the shop'],
  ]);

  await page().reload();
  await page().getByRole('heading', { name: 'Multivariate news', level: 1 }).waitFor();
  await expect(page().getByRole('combobox', { name: 'Test design' }).textContent()).resolves.toContain('Multivariate (all combinations)');
  const reloaded = page().getByRole('region', { name: 'Combinations' });
  await reloaded.getByText('2 × 2 = 4 combinations').waitFor();
  for (const line of COMBINATIONS) await reloaded.getByText(line, { exact: true }).waitFor();
  await expect(
    group('From name level 2')
      .getByRole('textbox', { name: /^From name/ })
      .inputValue()
  ).resolves.toBe('Ann at the shop');
  await screenshot('multivariate-set-up');
});

test("shows a decided multivariate test's main effects per factor and level, the significant one marked", async () => {
  const documentId = await createCampaign('Multivariate results');
  const factor = (field: Factor['field'], levels: Array<[string, string]>): Factor => ({
    field,
    levels: levels.map(([name, value]) => ({ name, value })),
  });
  const factors = [
    factor('subject', [
      ['Short', 'Sale'],
      ['Long', 'Our spring sale starts now'],
    ]),
    factor('fromName', [
      ['Brand', 'The shop'],
      ['Person', 'Ann at the shop'],
    ]),
  ];
  await service('experiments').put(documentId, { design: 'factorial', factors, metric: 'click' });
  const experimentId = await startWithoutSending(documentId);
  // The long subject doubles clicks whatever the sender.
  const clicks: Record<string, number> = { A: 30, B: 31, C: 60, D: 61 };
  const others = { sent: 1000, opens: 300, replies: 0, unsubscribes: 0, complaints: 0 };
  const tallies: VariantTally[] = Object.entries(clicks).map(([key, n]) => ({ key, clicks: n, ...others }));
  const decision = decide(tallies, { rule: 'bayesian', metric: 'click', control: 'A', minSamplePerVariant: 100, seed: 1 });
  const mainEffects = mainEffectsOf(cellsOf(factors), tallies, 'click', 0.95);
  const figures = { ...decision, mainEffects } as unknown as Record<string, unknown>;
  expect(await recordDecision(app().strapi, { experimentId, action: 'decide', winner: 'D', figures })).toBe(true);

  await open(documentId, 'Multivariate results');
  const table = page().getByRole('grid', { name: 'Main effects' });
  const long = table.getByRole('row', { name: 'Subject: Long' });
  await long.getByText('6.05% (121 of 2,000)').waitFor();
  await long.getByText('+1.5 points').waitFor();
  await long.getByText('significant').waitFor();
  const person = table.getByRole('row', { name: 'From name: Person' });
  await person.getByText('+0.05 points').waitFor();
  await person.getByText('no', { exact: true }).waitFor();
  await page().getByRole('group', { name: 'Variant D: Subject: Long · From name: Person' }).waitFor();
  await screenshot('multivariate-results');
});
