import fs from 'node:fs';
import { rootOf } from '../../server/src/composition/accessor';
import { useAdminInBrowser } from '../helpers/admin-browser';
import { mjmlText } from '../helpers/code-editor';
import { useSmtpSink } from '../helpers/smtp-sink';
import { EVENT_WAIT_MS } from '../helpers/wait';

// The playground sends through SMTP_HOST:SMTP_PORT: the sink starts first, and the browser helper
// reads `env` in its own beforeAll, registered after the one that fills in the sink's port.
const sink = useSmtpSink();
// One message a second: slow enough for the pause and cancel test to catch a send under way.
const env: Record<string, string> = { SMTP_HOST: '127.0.0.1', CAMPAIGNS_RATE: '1' };
beforeAll(() => {
  env.SMTP_PORT = String(sink().port);
});

const { app, page, baseUrl, screenshot } = useAdminInBrowser({ env, logIn: true });

const TEMPLATE = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Bonjour {{ contact.firstName | default: 'ami' }}, spring is here.</mj-text>
        <mj-text><a href="https://example.com/spring-menu">The spring menu</a></mj-text>
        <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

let campaignId: string;
let readyId: string;

/** The pre-send check's confirmation of a schedule whose message has errors: the editor schedules it anyway. */
const confirmPresendErrors = async () => {
  const dialog = page().getByRole('alertdialog');
  await dialog.getByText(/^The pre-send check found \d+ errors?/).waitFor();
  await dialog.getByText('Schedule it anyway?').waitFor();
  await dialog.getByRole('button', { name: /confirm/i }).click();
  await dialog.waitFor({ state: 'detached' });
};

beforeAll(async () => {
  const plugin = app().strapi.plugin('campaigns');
  for (const [email, firstName] of [
    ['amelie@example.com', 'Amelie'],
    ['bruno@example.com', 'Bruno'],
    ['chris@example.com', 'Chris'],
  ]) {
    await plugin.service('contacts').create({ email, firstName });
  }
  // Readers are mailed only by the pause test: ten more messages keep its send going long enough.
  for (let i = 1; i <= 10; i += 1) await plugin.service('contacts').create({ email: `reader${i}@example.org`, firstName: `Reader ${i}` });
  await plugin
    .service('segments')
    .create({ name: 'Customers', rules: { match: 'all', rules: [{ field: 'email', operator: 'endsWith', value: '@example.com' }] } });
  const everyone = await plugin.service('segments').create({ name: 'Everyone', rules: { match: 'all', rules: [] } });
  await plugin
    .service('segments')
    .create({ name: 'Bruno only', rules: { match: 'all', rules: [{ field: 'email', operator: 'eq', value: 'bruno@example.com' }] } });
  campaignId = (await plugin.service('campaigns').create({ name: 'Spring news' })).documentId;
  const ready = {
    subject: 'Summer',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    segment: everyone.documentId,
    content: TEMPLATE,
  };
  readyId = (await plugin.service('campaigns').create({ name: 'Summer news', ...ready })).documentId;
}, 120_000);

const frame = () => page().frameLocator('iframe[title="Preview"]');
const frameWidth = () =>
  page()
    .locator('iframe[title="Preview"]')
    .evaluate((el) => el.getBoundingClientRect().width);

const waitForAsync = async (check: () => Promise<boolean>, what: string, timeoutMs = EVENT_WAIT_MS) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const waitFor = async (check: () => boolean, what: string, timeoutMs = EVENT_WAIT_MS) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

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

  await page().getByRole('textbox', { name: 'MJML' }).fill(TEMPLATE);
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
    .fill(TEMPLATE.replace("{{ contact.firstName | default: 'ami' }}", '{{ constructor }}'));
  await page().getByRole('alert').filter({ hasText: 'constructor' }).waitFor();
  await expect(page().locator('iframe[title="Preview"]').count()).resolves.toBe(0);
  await screenshot('campaign-editor-template-error');
  // Saving it is refused too, with the reason under the MJML field.
  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await page().locator('.cm-content[aria-invalid="true"]').waitFor();
  await expect(page().getByRole('textbox', { name: 'MJML' }).getAttribute('aria-invalid')).resolves.toBe('true');
  await page().getByRole('textbox', { name: 'MJML' }).fill(TEMPLATE);
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
    content: TEMPLATE,
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
  await waitFor(() => sink().received.length >= 2, 'the two test messages');
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

  await waitFor(() => sink().received.length >= 5, 'the three campaign messages');
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

