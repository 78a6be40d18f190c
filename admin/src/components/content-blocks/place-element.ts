/** Where an element may stand in MJML: among sections (a block of the body) or inside a column. */
export type Slot = 'section' | 'column';

/** Parents that take each slot's elements as children. */
const PARENTS: Record<Slot, readonly string[]> = {
  section: ['mj-body', 'mj-wrapper'],
  column: ['mj-column', 'mj-hero'],
};

/** Only MJML's own tags count: the HTML inside an mj-text (an unclosed <br>) would break the nesting. */
const MJ_TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)(mjml|mj-[a-z-]+)\b[^>]*?(\/?)>/g;

/** The MJML elements open at `cursor`, outermost first; null when the cursor sits inside a tag or a comment. */
export const openElementsAt = (source: string, cursor: number): string[] | null => {
  const before = source.slice(0, cursor);
  if (before.lastIndexOf('<') > before.lastIndexOf('>')) return null;
  const open: string[] = [];
  for (const match of before.matchAll(MJ_TAG)) {
    const [whole, closing, name, selfClosing] = match;
    if (whole.startsWith('<!--')) {
      if (!whole.endsWith('-->')) return null;
    } else if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!selfClosing) {
      open.push(name);
    }
  }
  return open;
};

const lineStart = (source: string, index: number) => source.lastIndexOf('\n', index - 1) + 1;

/** Text to insert at an offset of the source. */
export interface Insertion {
  at: number;
  text: string;
}

/**
 * Where `element` goes in the MJML: at the cursor when the cursor stands where the slot's elements
 * go, else at the end of the body (a column's element then gets a section and a column of its own).
 */
export const placeElement = (source: string, cursor: number, element: string, slot: Slot): Insertion => {
  const open = openElementsAt(source, cursor);
  const parent = open?.[open.length - 1];
  if (parent && PARENTS[slot].includes(parent)) return { at: cursor, text: element };
  const block = slot === 'column' ? `<mj-section><mj-column>${element}</mj-column></mj-section>` : element;
  const bodyEnd = source.lastIndexOf('</mj-body>');
  if (bodyEnd < 0) return { at: source.length, text: `${source === '' || source.endsWith('\n') ? '' : '\n'}${block}\n` };
  const footer = footerStart(source, bodyEnd);
  if (footer !== null) {
    const start = lineStart(source, footer);
    const indent = source.slice(start, footer);
    if (/^\s*$/.test(indent)) return { at: start, text: `${indent}${block}\n` };
    return { at: footer, text: block };
  }
  const start = lineStart(source, bodyEnd);
  const beforeEnd = source.slice(start, bodyEnd);
  // `</mj-body>` on a line of its own: the block goes on the line above, one level deeper.
  if (/^\s*$/.test(beforeEnd)) return { at: start, text: `${beforeEnd}  ${block}\n` };
  return { at: bodyEnd, text: block };
};

/**
 * Where the body's last section starts when it is the footer (it holds the unsubscribe link, as the
 * starter's does): content belongs above the footer, not under the legal lines.
 */
const footerStart = (source: string, bodyEnd: number): number | null => {
  const last = Math.max(source.lastIndexOf('<mj-section', bodyEnd), source.lastIndexOf('<mj-wrapper', bodyEnd));
  if (last < 0 || !source.slice(last, bodyEnd).includes('unsubscribe_url')) return null;
  const open = openElementsAt(source, last);
  return open && PARENTS.section.includes(open[open.length - 1]) ? last : null;
};
