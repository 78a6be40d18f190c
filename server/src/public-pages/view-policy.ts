import type { FontSettings } from '../../../shared/contracts/site-settings';
import { originOf, sha256Source } from './theme';

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
/** An attribute's value as the browser hashes it: after its character references are decoded. */
const decoded = (value: string) => value.replace(/&(quot|#39|#x27|lt|gt|amp);/g, (entity) => ENTITIES[entity]);

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi;

/**
 * The Content-Security-Policy of a message shown in the browser. An editor's HTML is all inline
 * styles, so instead of 'unsafe-inline' each distinct `<style>` and `style="…"` of this very page is
 * allowed by its hash ('unsafe-hashes' for the attributes: CSS, never script, which nothing
 * allows). Fonts and stylesheets only from the site and its font stylesheet's origin; images from
 * anywhere, as a mail client shows them (they are the message's content); no script, no form;
 * sandboxed so that the editor's HTML cannot act as the Strapi origin, where the admin keeps its
 * session, and its links open normally (MJML buttons open a new tab, which must not inherit the sandbox).
 */
export const viewPolicy = (html: string, fonts: FontSettings) => {
  const hashes = new Set<string>();
  for (const match of html.matchAll(STYLE_ELEMENT)) hashes.add(sha256Source(match[1]));
  const attributes = new Set<string>();
  for (const match of html.matchAll(STYLE_ATTRIBUTE)) attributes.add(sha256Source(decoded(match[2] ?? match[3])));
  const fontsOrigin = fonts.mode === 'site' ? originOf(fonts.stylesheetUrl) : null;
  const sources = (...list: Array<string | null>) => list.filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    `style-src-elem ${sources("'self'", ...hashes, fontsOrigin)}`,
    `style-src-attr ${attributes.size ? `'unsafe-hashes' ${[...attributes].join(' ')}` : "'none'"}`,
    // For browsers without the two above (CSP level 2): the same sources in one.
    `style-src ${sources("'self'", ...hashes, fontsOrigin, attributes.size ? "'unsafe-hashes'" : null, ...attributes)}`,
    `font-src ${sources("'self'", fontsOrigin)}`,
    'img-src * data:',
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    'sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
  ].join('; ');
};
