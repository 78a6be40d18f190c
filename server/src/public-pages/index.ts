/**
 * The public pages recipients see (unsubscribe, preferences, view-in-browser errors): one layout
 * with the site's theme and fonts, text in the recipient's language, strict headers. A contract
 * written first so the preference center and the pages can be built side by side: `renderPage`
 * and `pageContextOf` keep these signatures.
 */
import type { FontSettings, PageTheme, SiteSettings } from '../../../shared/contracts/site-settings';
import { chooseLanguage } from './language';
import { BUILT_IN_LANGUAGES, type MessageKey, type Messages } from './locales';
import { originOf, styleHash, styleOf } from './theme';

export type { MessageKey, Messages };

/** Everything a page needs beyond its own content. */
export interface PageContext {
  /** A language the pages have text for (`en`, `fr`, `de`, `es`, or one the site added). */
  locale: string;
  /** That language's text (translate / translateHtml read it). */
  messages: Messages;
  theme: PageTheme;
  fonts: FontSettings;
  /** The footer text: the theme's, else the configured postal address, else none. */
  footer: string | null;
}

/** `body` is HTML the caller built, every value in it escaped with escapeHtml. */
export interface PageContent {
  title: string;
  body: string;
}

export const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const fill = (text: string, params: Readonly<Record<string, string>>) =>
  text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? params[name] : placeholder));

/** A message as plain text with its placeholders filled in (escape it before it goes into HTML). */
export const translate = (context: PageContext, key: MessageKey, params: Readonly<Record<string, string>> = {}) =>
  fill(context.messages[key], params);

/**
 * A message as HTML: its text escaped, then its placeholders replaced by the HTML given (which the
 * caller built and escaped), e.g. `{ email: '<strong>a***@example.com</strong>' }`.
 */
export const translateHtml = (context: PageContext, key: MessageKey, htmlParams: Readonly<Record<string, string>> = {}) =>
  fill(escapeHtml(context.messages[key]), htmlParams);

/** What a page knows of its reader's language: their contact's locale (when a token names one) and the request's header. */
export interface LanguageHints {
  contactLocale: string | null;
  acceptLanguage: string | undefined;
}

/**
 * The page context for a recipient: their contact's locale first, else the browser's
 * Accept-Language, else English. `languages`: the languages pages have (the built-in ones unless
 * the site added some: `rootOf(strapi).pages.context(...)` passes the site's).
 */
export const pageContextOf = (
  settings: SiteSettings,
  postalAddress: string | null,
  language: LanguageHints,
  languages: Readonly<Record<string, Messages>> = BUILT_IN_LANGUAGES
): PageContext => {
  const locale = chooseLanguage(languages, language.contactLocale, language.acceptLanguage);
  return {
    locale,
    messages: languages[locale],
    theme: settings.theme,
    fonts: settings.fonts,
    footer: settings.theme.footer ?? postalAddress,
  };
};

const siteFonts = (fonts: FontSettings) => (fonts.mode === 'site' && fonts.stylesheetUrl ? fonts.stylesheetUrl : null);

const headerOf = (context: PageContext) => {
  const { siteName, logoUrl } = context.theme;
  if (logoUrl) {
    const alt = siteName ? translate(context, 'layout.logoAlt', { site: siteName }) : '';
    return `<header><img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(alt)}"></header>`;
  }
  return siteName ? `<header><p>${escapeHtml(translate(context, 'layout.siteHome', { site: siteName }))}</p></header>` : '';
};

export const renderPage = (context: PageContext, content: PageContent) => {
  const fontsUrl = siteFonts(context.fonts);
  const title = context.theme.siteName ? `${content.title} – ${context.theme.siteName}` : content.title;
  return `<!doctype html>
<html lang="${escapeHtml(context.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
${fontsUrl ? `<link rel="stylesheet" href="${escapeHtml(fontsUrl)}">\n` : ''}<style>${styleOf(context.theme, context.fonts)}</style>
</head>
<body>${headerOf(context)}<main>${content.body}</main>${context.footer ? `<footer>${escapeHtml(context.footer)}</footer>` : ''}</body>
</html>
`;
};

/**
 * The Content-Security-Policy of a page renderPage made with this context: no script at all, the
 * one inline stylesheet by its hash, images from the site and the logo's origin, fonts and styles
 * from the site and its font stylesheet's origin, forms posting only back to the site.
 */
export const pagePolicy = (context: PageContext) => {
  const fontsOrigin = originOf(siteFonts(context.fonts));
  const logoOrigin = originOf(context.theme.logoUrl);
  const sources = (...list: Array<string | null>) => list.filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    `style-src ${sources("'self'", styleHash(styleOf(context.theme, context.fonts)), fontsOrigin)}`,
    `font-src ${sources("'self'", fontsOrigin)}`,
    `img-src ${sources("'self'", 'data:', logoOrigin)}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
};

/** Nothing a public page answers may be cached: a cached page may outlive an unsubscribe. */
export const NO_STORE_HEADERS = { 'Cache-Control': 'private, no-store, max-age=0', 'Referrer-Policy': 'no-referrer' } as const;

/** Every header of a public page made with this context (the CSP among them): never framed, sniffed or indexed. */
export const pageHeaders = (context: PageContext): Record<string, string> => ({
  ...NO_STORE_HEADERS,
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': pagePolicy(context),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
});
