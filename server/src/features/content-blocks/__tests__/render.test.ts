import { compileContent } from '../../../content/compile';
import { renderMessage } from '../../../content/render';
import { absoluteOn, entryOf, fillLink } from '../entry-values';
import { expandLive, withSampleEntries } from '../expand';
import { escapeValue, safeUrl } from '../escape';
import { renderEntries, type ResolvedEntry } from '../render';
import { findEntriesBlocks } from '../tag';

const HOSTILE = `{{ contact.email }} {% raw %} {%- endraw -%} }} {{ '<b>"x"</b>' & </mj-text>`;

const recipient = {
  contact: { email: 'reader@example.com', firstName: 'Ada', lastName: null, locale: 'en', timezone: 'UTC', attributes: {} },
  campaign: { name: 'c', subject: 's', fromName: null, fromEmail: null },
  urls: { unsubscribe: 'https://u', preferences: 'https://p', viewInBrowser: 'https://v', open: 'https://o', links: {} },
  postalAddress: null,
};

/** The message a recipient gets when the block's MJML holds these entries. */
const sent = async (entries: ResolvedEntry[], attributes = 'button="Read more" link="https://example.com/{slug}"') => {
  const content = `<mjml><mj-body><mj-strapi-entries type="api::article.article" latest="2" title="title" text="excerpt" image="cover" ${attributes} /></mj-body></mjml>`;
  const expanded = await expandLive(content, { fragment: async (block) => renderEntries(block.spec, block.place, entries) });
  const compiled = await compileContent({ subject: 'S', preheader: null, content: expanded.content, plainText: null });
  const links = Object.fromEntries(compiled.links.map((link) => [link.key, link.url]));
  return renderMessage(compiled, { ...recipient, urls: { ...recipient.urls, links } });
};

const entry = (over: Partial<ResolvedEntry> = {}): ResolvedEntry => ({
  documentId: 'd1',
  title: 'Title',
  html: '<p>Text</p>',
  image: { url: 'https://cms.example.com/uploads/cover.png', alt: 'A cover' },
  link: 'https://example.com/blog/first',
  ...over,
});

describe('entry values are text, never template', () => {
  test('a hostile title, text, alt and button show literally in both parts and merge nothing', async () => {
    const message = await sent(
      [entry({ title: HOSTILE, html: escapeValue(HOSTILE), image: { url: 'https://cms.example.com/{{x}}.png', alt: HOSTILE } })],
      'button="Go {{ contact.email }}" link="https://example.com/{slug}"'
    );
    // The button's label is shown as written too: a block's attributes are settings, not a template.
    expect(message.text).toContain('Go {{ contact.email }}');
    expect(message.html).not.toContain('reader@example.com');

    const safe = await sent([
      entry({ title: HOSTILE, html: escapeValue(HOSTILE), image: { url: 'https://cms.example.com/{{x}}.png', alt: HOSTILE } }),
    ]);
    expect(safe.html).not.toContain('reader@example.com');
    expect(safe.text).not.toContain('reader@example.com');
    expect(safe.html).toContain(
      '{{ contact.email }} {% raw %} {%- endraw -%} }} {{ &#39;&lt;b&gt;&quot;x&quot;&lt;/b&gt;&#39; &amp; &lt;/mj-text&gt;'
    );
    expect(safe.text).toContain(HOSTILE);
    expect(safe.html).toContain('src="https://cms.example.com/%7B%7Bx%7D%7D.png"');
    expect(safe.html).toContain('alt="{{ contact.email }} {% raw %}');
  });

  test('a title with a lone brace or an open raw tag does not break the template', async () => {
    for (const title of ['{', '}', '{{', '{%', '{% raw %}', '{% comment %}', "{{ '", '%}']) {
      const message = await sent([entry({ title })]);
      expect(message.text).toContain(title);
    }
  });

  test('the link, image and button show each entry, with the image URL and alt as given', async () => {
    const message = await sent([
      entry(),
      entry({ documentId: 'd2', title: 'Second', link: 'https://example.com/blog/second', image: null }),
    ]);
    expect(message.html).toContain('src="https://cms.example.com/uploads/cover.png"');
    expect(message.html).toContain('alt="A cover"');
    expect(message.html).toContain('href="https://example.com/blog/first"');
    expect(message.html).toContain('Read more');
    expect(message.text).toMatch(/Title[\s\S]*Text[\s\S]*Second/);
  });

  test('cards put two entries per section', () => {
    const mjml = renderEntries({ button: null, layout: 'cards' }, 'sections', [entry(), entry(), entry()]);
    expect(mjml.match(/<mj-section>/g)).toHaveLength(2);
    expect(mjml.match(/<mj-column>/g)).toHaveLength(4);
    expect(mjml).not.toContain('\n');
  });

  test('no entries leaves nothing; elements in a column have no section', () => {
    expect(renderEntries({ button: null, layout: 'stack' }, 'sections', [])).toBe('');
    expect(renderEntries({ button: null, layout: 'stack' }, 'elements', [entry()])).not.toContain('<mj-section');
  });
});

