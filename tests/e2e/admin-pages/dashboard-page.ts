import fs from 'node:fs';
import { rootOf } from '../../../server/src/composition/accessor';
import type { InboundNotice } from '../../../server/src/features/inbound/notice';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { insertSentCampaign } from '../../helpers/sent-fixture';

const { app, page, baseUrl, screenshot } = useGroupBrowser();
const DAY = 86_400_000;

/** A campaign that went out `daysAgo` days ago to these addresses. */
const sentCampaign = (name: string, emails: string[], daysAgo: number) =>
  insertSentCampaign(app().strapi, name, emails, { sentAt: Date.now() - daysAgo * DAY, messageDomain: 'dashboard.example.com' });

/** What came back about one message, through the real inbound pipeline: an ESP's open, a complaint, a hard bounce. */
const notice = (kind: 'open' | 'complaint' | 'bounce', email: string): InboundNotice => ({
  source: 'webhook',
  origin: 'generic',
  reference: `dashboard-${kind}-${email}`,
  kind,
  at: Date.now() - 3_600_000,
  recipients: [
    kind === 'bounce'
      ? { email, bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }
      : { email, bounceType: null, reason: null, status: null, diagnostic: null },
  ],
  feedbackType: kind === 'complaint' ? 'abuse' : null,
  match: { messageIds: [`<${email}@dashboard.example.com>`] },
  raw: null,
});

beforeAll(async () => {
  await sentCampaign('Winter sale', ['ana@w.example', 'ben@w.example', 'cyd@w.example', 'dee@w.example'], 2);
  await sentCampaign('Autumn letter', ['eli@a.example', 'flo@a.example'], 45);
  await rootOf(app().strapi).running.inbound.apply([
    notice('open', 'ana@w.example'),
    notice('open', 'ben@w.example'),
    notice('complaint', 'cyd@w.example'),
    notice('bounce', 'dee@w.example'),
    notice('open', 'eli@a.example'),
  ]);
}, 120_000);

test('the dashboard shows the period together, the sender health against the lines, and each campaign', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Dashboard' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/dashboard$/);
  await page().getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  // The last 30 days: Winter sale alone. A hard bounce fails its delivery: 4 sent, 3 delivered.
  const tile = (label: string) => page().getByRole('group', { name: label });
  await tile('Campaigns').getByText('1', { exact: true }).waitFor();
  await expect(tile('Recipients').innerText()).resolves.toMatch(/4\s+3 delivered/);
  await expect(tile('Open rate').innerText()).resolves.toMatch(/66\.67%\s+2 people/);
  await expect(tile('Complaint rate').innerText()).resolves.toMatch(/33\.33%\s+1 in all/);
  await expect(tile('Hard-bounce rate').innerText()).resolves.toMatch(/25%\s+1 in all/);
  await page().getByRole('img', { name: 'Complaints and hard bounces: 1 campaign, 1 over 0.1%, 1 over 0.3%' }).waitFor();
  const table = page().getByRole('grid', { name: 'Campaigns' });
  await expect(table.getByRole('row').nth(1).getByRole('gridcell').allInnerTexts()).resolves.toEqual([
    '',
    'Winter sale',
    expect.any(String),
    '4',
    '66.67%',
    '0%',
    '0%',
    '33.33%',
    '25%',
    '',
  ]);
  await table.getByRole('img', { name: /^Opens per day since sending: \d/ }).waitFor();
  await screenshot('dashboard-30-days');
});

test('90 days add the older campaign; the table sorts, exports, and two campaigns compare side by side', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/dashboard`);
  await page().getByRole('button', { name: '90 days' }).click();
  await page().getByText('The last 90 days of sends').waitFor();
  const table = page().getByRole('grid', { name: 'Campaigns' });
  /** Waits for the table's order to start with `first`, then answers its campaigns in order. */
  const order = async (first: string) => {
    await table.getByRole('row').nth(1).getByRole('link', { name: first }).waitFor();
    return table.getByRole('link').allInnerTexts();
  };
  await expect(order('Winter sale')).resolves.toEqual(['Winter sale', 'Autumn letter']);
  await page().getByRole('button', { name: 'Sort by Opened' }).click();
  await expect(order('Winter sale')).resolves.toEqual(['Winter sale', 'Autumn letter']);
  await expect(
    table.locator('th', { has: page().getByRole('button', { name: 'Sort by Opened' }) }).getAttribute('aria-sort')
  ).resolves.toBe('descending');
  await page().getByRole('button', { name: 'Sort by Opened' }).click();
  await expect(order('Autumn letter')).resolves.toEqual(['Autumn letter', 'Winter sale']);
  await expect(
    table.locator('th', { has: page().getByRole('button', { name: 'Sort by Opened' }) }).getAttribute('aria-sort')
  ).resolves.toBe('ascending');
  await page().getByRole('button', { name: 'Sort by Campaign' }).click();
  await expect(order('Autumn letter')).resolves.toEqual(['Autumn letter', 'Winter sale']);
  await page().getByRole('button', { name: 'Sort by Campaign' }).click();
  await expect(order('Winter sale')).resolves.toEqual(['Winter sale', 'Autumn letter']);

  const download = page().waitForEvent('download');
  await page().getByRole('button', { name: 'Export CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('campaigns-90-days.csv');
  const lines = fs.readFileSync(await csv.path(), 'utf8').split('\r\n');
  expect(lines[0]).toBe('\uFEFFCampaign,Sent,Recipients,Opened,Clicked,Unsubscribed,Complaints,Hard bounces');
  expect(lines[1]).toMatch(/^Winter sale,.+,4,66\.67%,0%,0%,33\.33%,25%$/);
  expect(lines[2]).toMatch(/^Autumn letter,.+,2,50%,0%,0%,0%,0%$/);

  await page().getByText('Tick two to five campaigns in the table to see them side by side.').waitFor();
  await page().getByRole('checkbox', { name: 'Compare Winter sale' }).click();
  await page().getByRole('checkbox', { name: 'Compare Autumn letter' }).click();
  const compared = page().getByRole('grid', { name: 'Side by side' });
  await expect(compared.locator('thead th').allInnerTexts()).resolves.toEqual(['FIGURE', 'WINTER SALE', 'AUTUMN LETTER']);
  await expect(
    compared
      .getByRole('row', { name: /Open rate/ })
      .getByRole('gridcell')
      .allInnerTexts()
  ).resolves.toEqual(['Open rate', '66.67%', '50%']);
  await screenshot('dashboard-compare');
});
