import type { FontSettings } from '../../../shared/contracts/site-settings';

/** No site fonts: the reader's own. What a campaign compiles with when nobody says otherwise. */
export const SYSTEM_FONTS: FontSettings = { mode: 'system', stylesheetUrl: null, family: null };

const siteStylesheet = (fonts: FontSettings) => (fonts.mode === 'site' && fonts.stylesheetUrl && fonts.family ? fonts.stylesheetUrl : null);

/**
 * MJML's `fonts` option. Its defaults (Open Sans, Droid Sans, Lato, Roboto, Ubuntu) are Google
 * Fonts URLs, added to every message naming one of those families: each reader's IP then goes to
 * Google when the message opens (a GDPR problem in the EU). Replaced by the site's one stylesheet
 * for its family, or by nothing.
 */
export const mjmlFontsOf = (fonts: FontSettings): Record<string, string> => {
  const stylesheet = siteStylesheet(fonts);
  return stylesheet ? { [fonts.family!]: stylesheet } : {};
};

const originOf = (url: string) => {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).origin;
  } catch {
    return null;
  }
};

/** Whether a URL in the message leaves the site: an absolute one (or `//host`) of another origin than the site's fonts. */
const isForeign = (url: string, allowed: string | null) => {
  const trimmed = url.trim().replace(/^['"]|['"]$/g, '');
  if (!/^(https?:)?\/\//i.test(trimmed)) return false;
  return originOf(trimmed) !== allowed;
};

const HREF = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i;
const IMPORT = /@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?[^;]*;?/gi;
const FONT_FACE = /@font-face\s*\{[^}]*\}/gi;
const URL_IN_CSS = /url\(\s*(["']?)([^"')]+)\1\s*\)/gi;

/**
 * Removes from compiled HTML what would fetch fonts or styles from another host: `<link>`s,
 * `@import`s and `@font-face` rules pointing anywhere but the site's font stylesheet's origin (an
 * editor's `<mj-font>` or `<mj-style>` of Google Fonts, say). Images and links are the editor's
 * content and stay.
 */
export const withoutForeignFonts = (html: string, fonts: FontSettings) => {
  const stylesheet = siteStylesheet(fonts);
  const allowed = stylesheet ? originOf(stylesheet) : null;
  return html
    .replace(/<link\b[^>]*>/gi, (tag) => {
      const href = HREF.exec(tag);
      return href && isForeign(href[2] ?? href[3] ?? href[4], allowed) ? '' : tag;
    })
    .replace(IMPORT, (rule, _quote: string, url: string) => (isForeign(url, allowed) ? '' : rule))
    .replace(FONT_FACE, (rule) => ([...rule.matchAll(URL_IN_CSS)].some((m) => isForeign(m[2], allowed)) ? '' : rule));
};
