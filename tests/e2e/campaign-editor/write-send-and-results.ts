import fs from 'node:fs';
import { rootOf } from '../../../server/src/composition/accessor';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { editorPreview, seedEditorAudience, SPRING_TEMPLATE } from '../../helpers/campaign-editor';
import { mjmlText } from '../../helpers/code-editor';
import { waitUntil } from '../../helpers/wait';

/**
 * One campaign's life in its editor, each test going on from the last: written and previewed, sent
 * as a test, checked and sent, its results read (opens, clicks, domains, clients, who did not open),
 * then duplicated and the copy renamed.
 */
const { app, page, baseUrl, screenshot, sink } = useGroupBrowser();
const { frame, frameWidth } = editorPreview(page);

let campaignId: string;

beforeAll(async () => {
  await seedEditorAudience(app().strapi);
  campaignId = (await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Spring news' })).documentId;
}, 120_000);

test('an editor opens a campaign from the list, writes it and previews it live', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Spring news' }).click();
  await page().waitForURL(new RegExp(`/admin/plugins/campaigns/campaigns/${campaignId}$`));
  await page().getByRole('heading', { name: 'Spring news', level: 1 }).waitFor();

  // A new campaign opens on the starter template, already rendered for the sample contact.
  await expect(mjmlText(page())).resolves.toContain('<mj-text');
  await frame().getByRole('link', { name: 'Unsubscribe' }).waitFor();

  await page().getByRole('textbox', { name: 'Subject' }).fill('Spring for {{ contact.firstName | default: "you" }}');
  await page().getByRole('combobox', { name: 'From' }).click();
  await page().getByRole('option', { name: 'Northwind Coffee <news@example.com>' }).click();

  await page().getByRole('combobox', { name: 'Segment' }).click();
  await page().getByRole('option', { name: 'Bruno only' }).click();
  await page().getByRole('status').filter({ hasText: '1 contact can be mailed' }).waitFor();
  await page().getByRole('combobox', { name: 'Segment' }).click();
  await page().getByRole('option', { name: 'Customers' }).click();
  await page().getByRole('status').filter({ hasText: '3 contacts can be mailed' }).waitFor();

  await page().getByRole('textbox', { name: 'MJML' }).fill(SPRING_TEMPLATE);
  await frame()
    .getByText(/spring is here/)
    .waitFor();

  await expect(frameWidth()).resolves.toBe(600);
  await page().getByRole('button', { name: 'Mobile', exact: true }).click();
  await expect(frameWidth()).resolves.toBe(375);
  await page().getByRole('button', { name: 'Desktop', exact: true }).click();
  await expect(frameWidth()).resolves.toBe(600);

  await page().getByRole('combobox', { name: 'Preview as' }).click();
  await page().getByRole('combobox', { name: 'Preview as' }).pressSequentially('bruno');
  await page()
    .getByRole('option', { name: /bruno@example\.com/ })
    .click();
  await frame().getByText('Bonjour Bruno, spring is here.').waitFor();
  await page().getByText('Spring for Bruno', { exact: true }).waitFor();

  await page().getByRole('tab', { name: 'Text' }).click();
  await page().locator('pre').filter({ hasText: 'Bonjour Bruno, spring is here.' }).waitFor();
  await page().getByRole('tab', { name: 'HTML' }).click();
  await frame().getByText('Bonjour Bruno, spring is here.').waitFor();
  await page().locator('iframe[title="Preview"]').scrollIntoViewIfNeeded();
  await screenshot('campaign-editor-preview');

  // A template the server refuses shows its reason where the mail would be.
  await page()
    .getByRole('textbox', { name: 'MJML' })
    .fill(SPRING_TEMPLATE.replace("{{ contact.firstName | default: 'ami' }}", '{{ constructor }}'));
  await page().getByRole('alert').filter({ hasText: 'constructor' }).waitFor();
  await expect(page().locator('iframe[title="Preview"]').count()).resolves.toBe(0);
  await screenshot('campaign-editor-template-error');
  // Saving it is refused too, with the reason under the MJML field.
  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await page().locator('.cm-content[aria-invalid="true"]').waitFor();
  await expect(page().getByRole('textbox', { name: 'MJML' }).getAttribute('aria-invalid')).resolves.toBe('true');
  await page().getByRole('textbox', { name: 'MJML' }).fill(SPRING_TEMPLATE);
  await frame().getByText('Bonjour Bruno, spring is here.').waitFor();

  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await page().getByText('Saved "Spring news"').waitFor();
  const stored = await app()
    .strapi.documents('plugin::campaigns.campaign')
    .findOne({ documentId: campaignId, populate: ['segment'] });
  expect(stored).toMatchObject({
    subject: 'Spring for {{ contact.firstName | default: "you" }}',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    content: SPRING_TEMPLATE,
    plainText: null,
    state: 'draft',
    segment: { name: 'Customers' },
  });
});

