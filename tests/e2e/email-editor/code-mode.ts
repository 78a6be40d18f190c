import type { Locator } from 'playwright-core';
import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { codeLine, mjmlText } from '../../helpers/code-editor';
import { waitUntil } from '../../helpers/wait';

const CAMPAIGN = 'plugin::campaigns.campaign';

const { app, page, baseUrl, screenshot } = useGroupBrowser();

const LONG_TEXT = 'A long line of MJML that no window is wide enough for. '.repeat(12).trim();
const TEMPLATE = `<mjml>
  <mj-body>
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text>Hello {{ contact.firstName }}</mj-text>
        <mj-text>${LONG_TEXT}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

let campaignId: string;

beforeAll(async () => {
  campaignId = (await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Code news', subject: 'Hi', content: TEMPLATE }))
    .documentId;
}, 120_000);

const editor = () => page().getByRole('textbox', { name: 'MJML' });
const frame = () => page().frameLocator('iframe[title="Preview"]');
const storedContent = async () =>
  (
    await app()
      .strapi.db.query(CAMPAIGN)
      .findOne({ where: { documentId: campaignId } })
  )?.content;

/** The element of a gutter (fold, lint) drawn in the row of a line: gutters draw only the rows that have a marker. */
const gutterRow = async (gutter: string, line: number): Promise<Locator> => {
  const row = (await codeLine(page(), line).boundingBox())!;
  const elements = page().locator(`${gutter} .cm-gutterElement`);
  for (let i = 0; i < (await elements.count()); i += 1) {
    const box = await elements.nth(i).boundingBox();
    if (box && box.height > 0 && Math.abs(box.y + box.height / 2 - (row.y + row.height / 2)) < row.height / 2) return elements.nth(i);
  }
  throw new Error(`no element of ${gutter} in the row of line ${line}`);
};

const lintMarkers = () => page().locator('.cm-gutter-lint .cm-lint-marker-error');

/** The line's lint marker and underline, both drawn and both on that line. */
const markedAt = async (line: number) => {
  await codeLine(page(), line).locator('.cm-lintRange-error').waitFor();
  await expect((await gutterRow('.cm-gutter-lint', line)).locator('.cm-lint-marker-error').count()).resolves.toBe(1);
  await expect(lintMarkers().count()).resolves.toBe(1);
};
const unmarked = async () => {
  await page().locator('.cm-lintRange-error').waitFor({ state: 'detached' });
  await lintMarkers().first().waitFor({ state: 'detached' });
};

/**
 * Puts the cursor on a line, `fromEnd` characters before its end. The click is at the line's start:
 * the line box is as wide as the longest line, its middle may be out of the editor's view.
 */
const cursorAt = async (line: number, fromEnd: number) => {
  await codeLine(page(), line).click({ position: { x: 2, y: 2 } });
  await page().keyboard.press('End');
  for (let i = 0; i < fromEnd; i += 1) await page().keyboard.press('ArrowLeft');
};

test('the MJML opens in a code editor with line numbers, highlighting, folding and its own scroll', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${campaignId}`);
  await page().getByRole('heading', { name: 'Code news', level: 1 }).waitFor();
  await editor().waitFor();
  await expect(editor().getAttribute('contenteditable')).resolves.toBe('true');
  await expect(mjmlText(page())).resolves.toBe(TEMPLATE);
  await expect(page().locator('.cm-lineNumbers .cm-gutterElement').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(TEMPLATE.split('\n').map((_, i) => String(i + 1)))
  );

  // Tag names, attribute names and values are coloured apart from the text; Liquid is marked.
  type Styles = { getComputedStyle(element: unknown): { color: string } };
  const colourOf = (locator: Locator) => locator.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).color);
  const tokenOf = (text: string) => codeLine(page(), 3).getByText(text, { exact: true });
  const colours = {
    text: await colourOf(codeLine(page(), 3)),
    tag: await colourOf(tokenOf('mj-section')),
    attribute: await colourOf(tokenOf('background-color')),
    value: await colourOf(tokenOf('"#ffffff"')),
  };
  expect(new Set(Object.values(colours)).size).toBe(4);
  await codeLine(page(), 5).locator('.cm-liquid', { hasText: '{{ contact.firstName }}' }).waitFor();

  // The long line scrolls inside the editor: the page itself never scrolls sideways.
  const widths = (await page().evaluate(`(() => {
    const scroller = document.querySelector('.cm-scroller');
    const root = document.scrollingElement;
    return { editor: [scroller.scrollWidth, scroller.clientWidth], page: [root.scrollWidth, root.clientWidth] };
  })()`)) as { editor: [number, number]; page: [number, number] };
  expect(widths.editor[0]).toBeGreaterThan(widths.editor[1]);
  expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]);

  // Folding the first section hides its lines behind a placeholder; its gutter marker opens them again.
  await (await gutterRow('.cm-foldGutter', 3)).locator('span[title="Fold line"]').click();
  await page().locator('.cm-foldPlaceholder').waitFor();
  const numbers = await page().locator('.cm-lineNumbers .cm-gutterElement').allInnerTexts();
  expect(numbers).toEqual(expect.arrayContaining(['3', '9']));
  expect(numbers).not.toEqual(expect.arrayContaining(['5']));
  await expect(mjmlText(page())).resolves.not.toContain('Hello');
  await (await gutterRow('.cm-foldGutter', 3)).locator('span[title="Unfold line"]').click();
  await page().locator('.cm-foldPlaceholder').waitFor({ state: 'detached' });
  await codeLine(page(), 5).getByText(/Hello/).waitFor();
});

