import { replaceTrackedAnchors } from '../../../../shared/tracked-anchors';

export interface ClickMapLink {
  url: string | null;
  clicks: number;
  uniqueClicks: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The message's HTML (as its preview renders it, links untracked) with a badge at the start of
 * each of the campaign's tracked links (`links`, the report's: every one, clicked or not): its
 * share of people's clicks and their count (`label`). The badge is inline-styled like the rest of a mail, in `colours`.
 */
export const clickMapHtml = (
  html: string,
  links: readonly ClickMapLink[],
  label: (share: number, link: ClickMapLink) => string,
  colours: { background: string; text: string }
) => {
  const byUrl = new Map(links.flatMap((link) => (link.url ? [[link.url, link] as const] : [])));
  const total = links.reduce((sum, link) => sum + link.clicks, 0);
  const style = `display:inline-block;margin:0 4px 0 0;padding:1px 6px;border-radius:4px;background:${colours.background};color:${colours.text};font:bold 12px/16px sans-serif;text-decoration:none;vertical-align:middle`;
  return replaceTrackedAnchors(html, ({ tag, url }) => {
    const link = byUrl.get(url);
    // A URL the preview resolved from Liquid (the unsubscribe link...) was never tracked.
    if (!link) return tag;
    return `${tag}<span data-click-map style="${style}">${escapeHtml(label(total ? link.clicks / total : 0, link))}</span>`;
  });
};