test('sends a test to two addresses, then sends the campaign and watches it go out', async () => {
  await page().getByRole('button', { name: 'Send test' }).click();
  const dialog = page().getByRole('dialog', { name: 'Send a test' });
  await dialog.getByRole('textbox', { name: 'Recipients' }).fill('qa@shop.example,\nboss@shop.example');
  await dialog.getByRole('button', { name: 'Send test' }).click();
  await page().getByText('Test sent to 2 addresses').waitFor();
  await waitUntil(() => sink().received.length >= 2, 'the two test messages');
  expect(
    sink()
      .received.flatMap((m) => m.rcptTo)
      .sort()
  ).toEqual(['boss@shop.example', 'qa@shop.example']);
  expect((await sink().parse(sink().received[0])).subject).toBe('[Test] Spring for Bruno');

  // The pre-send check on demand: this message has no postal address, which the law asks for.
  await page().getByRole('button', { name: 'Check before sending' }).click();
  const checked = page().getByRole('dialog', { name: 'Pre-send check' });
  const findings = checked.getByRole('list', { name: 'Pre-send check findings' });
  await findings
    .getByText(/postal address/)
    .first()
    .waitFor();
  await checked.getByText(/^The pre-send check found \d+ errors?: confirm only if you mean to send it anyway\.$/).waitFor();
  await expect(findings.getByRole('listitem').first().innerText()).resolves.toMatch(/^Error\s/i);
  await screenshot('campaign-editor-presend-check');
  await checked.getByRole('button', { name: 'Close', exact: true }).click();

  // Send now runs it again: its errors are in the confirmation, which overrides them.
  await page().getByRole('button', { name: 'Send now' }).click();
  const confirm = page().getByRole('alertdialog');
  await confirm.getByText('to 3 contacts', { exact: false }).waitFor();
  await confirm
    .getByText(/postal address/)
    .first()
    .waitFor();
  await confirm.getByRole('button', { name: /confirm/i }).click();

  await page().locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 30_000 });
  await page().getByRole('group', { name: 'Sent' }).filter({ hasText: '3' }).waitFor();
  await expect(page().getByRole('group', { name: 'Failed' }).textContent()).resolves.toContain('0');
  await screenshot('campaign-editor-sent');

  await waitUntil(() => sink().received.length >= 5, 'the three campaign messages');
  const sent = sink().received.slice(2);
  expect(sent.flatMap((m) => m.rcptTo).sort()).toEqual(['amelie@example.com', 'bruno@example.com', 'chris@example.com']);
  expect((await sink().parse(sink().to('chris@example.com')[0])).subject).toBe('Spring for Chris');

  // Once sent, only the name can change: in the header, with nothing left to save below.
  await page().getByText('only its name can change').waitFor();
  await expect(page().getByRole('textbox', { name: 'Subject' }).isDisabled()).resolves.toBe(true);
  await expect(page().getByRole('button', { name: 'Rename campaign' }).isEnabled()).resolves.toBe(true);
  await expect(page().getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(0);
});

