import { rootOf } from '../../../server/src/composition/accessor';
import type { InboundNotice } from '../../../server/src/features/inbound/notice';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { insertSentCampaign } from '../../helpers/sent-fixture';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

/** A bounce as a mailbox would get it, with markup an attacker put in: it must show as text. */
const HOSTILE_DSN = `From: MAILER-DAEMON@mx.example.net
Subject: Undelivered Mail Returned to Sender

<b>bold claim</b> <script>window.__pwned = true</script>
<zoe@example.com>: 550 5.1.1 User unknown
`;

const knex = () => app().strapi.db.connection;
/** The notices' table comes after the rates panel's. */
const rowsShown = () => page().locator('table').last().locator('tbody tr');
let bounceId: number;

beforeAll(async () => {
  // The deliveries a send would have left, each with the Message-ID the notices quote.
  await insertSentCampaign(app().strapi, 'November letter', ['zoe@example.com', 'yan@example.com'], {
    sentAt: Date.now() - 3_600_000,
    messageDomain: 'e2e.example.com',
  });
  const notice = (kind: 'bounce' | 'complaint', email: string, reference: string, raw: string | null = null): InboundNotice => ({
    source: kind === 'bounce' ? 'mailbox' : 'webhook',
    origin: kind === 'bounce' ? 'imap:bounces' : 'generic',
    reference,
    kind,
    at: Date.now(),
    recipients: [
      kind === 'bounce'
        ? { email, bounceType: 'hard', reason: 'userunknown', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }
        : { email, bounceType: null, reason: 'feedback', status: null, diagnostic: null },
    ],
    feedbackType: kind === 'complaint' ? 'abuse' : null,
    match: { messageIds: [`<${email}@e2e.example.com>`] },
    raw,
  });
  const { inbound } = rootOf(app().strapi).running;
  [{ id: bounceId }] = await inbound.apply([notice('bounce', 'zoe@example.com', 'e2e-dsn-zoe', HOSTILE_DSN)]);
  await inbound.apply([notice('complaint', 'yan@example.com', 'e2e-arf-yan')]);
  await inbound.apply([notice('bounce', 'stranger@elsewhere.example', 'e2e-dsn-stranger')]);
}, 120_000);

test('the page lists what came back with its rates, and filters by kind and by matched or not', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Bounces & complaints' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/inbound$/);
  await page().getByText('3 notices', { exact: true }).waitFor();
  await expect(rowsShown().count()).resolves.toBe(3);
  const rates = page().getByRole('region', { name: 'Bounce and complaint rates' });
  await rates.getByText('the last 7 days').waitFor();
  // 1 hard bounce and 1 complaint of 2 sent: 50% each, far past 0.3%.
  const letter = rates.getByRole('row').filter({ has: page().getByRole('link', { name: 'November letter' }) });
  expect(await letter.getByRole('gridcell').allInnerTexts()).toEqual(['November letter', 'sent', '2', '50% (1)', '50% (1)']);
  await screenshot('inbound-page');

  await page().getByRole('combobox', { name: 'Kind' }).click();
  await page().getByRole('option', { name: 'complaint', exact: true }).click();
  await page().getByText('1 notice', { exact: true }).waitFor();
  await page().getByRole('gridcell', { name: 'yan@example.com' }).first().waitFor();
  expect(new URL(page().url()).searchParams.get('kind')).toBe('complaint');

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/inbound`);
  await page().getByRole('combobox', { name: 'Matched' }).click();
  await page().getByRole('option', { name: 'Unmatched', exact: true }).click();
  await page().getByText('1 notice', { exact: true }).waitFor();
  await page().getByText('stranger@elsewhere.example').waitFor();
  await page().getByText('unmatched', { exact: true }).waitFor();
});

test('a notice shows its raw mail as escaped text, and undo lifts its suppression with a record of who did it', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/inbound`);
  await page().getByRole('gridcell', { name: 'zoe@example.com' }).first().click();
  await page().waitForURL(new RegExp(`/plugins/campaigns/inbound/${bounceId}$`));
  await page().getByRole('heading', { name: 'bounce from zoe@example.com', level: 1 }).waitFor();

  const raw = page().getByRole('region', { name: 'Raw message' }).locator('pre');
  expect(await raw.innerText()).toContain('<b>bold claim</b> <script>window.__pwned = true</script>');
  await expect(raw.locator('b, script').count()).resolves.toBe(0);
  expect(await page().evaluate('window.__pwned')).toBeUndefined();
  await page().getByText('550 5.1.1 User unknown', { exact: true }).waitFor();
  await screenshot('inbound-notice');

  await page().getByRole('button', { name: 'Undo suppression' }).click();
  await page().getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await page()
    .getByText(/^Undone by Ada Admin <ada@example.com> on /)
    .waitFor();
  await page().getByText('Suppression lifted: zoe@example.com is subscribed now').waitFor();
  await expect(page().getByRole('button', { name: 'Undo suppression' }).count()).resolves.toBe(0);

  expect(await knex()('campaigns_inbound_notices').where({ id: bounceId }).first()).toMatchObject({
    action: 'undone',
    undone_by: 'Ada Admin <ada@example.com>',
  });
  expect((await app().strapi.plugin('campaigns').service('contacts').findByEmail('zoe@example.com')).state).toBe('subscribed');
  expect(await app().strapi.plugin('campaigns').service('suppressions').isSuppressed('zoe@example.com')).toBe(false);
});

test('the settings show the bounce policy, and a campaign the rate guard paused says why', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/settings`);
  const policy = page().getByRole('region', { name: 'Bounce policy' });
  await policy.getByText('suppresses the address at once').waitFor();
  await policy.getByText('on 3 campaigns within 30 days: suppressed for 30 days').waitFor();
  await policy.getByText('pauses a sending campaign after 500 messages when complaints pass 0.3% or hard bounces 5%').waitFor();

  const campaigns = app().strapi.db.query('plugin::campaigns.campaign');
  const letter = await campaigns.findOne({ where: { name: 'November letter' } });
  await campaigns.update({
    where: { id: letter.id },
    data: {
      state: 'paused',
      pauseReason: {
        cause: 'complaint-rate',
        message: 'complaint rate 50% (1 of 2 sent) is above the limit of 0.3%',
        at: new Date().toISOString(),
        rate: { value: 0.5, limit: 0.003, count: 1, sent: 2 },
      },
    },
  });
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${letter.documentId}`);
  await page().getByText('Paused by the plugin').waitFor();
  await page()
    .getByText(/its complaint rate 50% \(1 of 2 sent\) passed the limit of 0\.3%/)
    .waitFor();
  await screenshot('campaign-paused-by-rate-guard');
});
