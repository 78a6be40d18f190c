import { rewriteLinks } from '../links';

test('rewrites each absolute http(s) link once per URL, leaving Liquid, mailto and opted-out links alone', () => {
  const html = [
    '<a href="https://example.com/a?x=1&amp;y=2" style="c">A</a>',
    "<a class='b' href='http://example.com/b'>B</a>",
    '<a href="https://example.com/a?x=1&amp;y=2">A again</a>',
    '<a href="{{ unsubscribe_url }}">Unsubscribe</a>',
    '<a href="https://example.com/u/{{ contact.email }}">Personal</a>',
    '<a href="mailto:hi@example.com">Mail</a>',
    '<a href="#top">Top</a>',
    '<a data-notrack href="https://example.com/private">Private</a>',
    '<a href="https://example.com/late" data-notrack>Opted out after its href</a>',
    '<link href="https://fonts.example.com/css" rel="stylesheet">',
  ].join('\n');
  const { html: out, links } = rewriteLinks(html);
  expect(links).toEqual([
    { key: 'l0', url: 'https://example.com/a?x=1&y=2' },
    { key: 'l1', url: 'http://example.com/b' },
  ]);
  expect(out).toContain('<a href="{{ _links.l0 }}" style="c">A</a>');
  expect(out).toContain("<a class='b' href='{{ _links.l1 }}'>B</a>");
  expect(out).toContain('<a href="{{ _links.l0 }}">A again</a>');
  expect(out).toContain('<a href="{{ unsubscribe_url }}">');
  expect(out).toContain('https://example.com/u/{{ contact.email }}');
  expect(out).toContain('mailto:hi@example.com');
  expect(out).toContain('https://example.com/private');
  expect(out).toContain('<a href="https://example.com/late" data-notrack>');
  expect(out).toContain('https://fonts.example.com/css');
});