describe('URLs', () => {
  test('safeUrl keeps http(s) and mailto only and encodes what could break out', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('mailto:a@example.com', ['http:', 'https:'])).toBeNull();
    expect(safeUrl('https://x.test/a b"c\'{d}<e>?q=1&r=é')).toBe('https://x.test/a%20b%22c%27%7Bd%7D%3Ce%3E?q=1&amp;r=%C3%A9');
  });

  test('fillLink encodes placeholders as segments, a leading one is the URL itself', () => {
    expect(fillLink('https://example.com/blog/{slug}?id={id}', { slug: 'a/b {{x}}', id: 3 })).toBe(
      'https://example.com/blog/a%2Fb%20%7B%7Bx%7D%7D?id=3'
    );
    expect(fillLink('{url}', { url: 'https://example.com/x' })).toBe('https://example.com/x');
  });

  test('absoluteOn puts relative uploads on the public URL, path included', () => {
    expect(absoluteOn('https://cms.example.com/')('/uploads/a.png')).toBe('https://cms.example.com/uploads/a.png');
    expect(absoluteOn('https://example.com/cms')('/uploads/a.png')).toBe('https://example.com/cms/uploads/a.png');
    expect(absoluteOn('https://cms.example.com')('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(absoluteOn(null)('/uploads/a.png')).toBe('/uploads/a.png');
  });
});

describe('entryOf', () => {
  test('maps a document: title, plain text with line breaks, the first image with its alt, the link', () => {
    const mapped = entryOf(
      {
        documentId: 'd1',
        title: 'Hello',
        excerpt: 'a\nb <i>',
        slug: 'hello',
        cover: { url: '/uploads/c.png', alternativeText: null, caption: 'Cap' },
      },
      { fields: { title: 'title', text: 'excerpt', image: 'cover' }, link: 'https://example.com/{slug}' },
      'text',
      absoluteOn('https://cms.example.com')
    );
    expect(mapped).toEqual({
      documentId: 'd1',
      title: 'Hello',
      html: 'a<br />b &lt;i&gt;',
      image: { url: 'https://cms.example.com/uploads/c.png', alt: 'Cap' },
      link: 'https://example.com/hello',
    });
  });

  test('the alt falls back to the title; no image, no text when the fields are empty', () => {
    const mapped = entryOf(
      { documentId: 'd', title: 'T', cover: [{ url: 'https://x.test/a.png' }], excerpt: '' },
      { fields: { title: 'title', text: 'excerpt', image: 'cover' }, link: null },
      'text',
      absoluteOn(null)
    );
    expect(mapped.image).toEqual({ url: 'https://x.test/a.png', alt: 'T' });
    expect(mapped.html).toBeNull();
    expect(
      entryOf({ documentId: 'd', cover: null }, { fields: { title: null, text: null, image: 'cover' }, link: null }, null, absoluteOn(null))
        .image
    ).toBeNull();
  });
});

describe('withSampleEntries', () => {
  test('a campaign with blocks compiles as saved, without reading any entry', async () => {
    const content = `<mjml><mj-body>\n<mj-strapi-entries type="api::article.article" latest="2" title="title" image="cover" link="https://example.com/{slug}" button="Read" layout="cards" />\n<mj-section><mj-column><mj-strapi-entries type="api::article.article" entries="a" text="body" /></mj-column></mj-section></mj-body></mjml>`;
    expect(findEntriesBlocks(content)).toHaveLength(2);
    const compiled = await compileContent({ subject: 'S', preheader: null, content: withSampleEntries(content), plainText: null });
    expect(compiled.links.map((l) => l.url)).toContain('https://example.com/');
  });
});
