/**
 * Which anchors of a campaign's HTML have their clicks counted: the server rewrites their links to
 * tracked redirects when it compiles a campaign (server/src/content/links.ts), the admin marks them
 * on the click map. One definition, so both see the same links.
 */

/** An anchor's opening tag with an href: what precedes the value, its quote, the value as written, and the rest of the tag. */
const ANCHOR_WITH_HREF = /(<a\b[^>]*?\shref\s*=\s*)(["'])(.*?)\2([^>]*>)/gis;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

const decodeAttribute = (value: string) => value.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity]);

/**
 * Only absolute http(s) URLs written as they are: a URL with Liquid in it differs per recipient
 * (and `unsubscribe_url` and friends must not go through a redirect), mailto: and anchors are not
 * web clicks, and `data-notrack` on the anchor opts a link out.
 */
const isTracked = (tag: string, url: string) => /^https?:\/\/[^\s]+$/i.test(url) && !/\{[{%]/.test(url) && !/\sdata-notrack\b/i.test(tag);

/** One anchor whose clicks are counted: its opening tag in parts, and its URL decoded. */
export interface TrackedAnchor {
  /** The whole opening tag, as written. */
  tag: string;
  /** The tag up to the href's value, its quote, and the tag after the value (up to `>`). */
  start: string;
  quote: string;
  rest: string;
  url: string;
}

/** The HTML with each tracked anchor's opening tag replaced by what `replace` makes of it; the rest as it was. */
export const replaceTrackedAnchors = (html: string, replace: (anchor: TrackedAnchor) => string) =>
  html.replace(ANCHOR_WITH_HREF, (tag: string, start: string, quote: string, raw: string, rest: string) => {
    const url = decodeAttribute(raw.trim());
    return isTracked(tag, url) ? replace({ tag, start, quote, rest, url }) : tag;
  });
