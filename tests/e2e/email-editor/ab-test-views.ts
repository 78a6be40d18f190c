import type { Locator } from 'playwright-core';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { experimentPanel } from '../../helpers/experiment-panel';
import { HELLO_MJML } from '../../helpers/experiments';

const HOUR = 3_600_000;

const browser = useGroupBrowser();
const { app, page, screenshot } = browser;
const { service, createCampaign, open, group, storedExperiment, startWithoutSending } = experimentPanel(browser);

const EVENING = HELLO_MJML.replace('Hello', 'Good evening');
// Line 3 closes a column that is not open: an MJML error there.
const BROKEN = '<mjml>\n<mj-body>\n<mj-section><mj-text>Hi</mj-column></mj-section>\n</mj-body>\n</mjml>';

const knex = () => app().strapi.db.connection;

/** Waits for an input to show `expected`: the stored test fills the panel once it is read. */
const showsValue = async (input: Locator, expected: string) => {
  const element = await input.elementHandle();
  await page().waitForFunction(([el, value]) => (el as unknown as { value: string }).value === value, [element, expected] as const);
};

test('previews the variants side by side as typed, unsaved: each column its own subject, sender and content; a broken one says why', async () => {
  const documentId = await createCampaign('Side by side news');
  await open(documentId, 'Side by side news');
  await page().getByRole('button', { name: 'Set up an A/B test' }).click();
  await group('Variant B').getByRole('textbox', { name: 'Subject' }).fill('Evening news for {{ contact.firstName }}');
  await group('Variant B').getByRole('textbox', { name: 'Content (MJML)' }).fill(EVENING);
  await page().getByRole('button', { name: 'Add a variant' }).click();
  await group('Variant C').getByRole('textbox', { name: 'From name' }).fill('Ann from the shop');

  await page().getByRole('button', { name: 'Preview variants side by side' }).click();
  const column = (name: string) => page().getByRole('region', { name });
  const a = column('Variant A: Control');
  const b = column('Variant B: Variant B');
  const c = column('Variant C: Variant C');
  await a.getByText('Spring news', { exact: true }).waitFor();
  await a.getByText('The shop', { exact: true }).waitFor();
  await a.frameLocator('iframe').getByText('Hello Alex').waitFor();
  await b.getByText('Evening news for Alex', { exact: true }).waitFor();
  await b.frameLocator('iframe').getByText('Good evening Alex').waitFor();
  await c.getByText('Ann from the shop', { exact: true }).waitFor();
  await c.getByText('Spring news', { exact: true }).waitFor();
  await c.frameLocator('iframe').getByText('Hello Alex').waitFor();
  // Side by side: the columns' tops are level, each further right.
  const boxes = await Promise.all([a, b, c].map((col) => col.boundingBox()));
  expect(boxes[1]!.y).toBeCloseTo(boxes[0]!.y, 0);
  expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x);
  expect(boxes[2]!.x).toBeGreaterThan(boxes[1]!.x);
  await screenshot('ab-test-side-by-side');

  // Typing in the panel re-renders that column; a broken template is its column's error, the others still render.
  await group('Variant C').getByRole('textbox', { name: 'Content (MJML)' }).fill(BROKEN);
  await c
    .getByRole('alert')
    .getByText(/variants\[2\]\.content: MJML errors: line 3/)
    .waitFor();
  await b.frameLocator('iframe').getByText('Good evening Alex').waitFor();
  // Nothing was saved by previewing.
  expect(await storedExperiment(documentId)).toBeNull();
});

test('a variant’s send time is picked on the admin’s clock, saved with its offset, and shown again after a reload', async () => {
  const documentId = await createCampaign('Evening send news');
  await open(documentId, 'Evening send news');
  await page().getByRole('button', { name: 'Set up an A/B test' }).click();
  const b = group('Variant B');
  await b.getByRole('combobox', { name: 'Send date' }).fill('12/10/2030');
  await b.getByRole('combobox', { name: 'Send time of day' }).click();
  await page().getByRole('option', { name: '14:30' }).click();
  await page().getByRole('button', { name: 'Save A/B test' }).click();
  await page().getByText('A/B test saved').first().waitFor();

  const stored = (await storedExperiment(documentId))!.variants[1];
  // 14:30 on 10 December 2030 on the browser's clock, stored with that clock's offset.
  const picked = await page().evaluate(() => new Date(2030, 11, 10, 14, 30).getTime());
  expect(stored).toMatchObject({ key: 'B', sendAt: expect.stringMatching(/^2030-12-10T14:30:00[+-]\d\d:\d\d$/) });
  expect(Date.parse(stored.sendAt)).toBe(picked);

  await page().reload();
  await page().getByRole('heading', { name: 'Evening send news', level: 1 }).waitFor();
  await showsValue(group('Variant B').getByRole('combobox', { name: 'Send time of day' }), '14:30');
  await showsValue(group('Variant B').getByRole('combobox', { name: 'Send date' }), '12/10/2030');
  await group('Variant B').getByRole('combobox', { name: 'Send date' }).scrollIntoViewIfNeeded();
  await screenshot('ab-test-send-time');
});

test('the results chart the metric over time, one line and legend entry per variant', async () => {
  const documentId = await createCampaign('Charted news');
  await service('experiments').put(documentId, {
    variants: [
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Loud subject', subject: 'LAST CHANCE' },
    ],
    metric: 'click',
  });
  const { id: campaignId } = await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .findOne({ where: { documentId }, select: ['id'] });
  await startWithoutSending(documentId);
  // The test group went out three hours ago: 10 messages each; people clicked A's 2 and B's 5 in the hours since.
  const started = Date.now() - 3 * HOUR;
  const hour = (n: number) => Math.floor(started / HOUR) * HOUR + n * HOUR;
  await knex()('campaigns_sends').insert({
    campaign_id: campaignId,
    state: 'dispatched',
    rules: '{}',
    started_at: started,
    updated_at: started,
  });
  await knex()('campaigns_deliveries').insert(
    ['A', 'B'].flatMap((key) =>
      Array.from({ length: 10 }, (_, i) => ({
        campaign_id: campaignId,
        contact_id: (key === 'A' ? 0 : 100) + i + 1,
        variant: key,
        state: 'sent',
        email: `p${i}-${key}@chart.test`,
        sent_at: started,
      }))
    )
  );
  await knex()('campaigns_rollup_hours').insert([
    { campaign_id: campaignId, variant: 'A', metric: 'unique_click_human', hour: hour(1), value: 2 },
    { campaign_id: campaignId, variant: 'B', metric: 'unique_click_human', hour: hour(1), value: 3 },
    { campaign_id: campaignId, variant: 'B', metric: 'unique_click_human', hour: hour(2), value: 2 },
  ]);

  await open(documentId, 'Charted news');
  const chart = page().getByRole('img', { name: /^Clicks over time, per variant: / });
  await chart.waitFor();
  await expect(chart.getAttribute('aria-label')).resolves.toBe('Clicks over time, per variant: A: Control 20%, B: Loud subject 50%');
  await expect(chart.locator('.recharts-legend-item-text').allTextContents()).resolves.toEqual(['A: Control', 'B: Loud subject']);
  await expect(chart.locator('path.recharts-line-curve').count()).resolves.toBe(2);
  await screenshot('ab-test-chart');

  await page().getByRole('region', { name: 'Clicks over time, per variant' }).getByRole('button', { name: 'Show as a table' }).click();
  const table = page().getByRole('grid', { name: 'Clicks over time, per variant' });
  await table.getByText('B: Loud subject', { exact: true }).waitFor();
  await table.getByText('50%').first().waitFor();
});
