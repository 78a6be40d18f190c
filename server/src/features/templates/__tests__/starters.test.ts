import { STARTER_KEYS } from '../../../../../shared/contracts/templates';
import { compileContent } from '../../../content/compile';
import { renderMessage } from '../../../content/render';
import { findEntriesBlocks } from '../../content-blocks/tag';
import { withSampleEntries } from '../../content-blocks/expand';
import { messageFindings } from '../../presend/rules';
import { STARTERS, type Starter } from '../starters';

const POSTAL_ADDRESS = '12 Harbour Street, Portland, ME 04101';
const URLS = {
  unsubscribe: 'https://site.example/api/campaigns/t/u/abc',
  preferences: 'https://site.example/api/campaigns/t/p/abc',
  viewInBrowser: 'https://site.example/api/campaigns/v/abc',
  open: 'data:,',
  links: {},
};

/** A starter as a send would make it for a contact with no first name (the fallbacks show), checked by the pre-send rules. */
const rendered = async (starter: Starter) => {
  // The digest's entries block becomes a sample entry, as saving checks it (content-blocks/expand.ts).
  const content = withSampleEntries(starter.content);
  const compiled = await compileContent({ subject: starter.subject, preheader: starter.preheader, content, plainText: null });
  const message = renderMessage(compiled, {
    contact: { email: 'ann@example.org', firstName: null, lastName: null, locale: null, timezone: null, attributes: {} },
    campaign: { name: starter.name, subject: starter.subject, fromName: null, fromEmail: null },
    urls: URLS,
    postalAddress: POSTAL_ADDRESS,
  });
  const findings = messageFindings({
    subject: message.subject,
    preheader: starter.preheader,
    html: message.html,
    text: message.text,
    sources: [
      { part: 'subject', source: starter.subject },
      { part: 'preheader', source: starter.preheader },
      { part: 'content', source: starter.content },
    ],
    optOutUrls: [URLS.unsubscribe, URLS.preferences],
    ownUrls: [URLS.unsubscribe, URLS.preferences, URLS.viewInBrowser],
    postalAddress: POSTAL_ADDRESS,
  });
  return { ...message, findings };
};

test('the gallery has a starter for each key, in the contract order', () => {
  expect(STARTERS.map((starter) => starter.key)).toEqual([...STARTER_KEYS]);
});

describe.each(STARTERS.map((starter) => [starter.key, starter] as const))('the %s starter', (_key, starter) => {
  test('compiles, and the pre-send rules find nothing, not even a warning', async () => {
    const { findings } = await rendered(starter);
    expect(findings).toEqual([]);
  });

  test('is 600px wide, stacks its columns on phones, and has a subject and preheader', async () => {
    const { html } = await rendered(starter);
    expect(starter.content).toMatch(/<mj-body\b[^>]*width="600px"/);
    expect(html).toContain('max-width:600px');
    // MJML's column widths apply from 480px up: below, every column takes the full width.
    expect(html).toMatch(/@media only screen and \(min-width:480px\)/);
    expect(starter.subject.length).toBeLessThanOrEqual(80);
    expect(starter.preheader.trim()).not.toBe('');
  });

  test('greets with a fallback and carries the unsubscribe link and postal address in its footer', async () => {
    const { html, text } = await rendered(starter);
    expect(starter.content).toContain("{{ contact.firstName | default: 'there' }}");
    expect(html).toContain('Hi there,');
    expect(html).toContain(`href="${URLS.unsubscribe}"`);
    expect(text).toContain(POSTAL_ADDRESS);
    expect(html.lastIndexOf(URLS.unsubscribe)).toBeGreaterThan(html.length * 0.6);
  });

  test('fetches nothing from another host: no web font, no stylesheet, no image but the open pixel', async () => {
    const { html } = await rendered(starter);
    expect(starter.content).not.toMatch(/<mj-font\b/);
    expect(html).not.toMatch(/<link\b|@import|@font-face/i);
    const images = [...html.matchAll(/<img\b[^>]*>/gi)].map((m) => m[0]);
    const own = images.filter((tag) => !/src="data:,"/.test(tag));
    // The digest's sample entry has its image; alt text on every one.
    expect(own.every((tag) => /\balt="[^"]+"/.test(tag))).toBe(true);
    if (starter.key !== 'digest') expect(own).toEqual([]);
  });
});

test("the digest shows the site's three latest articles, as sections of the message", () => {
  const digest = STARTERS.find((starter) => starter.key === 'digest')!;
  const [block, ...others] = findEntriesBlocks(digest.content);
  expect(others).toEqual([]);
  expect(block.place).toBe('sections');
  expect(block.spec).toMatchObject({
    type: 'api::article.article',
    selection: { kind: 'latest', count: 3, filter: null, sort: null },
    fields: { title: 'title', text: 'excerpt', image: 'cover' },
    link: 'https://example.com/blog/{slug}',
    layout: 'stack',
  });
});
