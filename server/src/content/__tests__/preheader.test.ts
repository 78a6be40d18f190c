import { compileContent } from '../compile';
import { joinHtmlText } from '../html-bytes';
import { renderRuns, renderTemplate } from '../liquid';

const MJML = '<mjml><mj-body><mj-section><mj-column><mj-text>Body text</mj-text></mj-column></mj-section></mj-body></mjml>';
const data = { contact: { firstName: 'Ann' }, _links: {}, _open_url: 'https://t.example/o/1' };

const render = async (preheader: string) => {
  const compiled = await compileContent({ subject: 'Hi', preheader, content: MJML, plainText: null });
  return {
    html: joinHtmlText(compiled.html, renderRuns('content', compiled.html.runs, data, 'html')),
    text: renderTemplate('plainText', compiled.text, data, 'text'),
  };
};

test('the preheader is hidden without a tiny font, and padded so the preview stops after it', async () => {
  const { html, text } = await render('Soon for {{ contact.firstName }}');
  const block = /<body[^>]*><div style="([^"]*)">Soon for Ann((?:&#847;&zwnj;&nbsp;)+)<\/div>/.exec(html);
  expect(block).not.toBeNull();
  expect(block![1]).toContain('display:none');
  expect(block![1]).toContain('mso-hide:all');
  expect(block![1]).not.toMatch(/font-size|line-height/);
  expect(block![2].length / '&#847;&zwnj;&nbsp;'.length).toBeGreaterThanOrEqual(100);
  expect(text).not.toMatch(/Soon|\u034f|\u200c/);
});

test('a preheader as long as the preview gets no padding', async () => {
  const long = 'x'.repeat(200);
  expect((await render(long)).html).toContain(`${long}</div>`);
});

test("MJML's own <mj-preview> is hidden the same way, without its 1px font", async () => {
  const compiled = await compileContent({
    subject: 'Hi',
    preheader: null,
    content:
      '<mjml><mj-head><mj-preview>From MJML</mj-preview></mj-head><mj-body><mj-section><mj-column><mj-text>Body</mj-text></mj-column></mj-section></mj-body></mjml>',
    plainText: null,
  });
  const html = joinHtmlText(compiled.html, renderRuns('content', compiled.html.runs, data, 'html'));
  expect(html).toMatch(/<div style="display:none;[^"]*mso-hide:all;">From MJML(&#847;&zwnj;&nbsp;)+<\/div>/);
  expect(html).not.toMatch(/font-size:1px/);
});
