import { replaceTrackedAnchors } from '../../../shared/tracked-anchors';

/** A link of a campaign's HTML that clicks are counted on: its position in the template and its URL. */
export interface TrackedLink {
  /** Template key, `l0`, `l1`...: what the rewritten href reads from `_links`. */
  key: string;
  url: string;
}

/**
 * Rewrites the href of every tracked anchor (shared/tracked-anchors.ts) to a Liquid output of its tracked URL
 * (`{{ _links.l0 }}`), once per campaign; the same URL twice is one link.
 */
export const rewriteLinks = (html: string): { html: string; links: TrackedLink[] } => {
  const byUrl = new Map<string, TrackedLink>();
  const rewritten = replaceTrackedAnchors(html, ({ start, quote, rest, url }) => {
    let link = byUrl.get(url);
    if (!link) {
      link = { key: `l${byUrl.size}`, url };
      byUrl.set(url, link);
    }
    return `${start}${quote}{{ _links.${link.key} }}${quote}${rest}`;
  });
  return { html: rewritten, links: [...byUrl.values()] };
};
