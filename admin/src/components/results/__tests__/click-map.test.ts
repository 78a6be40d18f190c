import { clickMapHtml } from '../click-map';

const colours = { background: '#4945ff', text: '#ffffff' };
const label = (share: number, link: { clicks: number }) => `${Math.round(share * 100)}% <${link.clicks}>`;

test("each of the campaign's links gets its share of people's clicks, 0% when nobody clicked it; other links are left alone", () => {
  const html = [
    '<a href="https://example.com/a?x=1&amp;y=2" style="c">Read</a>',
    '<a href="https://example.com/b">Shop</a>',
    '<a href="https://example.com/c">Never clicked</a>',
    '<a href="mailto:hi@example.com">Mail</a>',
    '<a data-notrack href="https://example.com/private">Private</a>',
    '<a href="https://example.com/unsubscribe/abc">Unsubscribe (Liquid when compiled, never tracked)</a>',
  ].join('\n');
  const links = [
    { url: 'https://example.com/a?x=1&y=2', clicks: 3, uniqueClicks: 2 },
    { url: 'https://example.com/b', clicks: 1, uniqueClicks: 1 },
    { url: 'https://example.com/c', clicks: 0, uniqueClicks: 0 },
    { url: null, clicks: 4, uniqueClicks: 4 },
  ];
  const out = clickMapHtml(html, links, label, colours).split('\n');
  expect(out[0]).toMatch(
    /^<a href="https:\/\/example\.com\/a\?x=1&amp;y=2" style="c"><span data-click-map style="[^"]*background:#4945ff[^"]*">38% &#60;3&#62;<\/span>Read<\/a>$/
  );
  expect(out[1]).toContain('>13% &#60;1&#62;</span>Shop</a>');
  expect(out[2]).toContain('>0% &#60;0&#62;</span>Never clicked</a>');
  expect(out[3]).toBe('<a href="mailto:hi@example.com">Mail</a>');
  expect(out[4]).toBe('<a data-notrack href="https://example.com/private">Private</a>');
  expect(out[5]).not.toContain('data-click-map');
});

test('with no click at all every link of the campaign reads 0%', () => {
  const links = [{ url: 'https://example.com/a', clicks: 0, uniqueClicks: 0 }];
  expect(clickMapHtml('<a href="https://example.com/a">A</a>', links, label, colours)).toContain('>0% &#60;0&#62;</span>A</a>');
});
