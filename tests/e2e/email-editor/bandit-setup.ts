import { storeNextWave } from '../../../server/src/features/experiments/wave-store';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { experimentPanel } from '../../helpers/experiment-panel';

const browser = useGroupBrowser();
const { app, page, screenshot } = browser;
const { service, createCampaign, open, group, storedExperiment, startWithoutSending } = experimentPanel(browser);

test('sets up a bandit in the panel: its waves and the pause between them are saved and kept on reload', async () => {
  const documentId = await createCampaign('Bandit news');
  await open(documentId, 'Bandit news');

  await page().getByRole('button', { name: 'Set up an A/B test' }).click();
  await page().getByRole('combobox', { name: 'Test design' }).click();
  await page().getByRole('option', { name: 'Bandit (shift traffic as results come in)' }).click();
  await group('Variant B').getByRole('textbox', { name: 'Subject' }).fill('Spring sale');
  const waves = group('Waves');
  // A bandit sends to everyone in its waves: no test share to set.
  await expect(page().getByRole('textbox', { name: 'Test share (% of the audience)' }).count()).resolves.toBe(0);
  await waves.getByText('Each wave ≈ 20% of the audience').waitFor();
  await waves.getByRole('textbox', { name: 'Number of waves' }).fill('4');
  await waves.getByText('Each wave ≈ 25% of the audience').waitFor();
  await waves.getByRole('textbox', { name: 'Minutes between waves' }).fill('30');
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await page().getByText('A/B test saved').first().waitFor();
  expect(await storedExperiment(documentId)).toMatchObject({ state: 'draft', design: 'bandit', waves: 4, waveMinutes: 30, testShare: 100 });

  await page().reload();
  await page().getByRole('heading', { name: 'Bandit news', level: 1 }).waitFor();
  const kept = group('Waves');
  await expect(kept.getByRole('textbox', { name: 'Number of waves' }).inputValue()).resolves.toBe('4');
  await expect(kept.getByRole('textbox', { name: 'Minutes between waves' }).inputValue()).resolves.toBe('30');
  await expect(page().getByRole('combobox', { name: 'Test design' }).textContent()).resolves.toContain('Bandit');
  await kept.scrollIntoViewIfNeeded();
  await screenshot('bandit-setup');

  // A number of waves out of bounds is refused at its field, and nothing changes.
  await kept.getByRole('textbox', { name: 'Number of waves' }).fill('60');
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await kept.getByText('must be from 2 to 50').waitFor();
  expect(await storedExperiment(documentId)).toMatchObject({ waves: 4 });
});

test("a running bandit's results show each wave's shares, when it started, and the reallocation in the log", async () => {
  const documentId = await createCampaign('Bandit results');
  await service('experiments').put(documentId, {
    design: 'bandit',
    waves: 3,
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Loud subject', subject: 'LAST CHANCE' },
    ],
  });
  const experimentId = await startWithoutSending(documentId);
  await app()
    .strapi.db.connection('campaigns_experiment_waves')
    .insert({
      experiment_id: experimentId,
      wave: 1,
      shares: JSON.stringify({ A: 0.5, B: 0.5 }),
      started_at: Date.parse('2026-03-02T09:00:00Z'),
      sent_at: Date.parse('2026-03-02T09:05:00Z'),
    });
  const figures = {
    wave: 2,
    metric: 'click' as const,
    floor: 0.05,
    variants: [
      { key: 'A', sent: 100, trials: 100, successes: 2, probabilityBest: 0.1, share: 0.14 },
      { key: 'B', sent: 100, trials: 100, successes: 9, probabilityBest: 0.9, share: 0.86 },
    ],
  };
  const at = Date.parse('2026-03-02T10:05:00Z');
  expect(await storeNextWave(app().strapi, { experimentId, wave: 2, shares: { A: 0.14, B: 0.86 }, figures, reason: 'Wave 2', at })).toBe(
    true
  );

  await open(documentId, 'Bandit results');
  const table = page().getByRole('grid', { name: 'Waves' });
  await page().getByText('2 of 3 waves started', { exact: false }).waitFor();
  const wave2 = table.getByRole('row', { name: 'Wave 2' });
  await wave2.getByText('86%').waitFor();
  await wave2.getByText('14%').waitFor();
  await table.getByRole('row', { name: 'Wave 1' }).getByText('50%').first().waitFor();
  const log = page().getByRole('grid', { name: 'Decisions' });
  await log.getByText('Next wave’s traffic shifted towards the variants doing best').waitFor();
  await log.getByText('Wave 2: A 14%, B 86%, by each variant’s probability of being best so far').waitFor();
  await screenshot('bandit-results');
});
