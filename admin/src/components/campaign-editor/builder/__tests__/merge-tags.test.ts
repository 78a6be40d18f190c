import { compileContent } from '../../../../../../server/src/content/compile';
import { renderMessage } from '../../../../../../server/src/content/render';
import { TEMPLATE_GLOBALS } from '../../../../../../server/src/content/liquid';
import { TEMPLATE_CONTACT_FIELDS } from '../../../../../../server/src/content/template-contact';
import { MERGE_TAGS, mergeTagLiquid } from '../merge-tags';

test('the menu offers every variable a template may read, and only those', () => {
  const roots = new Set(MERGE_TAGS.map(({ path }) => path.split('.')[0]));
  expect([...roots].sort()).toEqual([...TEMPLATE_GLOBALS].sort());
  for (const { path } of MERGE_TAGS.filter(({ path }) => path.startsWith('contact.'))) {
    expect([...TEMPLATE_CONTACT_FIELDS, 'email']).toContain(path.slice('contact.'.length));
  }
});

test('contact fields carry a default, the others are bare', () => {
  expect(mergeTagLiquid({ path: 'contact.firstName', fallback: 'there' })).toBe("{{ contact.firstName | default: 'there' }}");
  expect(mergeTagLiquid({ path: 'contact.firstName', fallback: "l'ami" })).toBe("{{ contact.firstName | default: 'l’ami' }}");
  expect(mergeTagLiquid({ path: 'unsubscribe_url' })).toBe('{{ unsubscribe_url }}');
});

test('a text holding every merge tag compiles under the server rules and renders each one', async () => {
  const text = MERGE_TAGS.map((tag) => `<p>${mergeTagLiquid(tag)}</p>`).join('');
  const content = `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
  const compiled = await compileContent({ subject: 'Hi', preheader: null, content, plainText: null });
  const { html } = renderMessage(compiled, {
    contact: { email: 'ann@example.org', firstName: null, lastName: 'Lee', locale: null, timezone: null, attributes: {} },
    campaign: { name: 'Spring', subject: 'Hi', fromName: null, fromEmail: null },
    urls: {
      unsubscribe: 'https://t.example/u/1',
      preferences: 'https://t.example/p/1',
      viewInBrowser: 'https://t.example/v/1',
      open: 'https://t.example/o/1',
      links: {},
    },
    postalAddress: '12 Harbour Street',
  });
  for (const shown of [
    '<p>there</p>',
    '<p>Lee</p>',
    'ann@example.org',
    'Spring',
    'https://t.example/u/1',
    'https://t.example/p/1',
    'https://t.example/v/1',
    '12 Harbour Street',
  ]) {
    expect(html).toContain(shown);
  }
});
