import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { editorPreview, SPRING_TEMPLATE } from '../../helpers/campaign-editor';
import { waitUntil } from '../../helpers/wait';

/** Where the editor puts the content and its preview as the window narrows. */
const { app, page, baseUrl, screenshot } = useGroupBrowser();
const { frame, frameWidth } = editorPreview(page);

test('the content and its preview side by side on a wide window, stacked on a narrow one, the mail never cut', async () => {
  const { documentId } = await app()
    .strapi.plugin('campaigns')
    .service('campaigns')
    .create({ name: 'Layout news', content: SPRING_TEMPLATE });
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
    await waitUntil(async () => (await boxOf('Preview')).y >= (await boxOf('Content')).y + (await boxOf('Content')).height, 'stacking');
    await expect(frameWidth()).resolves.toBe(600);

    // Narrower than the mail: its panel scrolls sideways, the page does not, and the frame keeps its width.
    await page().setViewportSize({ width: 900, height: 1000 });
    const frameBox = page().locator('iframe[title="Preview"]');
    await waitUntil(
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