test("reads the sent campaign's results: people's opens by default, machines' on demand", async () => {
  const strapi = app().strapi;
  const knex = strapi.db.connection;
  // The messages left an hour ago: a fetch right after sending is a machine's.
  await knex('campaigns_deliveries')
    .where({ campaign_id: (await knex('campaigns_deliveries').where({ email: 'amelie@example.com' }).first()).campaign_id })
    .update({ sent_at: Date.now() - 3_600_000 });
  const pixelOf = async (email: string) => {
    const html = String((await sink().parse(sink().to(email).at(-1)!)).html);
    return new URL(/https?:\/\/[^"]+\/api\/campaigns\/t\/o\/[A-Za-z0-9._-]+/.exec(html)![0]).pathname;
  };
  const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
  const OUTLOOK = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)';
  for (const [email, agent] of [
    ['amelie@example.com', SAFARI],
    ['bruno@example.com', OUTLOOK],
    ['chris@example.com', 'Mozilla/5.0'],
  ]) {
    expect((await fetch(`${baseUrl()}${await pixelOf(email)}`, { headers: { 'user-agent': agent } })).status).toBe(200);
  }
  await rootOf(strapi).running.tracking.flush();

  await page().reload();
  const opened = page().getByRole('group', { name: 'Opened' });
  await opened.filter({ hasText: '66.67%' }).waitFor();
  await expect(opened.textContent()).resolves.toContain('2 people, 2 opens');
  await expect(page().getByRole('group', { name: 'Delivered' }).textContent()).resolves.toContain('3');
  await expect(page().getByRole('group', { name: 'Machine opens' }).count()).resolves.toBe(0);
  await page().getByRole('switch', { name: 'Show machine opens and clicks' }).click();
  await page().getByRole('group', { name: 'Machine opens' }).filter({ hasText: '1 fetch by privacy proxies' }).waitFor();
  await screenshot('campaign-results');
  const chart = page().getByRole('img', { name: /Opens and clicks over time: 2 opens and 0 clicks over 1 period/ });
  await chart.locator('svg.recharts-surface').first().waitFor();
  await chart.scrollIntoViewIfNeeded();
  await screenshot('campaign-results-chart');

  // The chart's figures as a table, and as a CSV: the hour of the opens, people's and machines'.
  await page().getByRole('button', { name: 'Show as a table' }).click();
  const table = page().getByRole('grid', { name: 'Opens and clicks over time' });
  await expect(table.getByRole('row').nth(1).allInnerTexts()).resolves.toEqual([expect.stringMatching(/UTC\s+2\s+0\s+1\s+0$/)]);
  const download = page().waitForEvent('download');
  // The chart's export is the first; the links table's comes after it.
  await page().getByRole('button', { name: 'Export CSV' }).first().click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('Spring-news-over-time.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toMatch(
    /^\uFEFFPeriod \(UTC start\),Opens,Clicks,Machine opens,Machine clicks\r\n\d{4}-\d\d-\d\dT\d\d:00:00\.000Z,2,0,1,0\r\n$/
  );

  // Who did not open: Chris, whose only open was a privacy proxy's; saved as a segment in one click.
  await page().getByRole('button', { name: 'Did not open' }).click();
  const dialog = page().getByRole('dialog', { name: 'Contacts: Did not open' });
  await dialog.getByText('1 contact a campaign could reach').waitFor();
  await expect(dialog.getByRole('row').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Email\s+Name/i),
    expect.stringMatching(/chris@example\.com\s+Chris/),
  ]);
  await expect(dialog.getByRole('textbox', { name: 'Segment name' }).inputValue()).resolves.toBe('Spring news: Did not open');
  await screenshot('campaign-results-did-not-open');
  await dialog.getByRole('button', { name: 'Save as segment' }).click();
  await page().getByText('Segment "Spring news: Did not open" saved').waitFor();
  await page().waitForURL(/\/admin\/plugins\/campaigns\/segments\/[a-z0-9]+$/);
  const saved = await app().strapi.plugin('campaigns').service('segments').list({ search: 'Did not open' });
  expect(saved.data.map((segment: { name: string }) => segment.name)).toEqual(['Spring news: Did not open']);
  expect(await app().strapi.plugin('campaigns').service('segments').countRules(saved.data[0].rules)).toBe(1);

  // Amélie clicks the menu: the click map marks the link with its share of people's clicks.
  const menu = /https?:\/\/[^"]+\/api\/campaigns\/t\/c\/[A-Za-z0-9._-]+/.exec(
    String((await sink().parse(sink().to('amelie@example.com').at(-1)!)).html)
  )!;
  const click = await fetch(`${baseUrl()}${new URL(menu[0]).pathname}`, { headers: { 'user-agent': SAFARI }, redirect: 'manual' });
  expect([click.status, click.headers.get('location')]).toEqual([302, 'https://example.com/spring-menu']);
  await rootOf(strapi).running.tracking.flush();
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaignId}`);
  await page().getByRole('grid', { name: 'Links clicked' }).getByText('https://example.com/spring-menu').waitFor();
  await page().getByRole('button', { name: 'Show the click map' }).click();
  const map = page().frameLocator('iframe[title="Click map"]');
  await map
    .getByRole('link', { name: /The spring menu/ })
    .locator('[data-click-map]')
    .filter({ hasText: '100% · 1 click' })
    .waitFor();
  await expect(map.locator('[data-click-map]').count()).resolves.toBe(1);
  await page().locator('iframe[title="Click map"]').scrollIntoViewIfNeeded();
  await screenshot('campaign-results-click-map');

  // Where it was read: per recipient domain (counted now that the send is over), by mail client and by device.
  const domains = page().getByRole('grid', { name: 'Recipient domains' });
  await domains.scrollIntoViewIfNeeded();
  await expect(domains.getByRole('row').nth(1).innerText()).resolves.toMatch(
    /^example\.com\s+3\s+2\s+66\.67%\s+1\s+33\.33%\s+0\s+0\s+0\s+0$/
  );
  await expect(domains.getByRole('row').count()).resolves.toBe(2);
  const clients = page().getByRole('grid', { name: 'Mail clients' });
  await expect(clients.getByRole('row').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/Mail client\s+Readers\s+Share/i),
    expect.stringMatching(/^Outlook\s+1\s+50%$/),
    expect.stringMatching(/^Safari\s+1\s+50%$/),
  ]);
  const devices = page().getByRole('grid', { name: 'Devices' });
  await expect(devices.getByRole('row').nth(1).innerText()).resolves.toMatch(/^Desktop\s+2\s+100%$/);
  await devices.scrollIntoViewIfNeeded();
  await screenshot('campaign-results-domains-clients');
  const domainsCsv = page().waitForEvent('download');
  await domains
    .locator('xpath=ancestor::*[.//button[normalize-space()="Export CSV"]][1]')
    .getByRole('button', { name: 'Export CSV' })
    .click();
  const domainsText = fs.readFileSync(await (await domainsCsv).path(), 'utf8');
  expect(domainsText.split('\r\n')[1]).toBe('example.com,3,2,66.67%,1,33.33%,0,0,0,0');

  // The campaigns list: when it went, to how many, and people's open and click rates.
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  const row = page().getByRole('row').filter({ hasText: 'Spring news' });
  await row.filter({ hasText: '66.67%' }).waitFor();
  await expect(row.innerText()).resolves.toMatch(/Spring news[\s\S]*\bsent\s+\d+\/\d+\/\d{4}[\s\S]*\s3\s+sent to\s+66\.67%\s+33\.33%/);
  await screenshot('campaigns-list-rates');
});

test('duplicates a sent campaign from its header: the copy opens as a draft with the same message, and is renamed there', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaignId}`);
  await page().getByRole('heading', { name: 'Spring news', level: 1 }).waitFor();
  await page().getByRole('button', { name: 'Duplicate', exact: true }).click();
  await page().getByText('Duplicated as "Spring news (copy)"').waitFor();
  await page().waitForURL((url) => /\/campaigns\/campaigns\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(campaignId));
  await page().getByRole('heading', { name: 'Spring news (copy)', level: 1 }).waitFor();
  await page().getByText('draft', { exact: true }).waitFor();
  // Nothing of the original's send: no progress, no results, and a schedule to set.
  await page().getByRole('region', { name: 'Schedule', exact: true }).waitFor();
  await expect(page().getByRole('region', { name: 'Sending', exact: true }).count()).resolves.toBe(0);
  await expect(page().getByRole('region', { name: 'Results', exact: true }).count()).resolves.toBe(0);
  await expect(page().getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe(
    'Spring for {{ contact.firstName | default: "you" }}'
  );
  await expect(mjmlText(page())).resolves.toBe(SPRING_TEMPLATE);
  await expect(page().getByRole('textbox', { name: 'Subject' }).isDisabled()).resolves.toBe(false);
  await frame().getByText('Bonjour Alex, spring is here.').waitFor();
  await screenshot('campaign-editor-duplicate');
  const copyId = new URL(page().url()).pathname.split('/').at(-1)!;
  const copy = await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .findOne({ where: { documentId: copyId }, populate: ['segment'] });
  expect(copy).toMatchObject({ state: 'draft', content: SPRING_TEMPLATE, fromEmail: 'news@example.com', segment: { name: 'Customers' } });
  expect(await app().strapi.db.connection('campaigns_deliveries').where({ campaign_id: copy.id }).count({ n: '*' }).first()).toMatchObject({
    n: 0,
  });

  await page().getByRole('button', { name: 'Rename campaign' }).click();
  const dialog = page().getByRole('dialog', { name: 'Rename campaign' });
  await expect(dialog.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Spring news (copy)');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring news, again');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await page().getByRole('heading', { name: 'Spring news, again', level: 1 }).waitFor();
  await screenshot('campaign-editor-renamed');
  expect(
    (
      await app()
        .strapi.db.query('plugin::campaigns.campaign')
        .findOne({ where: { documentId: copyId } })
    ).name
  ).toBe('Spring news, again');
});