test('pauses, resumes and cancels a send under way', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${readyId}`);
  await page().getByRole('heading', { name: 'Summer news', level: 1 }).waitFor();
  await page().getByRole('button', { name: 'Send now' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();

  await page().getByRole('button', { name: 'Pause' }).click();
  await page().getByRole('button', { name: 'Resume' }).waitFor();
  await page().getByText('paused', { exact: true }).waitFor();
  // Paused, the campaign can be edited again.
  await expect(page().getByRole('textbox', { name: 'Subject' }).isDisabled()).resolves.toBe(false);
  await screenshot('campaign-editor-paused');

  await page().getByRole('button', { name: 'Resume' }).click();
  await page().getByRole('button', { name: 'Cancel sending' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();
  await page().getByText('cancelled', { exact: true }).waitFor();
  await page().getByText('This campaign is cancelled').waitFor();
  await expect(page().getByRole('button', { name: 'Resume' }).count()).resolves.toBe(0);
  const stored = await app().strapi.documents('plugin::campaigns.campaign').findOne({ documentId: readyId });
  expect(stored?.state).toBe('cancelled');
});

test('schedules a campaign from its page, sees it on the calendar, drags it to another day, and takes it back', async () => {
  const plugin = app().strapi.plugin('campaigns');
  const segment = await plugin
    .service('segments')
    .create({ name: 'Planned readers', rules: { match: 'all', rules: [{ field: 'email', operator: 'eq', value: 'bruno@example.com' }] } });
  const { documentId } = await plugin.service('campaigns').create({
    name: 'Planned news',
    subject: 'Later',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    segment: segment.documentId,
    content: TEMPLATE,
  });
  const stored = () => app().strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Planned news', level: 1 }).waitFor();
  await page().getByLabel(/^Date/).fill('2027-01-15');
  await page()
    .getByLabel(/^Time(?! zone)/)
    .fill('10:30');
  await page()
    .getByLabel(/^Time zone/)
    .fill('America/New_York');
  // The server's plan of it, before anything is set.
  await page()
    .getByText(/^First message .*15:30 UTC, last .*15:30 UTC; 1 wave, 1 contact\.$/)
    .waitFor();
  await page().getByRole('button', { name: 'Schedule', exact: true }).click();
  // The pre-send check runs first and finds errors (no postal address): scheduling waits for a confirmation.
  await confirmPresendErrors();
  await page()
    .getByText(/^Scheduled: .*10:30 in America\/New_York$/)
    .waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await screenshot('campaign-editor-scheduled');
  expect(await stored()).toMatchObject({
    state: 'scheduled',
    schedule: { mode: 'at', date: '2027-01-15', time: '10:30', timezone: 'America/New_York' },
  });
  expect(new Date((await stored()).sendAt).toISOString()).toBe('2027-01-15T15:30:00.000Z');

  // On each recipient's clock, spread over two hours, inside office hours: Bruno has no zone, the campaign's serves.
  await page().getByRole('switch').click();
  await page()
    .getByLabel(/^Spread over/)
    .fill('2');
  await page().getByText('Only send inside a window').click();
  await page().getByRole('textbox', { name: 'Opens at' }).fill('11:00');
  await page()
    .getByText(/^First message .*16:00 UTC, last .*16:00 UTC; 1 wave, 1 contact\.$/)
    .waitFor();
  await screenshot('campaign-editor-schedule-window');
  await page().getByRole('button', { name: 'Reschedule' }).click();
  await confirmPresendErrors();
  await waitForAsync(async () => (await stored()).schedule?.mode === 'recipient-local', 'the new schedule to be stored');
  expect((await stored()).schedule).toEqual({
    mode: 'recipient-local',
    date: '2027-01-15',
    time: '10:30',
    timezone: 'America/New_York',
    spreadHours: 2,
    window: { days: [1, 2, 3, 4, 5], start: '11:00', end: '17:00', zone: 'recipient' },
  });

  // A time that has passed is refused, and nothing changes.
  await page().getByLabel(/^Date/).fill('2020-01-15');
  await page()
    .getByText(/has already passed in some of the audience's time zones/)
    .first()
    .waitFor();
  await page().getByRole('button', { name: 'Reschedule' }).click();
  await confirmPresendErrors();
  expect((await stored()).schedule.date).toBe('2027-01-15');

  // The calendar shows it on its day; dragged to another, it is rescheduled there at its time.
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/calendar`);
  await page().getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
  while (!(await page().locator('td[data-day="2027-01-15"]').count())) await page().getByRole('button', { name: 'Next month' }).click();
  const entry = page().locator('td[data-day="2027-01-15"] [data-campaign="Planned news"]');
  await entry.waitFor();
  await screenshot('calendar-month');
  await entry.dragTo(page().locator('td[data-day="2027-01-20"]'));
  await page().getByText('Moved "Planned news" to 2027-01-20').waitFor();
  await page().locator('td[data-day="2027-01-20"] [data-campaign="Planned news"]').waitFor();
  await waitForAsync(async () => (await stored()).schedule?.date === '2027-01-20', 'the dragged day to be stored');
  expect((await stored()).schedule).toMatchObject({ mode: 'recipient-local', date: '2027-01-20', time: '10:30' });

  await page().getByRole('button', { name: 'Week', exact: true }).click();
  while (!(await page().locator('td[data-day="2027-01-20"]').count())) await page().getByRole('button', { name: 'Next week' }).click();
  await page().locator('td[data-day="2027-01-20"] [data-campaign="Planned news"]').waitFor();
  await screenshot('calendar-week');

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('button', { name: 'Unschedule' }).click();
  await page().getByText('draft', { exact: true }).waitFor();
  expect(await stored()).toMatchObject({ state: 'draft', sendAt: null });
});

