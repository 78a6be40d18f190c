import type { EntriesBlockSpec } from '../../../../shared/contracts/content-blocks';
import { escapeValue, safeUrl } from './escape';
import type { BlockPlace } from './tag';

/** One entry as a block shows it: site values, not yet escaped, except `html` (made by rich-text.ts). */
export interface ResolvedEntry {
  documentId: string;
  title: string | null;
  /** Email-safe HTML of the text field, escaped and inert for Liquid already. */
  html: string | null;
  /** The image's absolute URL and its alternative text. */
  image: { url: string; alt: string } | null;
  /** The entry's link, its placeholders filled. */
  link: string | null;
}

const elementsOf = (entry: ResolvedEntry, spec: Pick<EntriesBlockSpec, 'button'>) => {
  const href = entry.link ? safeUrl(entry.link) : null;
  const parts: string[] = [];
  const src = entry.image ? safeUrl(entry.image.url, ['http:', 'https:']) : null;
  if (src) {
    parts.push(`<mj-image src="${src}" alt="${escapeValue(entry.image!.alt)}"${href ? ` href="${href}"` : ''} padding-bottom="12px" />`);
  }
  if (entry.title) {
    const title = escapeValue(entry.title);
    const linked = href ? `<a href="${href}" style="color:inherit;text-decoration:none;">${title}</a>` : title;
    parts.push(`<mj-text font-size="20px" font-weight="bold" line-height="1.3" padding-bottom="8px">${linked}</mj-text>`);
  }
  // Its line breaks as character references: the fragment stays on one line (tag.ts replaceBlocks), a <pre> keeps them.
  if (entry.html) parts.push(`<mj-text>${entry.html.replace(/\r?\n/g, '&#10;')}</mj-text>`);
  if (href && spec.button) parts.push(`<mj-button href="${href}" align="left">${escapeValue(spec.button)}</mj-button>`);
  return parts.join('');
};

/**
 * A block's entries as plain MJML, in place of the element: a column's elements when the block is
 * in a column; otherwise one section per entry (stack) or two entries side by side per section (cards).
 * No entries, no MJML: a block whose filter matches nothing leaves no gap. One line of MJML.
 */
export const renderEntries = (spec: Pick<EntriesBlockSpec, 'button' | 'layout'>, place: BlockPlace, entries: readonly ResolvedEntry[]) => {
  if (place === 'elements') return entries.map((entry) => elementsOf(entry, spec)).join('');
  if (spec.layout === 'stack')
    return entries.map((entry) => `<mj-section><mj-column>${elementsOf(entry, spec)}</mj-column></mj-section>`).join('');
  const rows: string[] = [];
  for (let i = 0; i < entries.length; i += 2) {
    const pair = entries.slice(i, i + 2).map((entry) => `<mj-column>${elementsOf(entry, spec)}</mj-column>`);
    // An odd last entry keeps the width of a card, beside an empty column.
    if (pair.length === 1) pair.push('<mj-column></mj-column>');
    rows.push(`<mj-section>${pair.join('')}</mj-section>`);
  }
  return rows.join('');
};
