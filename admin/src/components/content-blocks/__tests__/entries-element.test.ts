import { entriesElement, simpleFilter } from '../entries-element';

test('writes the attributes in a fixed order and leaves empty ones out', () => {
  expect(
    entriesElement({ type: 'api::article.article', entries: 'a1,b2', title: 'title', text: '', image: 'cover', layout: 'stack' })
  ).toBe('<mj-strapi-entries type="api::article.article" entries="a1,b2" title="title" image="cover" layout="stack" />');
});

test('escapes double-quoted attributes and single-quotes the filter JSON', () => {
  const filter = simpleFilter('category', 'eq', `Tom's "news" & <more>`);
  expect(filter).toBe('{"category":{"$eq":"Tom\'s \\"news\\" & <more>"}}');
  const element = entriesElement({
    type: 'api::article.article',
    latest: '3',
    filter,
    sort: 'publishedAt:desc',
    link: 'https://example.com/blog/{slug}?a=1&b="2"',
    button: 'Read <more>',
  });
  expect(element).toBe(
    `<mj-strapi-entries type="api::article.article" latest="3" filter='{"category":{"$eq":"Tom&apos;s \\"news\\" &amp; &lt;more&gt;"}}' ` +
      `sort="publishedAt:desc" link="https://example.com/blog/{slug}?a=1&amp;b=&quot;2&quot;" button="Read &lt;more&gt;" />`
  );
});

test('a simple filter needs a field and a value; contains ignores case', () => {
  expect(simpleFilter('', 'eq', 'x')).toBeUndefined();
  expect(simpleFilter('title', 'contains', '  ')).toBeUndefined();
  expect(JSON.parse(simpleFilter('title', 'contains', ' Spring ')!)).toEqual({ title: { $containsi: 'Spring' } });
});
