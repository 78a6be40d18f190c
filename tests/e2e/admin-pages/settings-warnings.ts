import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { TEST_POSTAL_ADDRESS } from '../../helpers/sending';

const { page, baseUrl, screenshot } = useGroupBrowser();

test('Settings warns that messages go out without DKIM, and shows the postal address', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/settings`);
  await page().getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const dkim = page().getByRole('status').filter({ hasText: 'Messages are not DKIM-signed' });
  await dkim.filter({ hasText: 'Gmail and Yahoo require DKIM from bulk senders: set sending.dkim' }).waitFor();
  expect(await page().getByText('No postal address').count()).toBe(0);
  await page().getByText('not set: messages go out unsigned').waitFor();
  await page().getByText(TEST_POSTAL_ADDRESS, { exact: true }).waitFor();
  await screenshot('settings-warnings');

  await page().getByRole('button', { name: 'Hide this warning' }).click();
  await dkim.waitFor({ state: 'detached' });
});