test('a template problem is marked at its line until it is fixed, undo brings it back, and the fix is saved', async () => {
  const typo = 'unknown variable "contct.lastName"';
  // Typed before </mj-text> on line 5.
  await cursorAt(5, '</mj-text>'.length);
  await page().keyboard.type(' {{ contct.lastName }}');
  await page().keyboard.press('Escape');
  await markedAt(5);
  await page().getByRole('alert').filter({ hasText: typo }).waitFor();
  await codeLine(page(), 5)
    .locator('.cm-lintRange-error')
    .hover({ position: { x: 4, y: 4 } });
  await page().locator('.cm-tooltip-lint').filter({ hasText: typo }).waitFor();
  await screenshot('code-mode');

  // "contct" becomes "contact": the cursor goes back over "ct.lastName }}" and an "a" goes in.
  await page().keyboard.press('End');
  for (let i = 0; i < '</mj-text>'.length + 'ct.lastName }}'.length; i += 1) await page().keyboard.press('ArrowLeft');
  await page().keyboard.type('a');
  await codeLine(page(), 5).getByText('{{ contact.lastName }}').waitFor();
  await frame().getByText('Hello Alex Sample').waitFor();
  await unmarked();

  // The editor keeps a history: undo brings the typo (and its marker) back, redo the fix.
  await page().keyboard.press('Control+z');
  await markedAt(5);
  await page().keyboard.press('Control+y');
  await frame().getByText('Hello Alex Sample').waitFor();
  await unmarked();

  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await page().getByText('Saved "Code news"').waitFor();
  const fixed = TEMPLATE.replace('Hello {{ contact.firstName }}', 'Hello {{ contact.firstName }} {{ contact.lastName }}');
  await expect(storedContent()).resolves.toBe(fixed);
});

test('an MJML error refused on save is marked at its line and under the editor, and nothing is stored', async () => {
  const saved = await storedContent();
  // An attribute mj-section does not have, on line 9.
  await cursorAt(9, 1);
  await page().keyboard.type(' colour="red"');
  await page().keyboard.press('Escape');
  await markedAt(9);
  await page().getByRole('alert').filter({ hasText: 'MJML errors: line 9: Attribute colour is illegal' }).waitFor();

  await page().getByRole('button', { name: 'Save', exact: true }).click();
  await page().locator('.cm-content[aria-invalid="true"]').waitFor();
  await page()
    .getByText(/^MJML errors: line 9: Attribute colour is illegal$/)
    .waitFor();
  await markedAt(9);
  await expect(storedContent()).resolves.toBe(saved);
});

test("the preview runs none of the markup's scripts: neither a script element nor an inline handler", async () => {
  // Each would mark the admin's page if it ran: the frame shares the admin's origin (MailFrame).
  const mark = (by: string) => `parent.document.body.setAttribute('data-ran', '${by}')`;
  const hostile = TEMPLATE.replace(
    '<mj-text>Hello {{ contact.firstName }}</mj-text>',
    `<mj-text>Scripted</mj-text><mj-raw><img alt="" src="data:," onerror="${mark('handler')}"><script>${mark('script')}</script></mj-raw>`
  );
  const { documentId } = await app()
    .strapi.plugin('campaigns')
    .service('campaigns')
    .create({ name: 'Scripted', subject: 'Hi', content: hostile });
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await frame().getByText('Scripted').waitFor();
  // Both reached the preview's document: the sandbox, not the renderer, is what kept them from running.
  await frame().locator('script').waitFor({ state: 'attached' });
  const image = frame().locator('img[onerror]');
  // Its error event fires once the image is complete (a data: URL with no image in it fails at once).
  await waitUntil(() => image.evaluate((element) => (element as unknown as { complete: boolean }).complete), 'the broken image to fail');
  await expect(page().locator('body').getAttribute('data-ran')).resolves.toBeNull();
});
