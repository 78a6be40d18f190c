import { compileContent } from '../../../server/src/content/compile';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { mjmlText } from '../../helpers/code-editor';
import { waitUntil } from '../../helpers/wait';

const CAMPAIGN = 'plugin::campaigns.campaign';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

let campaignId: string;
let conditionalId: string;
/** Every host the page (and its frames: the builder's canvas, the preview) asked something of. */
const hosts = new Set<string>();

const CONDITIONAL = `<mjml>
  <mj-body>
    {% if contact.locale == "fr" %}
    <mj-section>
      <mj-column>
        <mj-text>Bonjour {{ contact.firstName }}</mj-text>
      </mj-column>
    </mj-section>
    {% endif %}
  </mj-body>
</mjml>
`;

beforeAll(async () => {
  const campaigns = app().strapi.plugin('campaigns').service('campaigns');
  campaignId = (await campaigns.create({ name: 'Builder news', subject: 'Beans' })).documentId;
  conditionalId = (await campaigns.create({ name: 'Conditional news', subject: 'Hi', content: CONDITIONAL })).documentId;
  page().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) hosts.add(url.host);
  });
}, 120_000);

const canvas = () => page().frameLocator('iframe.gjs-frame');
const preview = () => page().frameLocator('iframe[title="Preview"]');
const modes = () => page().getByRole('group', { name: 'Editing mode' });
const storedContent = async () =>
  (
    await app()
      .strapi.db.query(CAMPAIGN)
      .findOne({ where: { documentId: campaignId } })
  )?.content ?? '';
/** Whether the frame shows the social block's three icons, each one the plugin's own and loaded. */
const loadedIcons = async (frame: ReturnType<typeof canvas>) =>
  (await frame
    .locator('img[src*="/api/campaigns/social/"]')
    .evaluateAll((images) => images.filter((img) => Reflect.get(img, 'complete') && Reflect.get(img, 'naturalWidth') === 48).length)) === 3;
const widthOf = async (selector: string) => (await page().locator(selector).boundingBox())?.width ?? 0;

/**
 * Drags a block of the blocks panel onto the first canvas element matching `target` and holding
 * `containing`, as GrapesJS expects it: HTML5 drag and drop, one DataTransfer from the block's
 * dragstart to the drop. Playwright's mouse drag does not reach into the canvas frame, so the
 * events are dispatched; GrapesJS places the block on a dragover it handles a moment later, hence
 * the pauses. The point is low in the target, so the block lands after what it holds.
 */
const dragBlock = async (label: string, target: string, containing: string) => {
  await page().getByRole('region', { name: 'Blocks' }).locator('.gjs-block', { hasText: label }).waitFor();
  await page().evaluate(`(async () => {
    const block = [...document.querySelectorAll('.gjs-block')].find((el) => el.textContent.trim() === ${JSON.stringify(label)});
    const frame = document.querySelector('iframe.gjs-frame').contentDocument;
    const element = [...frame.querySelectorAll(${JSON.stringify(target)})].find((el) => el.textContent.includes(${JSON.stringify(containing)}));
    const rect = element.getBoundingClientRect();
    const dataTransfer = new DataTransfer();
    const at = { bubbles: true, cancelable: true, dataTransfer, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height * 0.75 };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    block.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
    element.dispatchEvent(new DragEvent('dragenter', at));
    element.dispatchEvent(new DragEvent('dragover', at));
    await pause();
    element.dispatchEvent(new DragEvent('dragover', at));
    await pause();
    element.dispatchEvent(new DragEvent('drop', at));
    block.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer }));
  })()`);
};

