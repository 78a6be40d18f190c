import { compileContent } from '../compile';
import { joinHtmlText } from '../html-bytes';
import { renderRuns, renderTemplate } from '../liquid';

const source = (content: string) => ({ subject: 'Hi {{ contact.firstName }}', preheader: 'Soon', content, plainText: null });

const MJML = `<mjml>
  <mj-head><mj-style>.note { color: red; }
.big { font-size: 20px; }</mj-style></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text css-class="note">Hello {{ contact.firstName }}, see <a href="https://shop.example.com/a">the shop</a>.</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

const data = { contact: { firstName: 'Ann' }, _links: { l0: 'https://t.example/c/1' }, _open_url: 'https://t.example/o/1' };

test('compiled HTML has CRLF line ends, no indentation, and no line that starts with a dot', async () => {
  const compiled = await compileContent(source(MJML));
  const html = joinHtmlText(compiled.html, renderRuns('content', compiled.html.runs, data, 'html'));
  expect(html).toContain('Hello Ann, see <a href="https://t.example/c/1"');
  expect(html).toContain('.note { color: red; }');
  expect(html.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = html.split('\r\n');
  expect(lines.filter((line) => line.startsWith('.'))).toEqual([]);
  expect(lines.filter((line) => /^[ \t]{2,}/.test(line))).toEqual([]);
  const text = renderTemplate('plainText', compiled.text, data, 'text');
  expect(text).toContain('Hello Ann');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
});

test('an editor-written plain text part gets CRLF line ends too', async () => {
  const compiled = await compileContent({ ...source(MJML), plainText: 'Hello {{ contact.firstName }}\n.\nBye' });
  expect(renderTemplate('plainText', compiled.text, data, 'text')).toBe('Hello Ann\r\n.\r\nBye');
});
