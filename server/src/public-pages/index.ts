/**
 * The public pages recipients see (unsubscribe, preferences, view-in-browser errors): one layout
 * with the site's theme and fonts, text in the recipient's language, strict headers. A contract
 * written first so the preference center and the pages can be built side by side: `renderPage`
 * and `pageContextOf` keep these signatures.
 */
import type { FontSettings, PageTheme, SiteSettings } from '../../../shared/contracts/site-settings';

/** Everything a page needs beyond its own content. */
export interface PageContext {
  /** A language the pages have text for (`en`, `fr`, `de`, `es`, or one the site added). */
  locale: string;
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

/** The page context for a recipient: their contact's locale first, else the browser's Accept-Language, else English. */
export const pageContextOf = (
  settings: SiteSettings,
  postalAddress: string | null,
  _language: { contactLocale: string | null; acceptLanguage: string | undefined }
): PageContext => ({
  locale: 'en',
  theme: settings.theme,
  fonts: settings.fonts,
  footer: settings.theme.footer ?? postalAddress,
});

export const renderPage = (context: PageContext, content: PageContent) => `<!doctype html>
<html lang="${escapeHtml(context.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(content.title)}</title>
</head>
<body><main>${content.body}</main>${context.footer ? `<footer>${escapeHtml(context.footer)}</footer>` : ''}</body>
</html>
`;
