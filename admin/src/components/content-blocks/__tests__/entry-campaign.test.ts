import type { ContentBlockType } from '../../../../../shared/contracts/content-blocks';
import { openElementsAt } from '../place-element';
import { entryCampaignMjml, entryCampaignName } from '../entry-campaign';
import { guessMapping } from '../field-roles';

const ARTICLE: ContentBlockType = {
  uid: 'api::article.article',
  displayName: 'Article',
  draftAndPublish: true,
  fields: [
    { name: 'slug', type: 'uid' },
    { name: 'title', type: 'string' },
    { name: 'summary', type: 'text' },
    { name: 'body', type: 'blocks' },
    { name: 'cover', type: 'media' },
  ],
};

test('guesses the first string as the title, rich text before plain text, the first media as the image', () => {
  expect(guessMapping(ARTICLE)).toEqual({ title: 'title', text: 'body', image: 'cover' });
  expect(guessMapping({ fields: [{ name: 'n', type: 'integer' }] })).toEqual({ title: undefined, text: undefined, image: undefined });
});

test("an entry's campaign holds its block among the body's sections, before the unsubscribe link and the postal address", () => {
  const mjml = entryCampaignMjml(ARTICLE, 'doc1');
  const block = '<mj-strapi-entries type="api::article.article" entries="doc1" title="title" text="body" image="cover" />';
  const at = mjml.indexOf(block);
  expect(at).toBeGreaterThan(mjml.indexOf('Hello'));
  expect(openElementsAt(mjml, at)).toEqual(['mjml', 'mj-body']);
  expect(mjml.indexOf('{{ unsubscribe_url }}')).toBeGreaterThan(at);
  expect(mjml.indexOf('{{ postal_address }}')).toBeGreaterThan(at);
});

test("the campaign is named after the entry's title, else the type and the documentId", () => {
  expect(entryCampaignName(ARTICLE, { title: '  Spring sale ' }, 'doc1')).toBe('Spring sale');
  expect(entryCampaignName(ARTICLE, { title: '' }, 'doc1')).toBe('Article doc1');
  expect(entryCampaignName(ARTICLE, { title: 'x'.repeat(300) }, 'doc1')).toHaveLength(200);
});