test('an editor builds a campaign with the builder, switches to code and back, saves it and previews it at both widths', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaignId}`);
  await page().getByRole('heading', { name: 'Builder news', level: 1 }).waitFor();
  await modes().getByRole('button', { name: 'Visual' }).click();
  await canvas().getByText('Write your message here.').waitFor();
  await screenshot('visual-builder');

  await dragBlock('Section, 1 column', '[data-gjs-type="mj-text"]', 'Write your message here.');
  await canvas().getByText('Content 1').waitFor();
  const column = '[data-gjs-type="mj-column"]';
  await dragBlock('Text', column, 'Content 1');
  await canvas().getByText('Insert text here').waitFor();
  await dragBlock('Button', column, 'Insert text here');
  const buttons = canvas().locator('[data-gjs-type="mj-button"]');
  await buttons.first().waitFor();

  // Undo and redo, with the toolbar and the keyboard.
  await page().getByRole('button', { name: 'Undo' }).click();
  await buttons.first().waitFor({ state: 'detached' });
  await page().getByRole('button', { name: 'Redo' }).click();
  await buttons.first().waitFor();
  await page().keyboard.press('Control+z');
  await buttons.first().waitFor({ state: 'detached' });
  await page().keyboard.press('Control+Shift+z');
  await buttons.first().waitFor();

  // MJML's default social icons are the plugin's own (Mailjet's would be a third party's), loaded in the canvas.
  await dragBlock('Social links', column, 'Insert text here');
  await waitUntil(() => loadedIcons(canvas()), "the canvas's social icons");

  // Typing into the dropped text, then a merge tag at the caret from the menu.
  const text = canvas().getByText('Insert text here');
  await text.dblclick();
  await page().keyboard.press('Control+a');
  await page().keyboard.type('Fresh beans this week for ');
  await page().getByRole('button', { name: 'Insert a variable' }).click();
  await page()
    .getByRole('menuitem', { name: /First name/ })
    .click();
  await canvas().getByText("Fresh beans this week for {{ contact.firstName | default: 'there' }}").waitFor();

  const canvasWidths = page().getByRole('group', { name: 'Canvas width' });
  await canvasWidths.getByRole('button', { name: 'Mobile' }).click();
  await waitUntil(async () => (await widthOf('iframe.gjs-frame')) === 375, 'the canvas at 375 px');
  await screenshot('visual-builder-mobile');
  await canvasWidths.getByRole('button', { name: 'Desktop' }).click();
  await waitUntil(async () => (await widthOf('iframe.gjs-frame')) === 600, 'the canvas at 600 px');

  await modes().getByRole('button', { name: 'Code' }).click();
  // The space typed last before the tag is a no-break space, as contenteditable writes it.
  const code = (await mjmlText(page())).replace(/\u00a0/g, ' ');
  expect(code).toContain("Fresh beans this week for {{ contact.firstName | default: 'there' }}</mj-text>");
  expect(code).toMatch(/<mj-button[^>]*>Button<\/mj-button>/);
  expect(code.match(/<mj-section>/g)).toHaveLength(3);
  // The starter's Liquid, in text and in an attribute, comes back as it was.
  expect(code).toContain("Hello {{ contact.firstName | default: 'there' }},</mj-text>");
  expect(code).toContain('<a href="{{ unsubscribe_url }}">Unsubscribe</a>');

  await page().getByRole('textbox', { name: 'MJML' }).fill(code.replace('Fresh beans this week', 'New beans this week'));
  await modes().getByRole('button', { name: 'Visual' }).click();
  await canvas().getByText("New beans this week for {{ contact.firstName | default: 'there' }}").waitFor();

  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await waitUntil(async () => (await storedContent()).includes('New beans this week'), 'the saved content');
  const saved = (await storedContent()).replace(/\u00a0/g, ' ');
  expect(saved).toContain("New beans this week for {{ contact.firstName | default: 'there' }}");
  expect(saved).toContain('<mj-button');
  await expect(compileContent({ subject: 'Beans', preheader: null, content: saved, plainText: null })).resolves.toBeDefined();

  await preview()
    .getByText(/New beans this week for/)
    .waitFor();
  await waitUntil(() => loadedIcons(preview()), "the preview's social icons");
  const previewWidths = page().getByRole('group', { name: 'Preview width' });
  await previewWidths.getByRole('button', { name: 'Mobile' }).click();
  await waitUntil(async () => (await widthOf('iframe[title="Preview"]')) === 375, 'the preview at 375 px');
  await previewWidths.getByRole('button', { name: 'Desktop' }).click();
  await waitUntil(async () => (await widthOf('iframe[title="Preview"]')) === 600, 'the preview at 600 px');
  await screenshot('visual-builder-saved');
});

test('a document with Liquid around a section opens in code mode with a note, and stays there', async () => {
  // The builder was the editor's last choice (the first test): this campaign still opens in code.
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${conditionalId}`);
  await page().getByRole('heading', { name: 'Conditional news', level: 1 }).waitFor();
  const note = page().getByRole('note').filter({ hasText: 'This MJML stays in code mode' });
  await note.waitFor();
  await expect(note.textContent()).resolves.toContain('{% if contact.locale == "fr" %}');
  await expect(modes().getByRole('button', { name: 'Code' }).getAttribute('aria-pressed')).resolves.toBe('true');
  await modes().getByRole('button', { name: 'Visual' }).click();
  await expect(modes().getByRole('button', { name: 'Code' }).getAttribute('aria-pressed')).resolves.toBe('true');
  await expect(page().locator('iframe.gjs-frame').count()).resolves.toBe(0);
  await expect(mjmlText(page())).resolves.toContain('{% if contact.locale == "fr" %}');
  await screenshot('visual-builder-code-only');
});

test('the builder asked nothing of a host other than the app', () => {
  expect([...hosts]).toEqual([new URL(baseUrl()).host]);
});