test('unschedules a scheduled campaign: it is a draft again, with nothing left to send it', async () => {
  const { documentId } = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Winter news' });
  const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .update({ where: { documentId }, data: { state: 'scheduled', sendAt: nextWeek } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Winter news', level: 1 }).waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await page().getByRole('button', { name: 'Unschedule' }).click();
  await page().getByText('Unscheduled: the campaign is a draft again').waitFor();
  await page().getByText('draft', { exact: true }).waitFor();
  await expect(page().getByRole('button', { name: 'Unschedule' }).count()).resolves.toBe(0);
  const stored = await app().strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId } });
  expect(stored).toMatchObject({ state: 'draft', sendAt: null });
});

test('cancels a scheduled campaign before it goes out, after asking', async () => {
  const { documentId } = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Autumn news' });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .update({ where: { documentId }, data: { state: 'scheduled', sendAt: tomorrow } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Autumn news', level: 1 }).waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await page().getByRole('button', { name: 'Send now' }).waitFor();
  await page().getByRole('button', { name: 'Cancel campaign' }).click();
  const confirm = page().getByRole('alertdialog');
  await confirm.getByText('Cancel "Autumn news" for good? It will not be sent.').waitFor();
  await screenshot('campaign-editor-cancel-scheduled');
  await confirm.getByRole('button', { name: /confirm/i }).click();

  await page().getByText('This campaign is cancelled').waitFor();
  await expect(page().getByRole('button', { name: 'Send now' }).count()).resolves.toBe(0);
  await expect(page().getByRole('button', { name: 'Cancel campaign' }).count()).resolves.toBe(0);
  const stored = await app().strapi.documents('plugin::campaigns.campaign').findOne({ documentId });
  expect(stored?.state).toBe('cancelled');
});

test('the content and its preview side by side on a wide window, stacked on a narrow one, the mail never cut', async () => {
  const { documentId } = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Layout news', content: TEMPLATE });
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await frame().getByText('Bonjour Alex, spring is here.').waitFor();
  const boxOf = async (name: string) => (await page().getByRole('region', { name, exact: true }).boundingBox())!;
  try {
    await page().setViewportSize({ width: 1600, height: 1000 });
    const [content, preview] = [await boxOf('Content'), await boxOf('Preview')];
    expect(preview.x).toBeGreaterThanOrEqual(content.x + content.width);
    expect(preview.y).toBe(content.y);
    await expect(frameWidth()).resolves.toBe(600);
    await page().getByRole('region', { name: 'Content', exact: true }).scrollIntoViewIfNeeded();
    await screenshot('campaign-editor-wide');

    await page().setViewportSize({ width: 1100, height: 1000 });
    await waitForAsync(async () => (await boxOf('Preview')).y >= (await boxOf('Content')).y + (await boxOf('Content')).height, 'stacking');
    await expect(frameWidth()).resolves.toBe(600);

    // Narrower than the mail: its panel scrolls sideways, the page does not, and the frame keeps its width.
    await page().setViewportSize({ width: 900, height: 1000 });
    const frameBox = page().locator('iframe[title="Preview"]');
    await waitForAsync(
      () => frameBox.evaluate((el) => el.parentElement!.scrollWidth > el.parentElement!.clientWidth),
      'the preview to scroll in its panel'
    );
    await expect(frameWidth()).resolves.toBe(600);
    await expect(
      page()
        .locator('html')
        .evaluate((html) => html.scrollWidth <= html.clientWidth)
    ).resolves.toBe(true);
    await frameBox.scrollIntoViewIfNeeded();
    await screenshot('campaign-editor-narrow');
    await page().getByRole('button', { name: 'Mobile', exact: true }).click();
    await expect(frameWidth()).resolves.toBe(375);
    await frameBox.scrollIntoViewIfNeeded();
    await screenshot('campaign-editor-narrow-mobile');
    await page().getByRole('button', { name: 'Desktop', exact: true }).click();
  } finally {
    await page().setViewportSize({ width: 1400, height: 1000 });
  }
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
  await expect(mjmlText(page())).resolves.toBe(TEMPLATE);
  await expect(page().getByRole('textbox', { name: 'Subject' }).isDisabled()).resolves.toBe(false);
  await frame().getByText('Bonjour Alex, spring is here.').waitFor();
  await screenshot('campaign-editor-duplicate');
  const copyId = new URL(page().url()).pathname.split('/').at(-1)!;
  const copy = await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .findOne({ where: { documentId: copyId }, populate: ['segment'] });
  expect(copy).toMatchObject({ state: 'draft', content: TEMPLATE, fromEmail: 'news@example.com', segment: { name: 'Customers' } });
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
