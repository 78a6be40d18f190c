import { waitOutNotifications } from '../../helpers/admin-browser';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { insertReply } from '../../helpers/replies';
import { insertSentCampaign } from '../../helpers/sent-fixture';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

/** A reply whose text looks like markup: the reader must show it as text. */
const HOSTILE_TEXT = '<b>bold claim</b> <script>window.__pwned = true</script>\nTwo bags of the winter blend, please.';
const QUOTED = '> Hello Zoe,\n> the winter blend is here.';

const knex = () => app().strapi.db.connection;
const rowsShown = () => page().locator('tbody tr');
let letter: string;
let zoeReply: number;

beforeAll(async () => {
  const sentAt = Date.now() - 6 * 3_600_000;
  ({ documentId: letter } = await insertSentCampaign(app().strapi, 'December letter', ['zoe@example.com', 'yan@example.com'], {
    sentAt,
    messageDomain: 'e2e.example.com',
  }));
  ({ id: zoeReply } = await insertReply(app().strapi, 'zoe@example.com', {
    class: 'human',
    fromName: 'Zoe Zimmer',
    subject: 'Re: December letter',
    text: HOSTILE_TEXT,
    quoted: QUOTED,
    signature: '--\nZoe',
    raw: `From: Zoe Zimmer <zoe@example.com>\nSubject: Re: December letter\n\n${HOSTILE_TEXT}\n\n${QUOTED}\n`,
    receivedAt: sentAt + 3_600_000,
  }));
  await insertReply(app().strapi, 'yan@example.com', {
    class: 'auto-reply',
    autoReplyKind: 'out-of-office',
    subject: 'Out of office',
    text: 'I am away until 14 January 2027.',
    returnDate: '2027-01-14',
    matchedBy: 'sender',
    receivedAt: sentAt + 2 * 3_600_000,
  });
  // Handled already: the inbox hides it until asked.
  const { id } = await insertReply(app().strapi, 'yan@example.com', {
    class: 'unknown',
    subject: 'Old question',
    text: 'An older mail.',
    receivedAt: sentAt + 1_000,
  });
  await knex()('campaigns_replies')
    .where({ id })
    .update({ handled_at: sentAt + 2_000, handled_by: 'Bea Admin <bea@example.com>' });
}, 120_000);

test('the inbox lists what nobody has handled, filters by class, and the reader shows the reply as text until it is handled', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Replies', exact: true }).click();
  await page().waitForURL(/\/plugins\/campaigns\/replies$/);
  await page().getByText('2 replies', { exact: true }).waitFor();
  await expect(rowsShown().count()).resolves.toBe(2);
  await screenshot('replies-page');

  await page().getByRole('combobox', { name: 'Handled' }).click();
  await page().getByRole('option', { name: 'Handled or not', exact: true }).click();
  await page().getByText('3 replies', { exact: true }).waitFor();
  await page().getByText('Old question').waitFor();

  await page().getByRole('combobox', { name: 'Class' }).click();
  await page().getByRole('option', { name: 'reply', exact: true }).click();
  await page().getByText('1 reply', { exact: true }).waitFor();
  expect(new URL(page().url()).searchParams.get('class')).toBe('human');

  await rowsShown().first().getByRole('gridcell').first().click();
  await page().waitForURL(new RegExp(`/plugins/campaigns/replies/${zoeReply}$`));
  await page().getByRole('heading', { name: 'Re: December letter', level: 1 }).waitFor();
  const text = page().getByRole('region', { name: 'Reply' }).locator('pre').first();
  expect(await text.innerText()).toBe(HOSTILE_TEXT);
  await expect(page().locator('main b, main script').count()).resolves.toBe(0);
  expect(await page().evaluate('window.__pwned')).toBeUndefined();

  // The quote is there on demand only.
  await expect(page().getByText('the winter blend is here.').count()).resolves.toBe(0);
  await page().getByRole('button', { name: 'Show the quoted original' }).click();
  expect(await page().getByRole('region', { name: 'Reply' }).locator('pre').last().innerText()).toBe(QUOTED);
  await page()
    .getByRole('button', { name: /^Show the raw message \(\d+ B\)$/ })
    .waitFor();
  const contactPanel = page().getByRole('region', { name: 'Contact' });
  await contactPanel.getByRole('link', { name: 'zoe@example.com' }).waitFor();
  await contactPanel.getByText('subscribed').waitFor();
  await contactPanel.getByRole('link', { name: 'December letter: its results' }).waitFor();
  await screenshot('reply-reader');

  await page().getByRole('button', { name: 'Mark handled' }).click();
  await page()
    .getByText(/^Handled by Ada Admin <ada@example.com> on /)
    .waitFor();
  await page().getByRole('button', { name: 'Reopen' }).waitFor();
  const row = await knex()('campaigns_replies').where({ id: zoeReply }).first();
  expect(Number(row.handled_at)).toBeGreaterThan(0);
  expect(row.handled_by).toBe('Ada Admin <ada@example.com>');

  await waitOutNotifications(page());
  await page().getByRole('link', { name: '← Replies' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/replies$/);
  await page().getByText('1 reply', { exact: true }).waitFor();
  await expect(page().getByText('Re: December letter').count()).resolves.toBe(0);
});

test("an auto-reply shows its return date and its weak match; the contact's timeline and the campaign's results lead to replies", async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/replies`);
  await rowsShown().filter({ hasText: 'Out of office' }).getByRole('gridcell').first().click();
  await page().getByRole('heading', { name: 'Out of office', level: 1 }).waitFor();
  await page().getByText('out of office', { exact: true }).waitFor();
  await page()
    .getByText(/^Back on .*2027/)
    .waitFor();
  await page()
    .getByText(/^A weaker match: it quoted none of our messages/)
    .waitFor();

  const zoe = await app().strapi.plugin('campaigns').service('contacts').findByEmail('zoe@example.com');
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts/${zoe.documentId}`);
  const events = page().getByRole('list', { name: 'Events' });
  await events.getByText('<b>bold claim</b> <script>window.__pwned = true</script>').waitFor();
  await events.getByRole('link', { name: 'Read the reply' }).click();
  await page().waitForURL(new RegExp(`/plugins/campaigns/replies/${zoeReply}$`));

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${letter}`);
  const counts = page().getByRole('grid', { name: 'Replies by class' });
  await counts.waitFor();
  await counts.getByRole('link', { name: '1 reply: auto-reply' }).waitFor();
  await counts.getByRole('link', { name: '0 replies: asks to be removed' }).waitFor();
  await screenshot('campaign-reply-counts');
  await counts.getByRole('link', { name: '1 reply: reply' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/replies\?/);
  const params = new URL(page().url()).searchParams;
  expect([params.get('campaign'), params.get('class'), params.get('handled')]).toEqual([letter, 'human', 'all']);
  // Zoe's reply, handled since: the campaign's count takes handled replies too.
  await page().getByText('1 reply', { exact: true }).waitFor();
  await page().getByText('Re: December letter').waitFor();
});
