import { absoluteOn } from '../entry-values';
import { blocksToHtml, markdownToHtml } from '../rich-text';

const absolute = absoluteOn('https://cms.example.com');
const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
/** The HTML without its inline styles, to read the structure. */
const bare = (html: string) => html.replace(/ style="[^"]*"/g, '');

describe('blocksToHtml', () => {
  test('paragraphs, headings, modifiers, links, quotes, code and images', () => {
    const html = blocksToHtml(
      [
        { type: 'heading', level: 2, children: [text('Title')] },
        {
          type: 'paragraph',
          children: [
            text('plain '),
            text('bold', { bold: true }),
            text(' '),
            text('all', { bold: true, italic: true, underline: true, strikethrough: true, code: true }),
            { type: 'link', url: 'https://example.com/a?b=1&c=2', children: [text('link')] },
            { type: 'link', url: 'javascript:alert(1)', children: [text('not a link')] },
          ],
        },
        { type: 'quote', children: [text('quoted')] },
        { type: 'code', children: [text('if (a < b) {\n  x();\n}')] },
        { type: 'image', image: { url: '/uploads/p.png', alternativeText: 'A picture' }, children: [text('')] },
        { type: 'image', image: { url: 'javascript:x' }, children: [] },
      ],
      absolute
    );
    expect(bare(html)).toBe(
      '<h2>Title</h2>' +
        '<p>plain <strong>bold</strong> <s><u><em><strong><code>all</code></strong></em></u></s><a href="https://example.com/a?b=1&amp;c=2">link</a>not a link</p>' +
        '<blockquote>quoted</blockquote>' +
        "<pre>if (a &lt; b) {{ '{' }}\n  x();\n{{ '}' }}</pre>" +
        '<img src="https://cms.example.com/uploads/p.png" alt="A picture" />'
    );
    expect(html).toContain('style="margin:0 0 12px 0;font-weight:bold;font-size:22px;');
  });

  test('ordered and unordered lists, nested', () => {
    const html = blocksToHtml(
      [
        {
          type: 'list',
          format: 'ordered',
          children: [
            { type: 'list-item', children: [text('one')] },
            { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('nested')] }] },
            { type: 'list-item', children: [text('two')] },
          ],
        },
      ],
      absolute
    );
    expect(bare(html)).toBe('<ol><li>one</li><ul><li>nested</li></ul><li>two</li></ol>');
  });

  test('hostile text is escaped and inert; junk is ignored', () => {
    expect(bare(blocksToHtml([{ type: 'paragraph', children: [text('<script>{{ contact.email }}</script>')] }], absolute))).toBe(
      "<p>&lt;script&gt;{{ '{' }}{{ '{' }} contact.email {{ '}' }}{{ '}' }}&lt;/script&gt;</p>"
    );
    expect(blocksToHtml('not blocks', absolute)).toBe('');
    expect(blocksToHtml([null, 3, { type: 'paragraph', children: 'x' }], absolute)).toBe('<p style="margin:0 0 12px 0;"></p>');
  });
});

describe('markdownToHtml', () => {
  test('Markdown as styled HTML, with relative images made absolute', () => {
    const html = markdownToHtml('# Title\n\nSome **bold** and `code`.\n\n- a\n- b\n\n> quote\n\n![Alt](/uploads/x.png)', absolute);
    expect(bare(html)).toBe(
      '<h1>Title</h1>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<blockquote>\n<p>quote</p>\n</blockquote>\n' +
        '<p><img src="https://cms.example.com/uploads/x.png" alt="Alt"></p>\n'
    );
  });

  test('raw HTML is escaped, unsafe links are not links, braces are inert', () => {
    const html = markdownToHtml(
      '<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://example.com/{x}) {{ contact.email }} {% raw %}',
      absolute
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://example.com/%7Bx%7D"');
    expect(html).toContain("{{ '{' }}{{ '{' }} contact.email {{ '}' }}{{ '}' }} {{ '{' }}% raw %{{ '}' }}");
    expect(html).not.toMatch(/\{\{ contact/);
  });

  test('a fence keeps no class from its info string', () => {
    expect(markdownToHtml('```js" onclick="x\ncode\n```', absolute)).not.toContain('class=');
    expect(markdownToHtml(null, absolute)).toBe('');
  });
});
