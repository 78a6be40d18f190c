/** A link of a campaign's HTML that clicks are counted on: its position in the template and its URL. */
export interface TrackedLink {
  /** Template key, `l0`, `l1`...: what the rewritten href reads from `_links`. */
  key: string;
  url: string;
}

const ANCHOR_HREF = /(<a\b[^>]*?\shref\s*=\s*)(["'])(.*?)\2/gis;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

const decodeAttribute = (value: string) => value.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity]);

/**
 * Only absolute http(s) URLs written as they are: a URL with Liquid in it differs per recipient
 * (and `unsubscribe_url` and friends must not go through a redirect), mailto: and anchors are not
 * web clicks, and `data-notrack` on the anchor opts a link out.
 */
const isTrackable = (anchor: string, url: string) =>
  /^https?:\/\/[^\s]+$/i.test(url) && !/\{[{%]/.test(url) && !/\sdata-notrack\b/i.test(anchor);

/**
 * Rewrites the href of every trackable anchor to a Liquid output of its tracked URL
 * (`{{ _links.l0 }}`), once per campaign; the same URL twice is one link.
 */
export const rewriteLinks = (html: string): { html: string; links: TrackedLink[] } => {
  const byUrl = new Map<string, TrackedLink>();
  const rewritten = html.replace(ANCHOR_HREF, (match, start: string, quote: string, raw: string) => {
    const url = decodeAttribute(raw.trim());
    if (!isTrackable(start, url)) return match;
    let link = byUrl.get(url);
    if (!link) {
      link = { key: `l${byUrl.size}`, url };
      byUrl.set(url, link);
    }
    return `${start}${quote}{{ _links.${link.key} }}${quote}`;
  });
  return { html: rewritten, links: [...byUrl.values()] };
};
