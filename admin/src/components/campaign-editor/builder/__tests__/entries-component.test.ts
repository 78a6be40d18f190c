import { attributeText, DEFAULT_ENTRIES_ATTRIBUTES, entriesElementOf } from '../entries-component';

test('the entries element is written back self-closing, its attributes in their order and unchanged', () => {
  expect(
    entriesElementOf({
      type: 'api::article.article',
      latest: '3',
      filter: '{"category":{"$eq":"news"}}',
      link: 'https://example.com/blog/{slug}?a=1&b={{ contact.email }}',
      button: 'Read more',
    })
  ).toBe(
    `<mj-strapi-entries type="api::article.article" latest="3" filter='{"category":{"$eq":"news"}}' link="https://example.com/blog/{slug}?a=1&b={{ contact.email }}" button="Read more" />`
  );
});

test("GrapesJS's own id is left out, and a value with both quotes stays readable", () => {
  expect(entriesElementOf({ id: 'i3kd', type: 'api::article.article', entries: 'a,b' })).toBe(
    '<mj-strapi-entries type="api::article.article" entries="a,b" />'
  );
  expect(attributeText('filter', `{"title":{"$eq":"l'été"}}`)).toBe(`filter='{"title":{"$eq":"l&apos;été"}}'`);
});

test('the block drops the latest three articles of the contract', () => {
  expect(entriesElementOf(DEFAULT_ENTRIES_ATTRIBUTES)).toBe(
    '<mj-strapi-entries type="api::article.article" latest="3" title="title" text="excerpt" image="cover" />'
  );
});
