import { STARTERS } from '../../../server/src/features/templates/starters';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { mjmlText } from '../../helpers/code-editor';

const CAMPAIGN = 'plugin::campaigns.campaign';
const TEMPLATE = 'plugin::campaigns.template';
const EDITOR_URL = /\/admin\/plugins\/campaigns\/campaigns\/[a-z0-9]+$/;

const { app, page, baseUrl, screenshot } = useGroupBrowser();

const newsletter = STARTERS.find((starter) => starter.key === 'newsletter')!;

const dialog = () => page().getByRole('dialog');
const gallery = () => dialog().getByRole('radiogroup', { name: 'Start from' });
/** A card's thumbnail: the template rendered by the server, inside its sandboxed frame. */
const thumbnail = (name: string) => page().frameLocator(`iframe[title="Preview of ${name}"]`);
const campaignRow = (name: string) => app().strapi.db.query(CAMPAIGN).findOne({ where: { name } });
const templateRow = (name: string) => app().strapi.db.query(TEMPLATE).findOne({ where: { name } });

const openGallery = async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
  await page().getByRole('button', { name: 'New campaign' }).click();
  await gallery().waitFor();
};

test('a campaign starts from the Newsletter starter, chosen in the gallery by its live thumbnail', async () => {
  await openGallery();
  // The blank message is chosen until another card is; every starter is a card with its name and description.
  await expect(gallery().getByRole('radio', { name: 'Blank' }).getAttribute('aria-checked')).resolves.toBe('true');
  for (const name of ['Newsletter', 'Announcement', 'Digest of recent entries', 'Event invitation', 'Personal note']) {
    await gallery().getByRole('radio', { name }).waitFor();
  }
  await gallery().getByText(newsletter.description).waitFor();

  // Thumbnails are the server's rendering for the sample contact, drawn as the cards scroll into view.
  await thumbnail('Newsletter').getByText('A fresh start: what changed this month').waitFor();
  await thumbnail('Newsletter').getByText('Hi Alex, it has been a busy few weeks.', { exact: false }).waitFor();
  await thumbnail('Announcement').getByText('Introducing shared workspaces').waitFor();
  await gallery().getByRole('radio', { name: 'Personal note' }).scrollIntoViewIfNeeded();
  await thumbnail('Event invitation').getByText('Spring Open House').waitFor();
  await thumbnail('Personal note').getByText('Just hit reply.', { exact: false }).waitFor();
  const frame = page().locator('iframe[title="Preview of Newsletter"]');
  await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-same-origin');
  await expect(frame.getAttribute('style')).resolves.toMatch(/pointer-events: none/);
  await gallery().getByRole('radio', { name: 'Newsletter' }).scrollIntoViewIfNeeded();
  await screenshot('template-gallery');

  await gallery().getByRole('radio', { name: 'Newsletter' }).click();
  await expect(gallery().getByRole('radio', { name: 'Newsletter' }).getAttribute('aria-checked')).resolves.toBe('true');
  await expect(gallery().getByRole('radio', { name: 'Blank' }).getAttribute('aria-checked')).resolves.toBe('false');
  await dialog().getByRole('textbox', { name: 'Name' }).fill('May newsletter');
  await dialog().getByRole('button', { name: 'Create' }).click();

  // The editor opens with the starter's message.
  await page().waitForURL(EDITOR_URL);
  await page().getByRole('heading', { name: 'May newsletter', level: 1 }).waitFor();
  await expect(page().getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe(newsletter.subject);
  await expect(page().getByRole('textbox', { name: 'Preheader' }).inputValue()).resolves.toBe(newsletter.preheader);
  await page().getByRole('textbox', { name: 'MJML' }).waitFor();
  await expect(mjmlText(page())).resolves.toMatch(/^<mjml>\n {2}<mj-head>\n {4}<mj-title>Newsletter<\/mj-title>/);
  await page().frameLocator('iframe[title="Preview"]').getByText('A fresh start: what changed this month').waitFor();
  expect(await campaignRow('May newsletter')).toMatchObject({
    state: 'draft',
    subject: newsletter.subject,
    preheader: newsletter.preheader,
    content: newsletter.content,
  });
});

test('"Save as template" saves the edited campaign first, then keeps its message as "My template"', async () => {
  const campaign = await campaignRow('May newsletter');
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaign.documentId}`);
  await page().getByRole('heading', { name: 'May newsletter', level: 1 }).waitFor();
  // An unsaved change: the template is made from what the editor shows.
  await page().getByRole('textbox', { name: 'Subject' }).fill('Our May letter');

  await page().getByRole('button', { name: 'Save as template' }).click();
  // An empty name never reaches the server.
  await dialog().getByRole('textbox', { name: 'Template name' }).fill(' ');
  await dialog().getByRole('button', { name: 'Save template' }).click();
  await dialog().getByText('Give the template a name').waitFor();
  await dialog().getByRole('textbox', { name: 'Template name' }).fill('My template');
  await dialog().getByRole('textbox', { name: 'Description' }).fill('Our monthly letter, with the lead story first');
  await dialog().getByRole('button', { name: 'Save template' }).click();
  await page().getByText('Saved as the template "My template"').waitFor();
  await dialog().waitFor({ state: 'detached' });

  expect(await campaignRow('May newsletter')).toMatchObject({ subject: 'Our May letter' });
  expect(await templateRow('My template')).toMatchObject({
    description: 'Our monthly letter, with the lead story first',
    subject: 'Our May letter',
    preheader: newsletter.preheader,
    content: newsletter.content,
  });

  // It is in the gallery, under the starters, with its thumbnail.
  await openGallery();
  await gallery().getByText('Your templates').waitFor();
  const card = gallery().getByRole('radio', { name: 'My template' });
  await card.scrollIntoViewIfNeeded();
  await card.getByText('Our monthly letter, with the lead story first').waitFor();
  await thumbnail('My template').getByText('A fresh start: what changed this month').waitFor();
  await dialog().getByRole('button', { name: 'Cancel' }).click();
});

test('the templates page, from the plugin nav, lists it with its thumbnail, renames it and deletes it after asking', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns`);
  await page().getByRole('link', { name: 'Templates' }).click();
  await page().waitForURL(/\/plugins\/campaigns\/templates$/);
  await page().getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
  await page().getByText('1 saved template', { exact: true }).waitFor();
  await thumbnail('My template').getByText('A fresh start: what changed this month').waitFor();
  await screenshot('templates-page');

  await page().getByRole('button', { name: 'Edit My template' }).click();
  await expect(dialog().getByRole('textbox', { name: 'Template name' }).inputValue()).resolves.toBe('My template');
  await dialog().getByRole('textbox', { name: 'Template name' }).fill('Spring letter');
  await dialog().getByRole('button', { name: 'Save', exact: true }).click();
  await thumbnail('Spring letter').getByText('A fresh start: what changed this month').waitFor();
  expect(await templateRow('Spring letter')).toMatchObject({ content: newsletter.content });
  expect(await templateRow('My template')).toBeNull();

  // Delete asks first; cancelling keeps it.
  await page().getByRole('button', { name: 'Delete Spring letter' }).click();
  await page().getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await templateRow('Spring letter')).not.toBeNull();
  await page().getByRole('button', { name: 'Delete Spring letter' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();
  await page().getByText('No saved template yet', { exact: false }).waitFor();
  expect(await templateRow('Spring letter')).toBeNull();
  // The campaign made from the starter, and saved as the template, keeps its message.
  expect(await campaignRow('May newsletter')).toMatchObject({ content: newsletter.content });
});
