import { createHash } from 'node:crypto';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../../../shared/contracts/site-settings';
import { pageContextOf, pageHeaders, pagePolicy, renderPage, translate, translateHtml } from '..';
import { BUILT_IN_LANGUAGES, languageProblems, MESSAGE_KEYS } from '../locales';
import { en } from '../locales/en';
import { contrastRatio } from '../theme';
import { viewPolicy } from '../view-policy';

const settings = (theme: Partial<SiteSettings['theme']> = {}, fonts: Partial<SiteSettings['fonts']> = {}): SiteSettings => ({
  ...DEFAULT_SITE_SETTINGS,
  theme: { ...DEFAULT_SITE_SETTINGS.theme, ...theme },
  fonts: { ...DEFAULT_SITE_SETTINGS.fonts, ...fonts },
});
const english = { contactLocale: null, acceptLanguage: undefined };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the languages', () => {
  test.each(Object.keys(BUILT_IN_LANGUAGES))('%s has every key, with the placeholders of English', (language) => {
    expect(languageProblems(BUILT_IN_LANGUAGES[language] as Record<string, unknown>)).toEqual([]);
  });

  test('a language a site adds is checked key by key', () => {
    const { 'notFound.title': _left, ...missingOne } = en;
    expect(languageProblems({ ...missingOne, 'unsubscribe.done.body': 'Fatto.', 'notFound.titel': 'x', 'notFound.body': '  ' })).toEqual([
      { key: 'notFound.title', message: 'missing: every key of the English text is required' },
      { key: 'notFound.body', message: 'missing: every key of the English text is required' },
      { key: 'unsubscribe.done.body', message: 'needs the placeholders {email} and no others' },
      { key: 'notFound.titel', message: 'unknown key' },
    ]);
    expect(MESSAGE_KEYS).toContain('notFound.title');
  });
});

describe('pageContextOf', () => {
  test('the footer is the theme’s, else the postal address, else none', () => {
    expect(pageContextOf(settings({ footer: 'Ours' }), '1 Main St', english).footer).toBe('Ours');
    expect(pageContextOf(settings(), '1 Main St', english).footer).toBe('1 Main St');
    expect(pageContextOf(settings(), null, english).footer).toBeNull();
  });

  test("a site's languages are chosen like the built-in ones", () => {
    const italian = { ...en, 'notFound.title': 'Non trovato' };
    const context = pageContextOf(
      settings(),
      null,
      { contactLocale: null, acceptLanguage: 'it-IT,fr;q=0.5' },
      { ...BUILT_IN_LANGUAGES, it: italian }
    );
    expect(context.locale).toBe('it');
    expect(translate(context, 'notFound.title')).toBe('Non trovato');
  });
});

test('translateHtml escapes the text and puts the HTML given in its placeholders; translate leaves text as text', () => {
  const context = pageContextOf(settings(), null, english);
  const tricky = { ...context, messages: { ...context.messages, 'unsubscribe.done.body': '<b>{email}</b> & {email}' } };
  expect(translateHtml(tricky, 'unsubscribe.done.body', { email: '<i>x</i>' })).toBe('&lt;b&gt;<i>x</i>&lt;/b&gt; &amp; <i>x</i>');
  expect(translate(tricky, 'unsubscribe.done.body', { email: '<x>' })).toBe('<b><x></b> & <x>');
});

describe('renderPage and its policy', () => {
  const themed = settings(
    {
      siteName: 'Shop "&" Co',
      logoUrl: 'https://cdn.example.com/logo.png?a=1&b=2',
      accentColor: '#FFEE00',
      footer: 'Shop & Co\n1 Main St',
    },
    { mode: 'site', stylesheetUrl: 'https://www.example.com/fonts.css', family: 'Brand Sans' }
  );

  test('the theme shows: the logo with its alt text, the name in the title, the footer; everything escaped', () => {
    const context = pageContextOf(themed, null, { contactLocale: 'fr', acceptLanguage: undefined });
    const html = renderPage(context, { title: 'Titre', body: '<h1>Titre</h1>' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Titre – Shop &quot;&amp;&quot; Co</title>');
    expect(html).toContain('<img src="https://cdn.example.com/logo.png?a=1&amp;b=2" alt="Logo de Shop &quot;&amp;&quot; Co">');
    expect(html).toContain('<footer>Shop &amp; Co\n1 Main St</footer>');
    expect(html).toContain('<link rel="stylesheet" href="https://www.example.com/fonts.css">');
    expect(html).toContain('font:16px/1.5 "Brand Sans",');
    expect(html).not.toMatch(/<script|\son\w+=/i);
  });

  test('the CSP allows exactly the inline style by its hash, the logo and fonts origins, and nothing inline else', () => {
    const context = pageContextOf(themed, null, english);
    const html = renderPage(context, { title: 'T', body: '' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(pagePolicy(context)).toBe(
      "default-src 'none'; " +
        `style-src 'self' ${sha(style)} https://www.example.com; font-src 'self' https://www.example.com; ` +
        "img-src 'self' data: https://cdn.example.com; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    expect(pageHeaders(context)['Content-Security-Policy']).not.toContain('unsafe-inline');
  });

  test('without a logo or site fonts the policy names no other origin', () => {
    const context = pageContextOf(settings(), null, english);
    expect(pagePolicy(context)).toMatch(/^default-src 'none'; style-src 'self' 'sha256-[^']+'; font-src 'self'; img-src 'self' data:; /);
    expect(renderPage(context, { title: 'T', body: '' })).not.toMatch(/<link|<header|<footer/);
  });

  test('a light accent colour gets dark button text and leaves links the text colour; a dark one keeps white and its links', () => {
    const light = renderPage(pageContextOf(settings({ accentColor: '#ffee00' }), null, english), { title: 'T', body: '' });
    expect(light).toContain('background:#ffee00;color:#212134');
    expect(light).toContain('a{color:#212134;');
    const dark = renderPage(pageContextOf(settings({ accentColor: '#4945ff' }), null, english), { title: 'T', body: '' });
    expect(dark).toContain('background:#4945ff;color:#ffffff');
    expect(dark).toContain('a{color:#4945ff;');
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
  });
});

test('the view page allows each style of the message by its hash, attributes decoded as the browser reads them', () => {
  const html = `<style>p{color:red}</style><p style="font-family:&quot;Open Sans&quot;, Arial">a</p><div style='margin:0'>b</div><p style="font-family:&quot;Open Sans&quot;, Arial">c</p>`;
  const policy = viewPolicy(html, { mode: 'system', stylesheetUrl: null, family: null });
  expect(policy).toContain(`style-src-elem 'self' ${sha('p{color:red}')};`);
  expect(policy).toContain(`style-src-attr 'unsafe-hashes' ${sha('font-family:"Open Sans", Arial')} ${sha('margin:0')};`);
  expect(policy).toContain("font-src 'self';");
  expect(policy).not.toContain('unsafe-inline');
  const site = viewPolicy('<p>x</p>', { mode: 'site', stylesheetUrl: 'https://www.example.com/f.css', family: 'X' });
  expect(site).toContain("style-src-attr 'none'");
  expect(site).toContain("font-src 'self' https://www.example.com;");
});
