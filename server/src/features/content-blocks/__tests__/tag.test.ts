import { TemplateError } from '../../../content/liquid';
import { findEntriesBlocks, replaceBlocks } from '../tag';

const inColumn = (element: string) => `<mjml><mj-body><mj-section><mj-column>\n${element}\n</mj-column></mj-section></mj-body></mjml>`;
const inBody = (element: string) => `<mjml><mj-body>\n${element}\n</mj-body></mjml>`;

const errorOf = (content: string) => {
  try {
    findEntriesBlocks(content);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('no error');
};

describe('findEntriesBlocks', () => {
  test('parses a latest block with its filter, sort, fields, link and button', () => {
    const [block] = findEntriesBlocks(
      inBody(
        `<mj-strapi-entries type="api::article.article" latest="3" filter='{"category":{"$eq":"news"}}' sort="publishedAt:desc" title="title" text="body" image="cover" link="https://example.com/blog/{slug}" button="Read more" layout="cards" />`
      )
    );
    expect(block).toMatchObject({
      number: 1,
      line: 2,
      place: 'sections',
      spec: {
        type: 'api::article.article',
        selection: { kind: 'latest', count: 3, filter: { category: { $eq: 'news' } }, sort: 'publishedAt:desc' },
        fields: { title: 'title', text: 'body', image: 'cover' },
        link: 'https://example.com/blog/{slug}',
        button: 'Read more',
        layout: 'cards',
      },
    });
  });

  test('parses chosen entries in order, in a column, with entity-encoded quotes as an editor serializes them', () => {
    const [block] = findEntriesBlocks(
      inColumn(`<mj-strapi-entries type="api::article.article" entries="b2, a1" title="title" data-id="x"></mj-strapi-entries>`)
    );
    expect(block.place).toBe('elements');
    expect(block.spec.selection).toEqual({ kind: 'entries', documentIds: ['b2', 'a1'] });
    const [encoded] = findEntriesBlocks(
      inBody(
        `<mj-strapi-entries type="api::article.article" latest="2" filter="{&quot;title&quot;:{&quot;$containsi&quot;:&quot;x&quot;}}" title="title" />`
      )
    );
    expect(encoded.spec.selection).toMatchObject({ filter: { title: { $containsi: 'x' } } });
  });

  test.each([
    [
      'type="plugin::users-permissions.user" latest="1" title="username"',
      /"type" is "plugin::users-permissions.user", which is not a collection type of the site: use an api:: type/,
    ],
    ['type="admin::user" latest="1" title="email"', /"type" is "admin::user"/],
    ['latest="1" title="title"', /"type" is missing/],
    ['type="api::article.article" latest="0" title="title"', /"latest" must be a whole number from 1 to 20, not "0"/],
    ['type="api::article.article" latest="21" title="title"', /"latest" must be a whole number from 1 to 20, not "21"/],
    ['type="api::article.article" latest="2.5" title="title"', /"latest" must be a whole number/],
    ['type="api::article.article" title="title"', /set "entries" \(documentIds\) or "latest"/],
    ['type="api::article.article" latest="2" entries="a" title="title"', /"entries" and "latest" are both set/],
    [`type="api::article.article" latest="2" filter='{"title":' title="title"`, /"filter" is not valid JSON .*single quotes/],
    [`type="api::article.article" latest="2" filter='[1]' title="title"`, /"filter" must be a JSON object/],
    [
      `type="api::article.article" latest="2" filter='{"title":{"$regex":"a"}}' title="title"`,
      /"filter" uses the operator "\$regex", which blocks may not use/,
    ],
    [`type="api::article.article" latest="2" filter='{"a b":{"$eq":"a"}}' title="title"`, /"filter" names the field "a b"/],
    ['type="api::article.article" latest="2" sort="title" title="title"', /"sort" must be "field:asc" or "field:desc"/],
    ['type="api::article.article" latest="2"', /map at least one field/],
    ['type="api::article.article" latest="2" title="ti tle"', /"title" must name a field/],
    ['type="api::article.article" latest="2" title="title" layout="grid"', /unknown layout "grid": use "stack" or "cards"/],
    ['type="api::article.article" latest="2" title="title" colour="red"', /unknown attribute "colour"/],
    [
      'type="api::article.article" latest="2" title="title" link="javascript:alert(1)"',
      /"link" must start with https:\/\/, http:\/\/ or mailto:/,
    ],
    ['type="api::article.article" latest="2" title="title" link="https://x.test/{{ contact.email }}"', /"link" may not hold Liquid/],
    ['type="api::article.article" latest="2" title="title" button="Read"', /"button" needs a "link"/],
    ['type="api::article.article" entries="a,b c" title="title"', /"entries" holds "b c"/],
  ])('refuses %s', (attributes, message) => {
    const error = errorOf(inBody(`<mj-strapi-entries ${attributes} />`));
    expect(error.part).toBe('content');
    expect(error.detail).toMatch(/^<mj-strapi-entries> block 1: /);
    expect(error.detail).toMatch(message);
    expect(error.problems).toEqual([{ line: 2, message: error.detail }]);
  });

  test('refuses cards in a column, a block in a section, and an unclosed element', () => {
    expect(errorOf(inColumn('<mj-strapi-entries type="api::a.a" latest="2" title="t" layout="cards" />')).detail).toMatch(
      /not in a column/
    );
    expect(
      errorOf('<mjml><mj-body><mj-section><mj-strapi-entries type="api::a.a" latest="2" title="t" /></mj-section></mj-body></mjml>').detail
    ).toMatch(/stands in <mj-section>: place it in <mj-body> or <mj-wrapper>/);
    expect(errorOf(inBody('<mj-strapi-entries type="api::a.a" latest="2" title="t"')).detail).toMatch(/not closed/);
  });

  test('replaceBlocks keeps every later line where it was', () => {
    const content = inBody('<mj-strapi-entries type="api::a.a"\n  latest="2"\n  title="t" />\n<mj-section></mj-section>');
    const blocks = findEntriesBlocks(content);
    const replaced = replaceBlocks(content, blocks, ['<mj-section>\n</mj-section>']);
    expect(replaced.split('\n')).toHaveLength(content.split('\n').length);
    expect(replaced.split('\n')[4]).toBe('<mj-section></mj-section>');
  });
});
