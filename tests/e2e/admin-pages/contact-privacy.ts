import fs from 'node:fs';
import { hashEmail } from '../../../server/src/validation/email';
import { useGroupBrowser } from '../../helpers/admin-browser-group';

const CONTACT = 'plugin::campaigns.contact';
const SUPPRESSION = 'plugin::campaigns.suppression';

const { app, page, baseUrl, screenshot } = useGroupBrowser();
let documentId: string;

beforeAll(async () => {
  const plugin = app().strapi.plugin('campaigns');
  documentId = (
    await plugin.service('contacts').create({
      email: 'gina@example.com',
      firstName: 'Gina',
      consent: { source: 'Spring fair', text: 'Yes, the newsletter' },
    })
  ).documentId;
}, 120_000);

test('the contact page downloads its data as JSON, and erases it once the address is typed', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/contacts/${documentId}`);
  await page().getByRole('heading', { name: 'gina@example.com', level: 1 }).waitFor();

  const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: 'Export data' }).click()]);
  expect(download.suggestedFilename()).toBe(`contact-${documentId}.json`);
  const data = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'));
  expect(data.contact).toMatchObject({ documentId, email: 'gina@example.com', firstName: 'Gina', consent: { source: 'Spring fair' } });
  expect(data).toMatchObject({ deliveries: [], events: [], suppressions: [] });

  await page().getByRole('button', { name: 'Erase', exact: true }).click();
  const dialog = page().getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Erase gina@example.com' }).waitFor();
  // A click alone, or another address, erases nothing.
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await dialog.getByText('Type gina@example.com or ERASE to confirm').waitFor();
  await dialog.getByRole('textbox', { name: /Type the address or ERASE/ }).fill('someone@example.com');
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await dialog.getByText('Type gina@example.com or ERASE to confirm').waitFor();
  expect(await app().strapi.db.query(CONTACT).findOne({ where: { documentId } })).not.toBeNull();
  await screenshot('contact-erase-dialog');

  await dialog.getByRole('textbox', { name: /Type the address or ERASE/ }).fill('Gina@Example.com');
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await page().getByRole('heading', { name: 'Contact erased', level: 1 }).waitFor();
  await page()
    .getByText(/The contact gina@example.com was erased/)
    .waitFor();
  expect(await app().strapi.db.query(CONTACT).findOne({ where: { documentId } })).toBeNull();
  const suppressions = await app()
    .strapi.db.query(SUPPRESSION as typeof CONTACT)
    .findMany({ where: { emailHash: hashEmail('gina@example.com') } });
  expect(suppressions).toEqual([expect.objectContaining({ reason: 'erased', email: null })]);
  await screenshot('contact-erased');

  // Back on the list, the contact is gone.
  await page().getByRole('link', { name: '← Contacts' }).click();
  await page().getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
  await page().getByText('No contact yet: add one or import a CSV.').waitFor();
});
