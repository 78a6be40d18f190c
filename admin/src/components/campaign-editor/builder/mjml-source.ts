/** What the builder loads and writes: its MJML text, on the way in and out of GrapesJS. */

/** An empty campaign opens as an empty body: the builder needs the mjml root to drop sections into. */
export const EMPTY_DOCUMENT = '<mjml>\n  <mj-body>\n  </mj-body>\n</mjml>\n';

const SELF_CLOSING_MJ = /<(mj-[a-z-]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g;

/**
 * GrapesJS parses with the browser's HTML parser, where `<mj-image />` is an open tag that would
 * swallow the elements after it: written as an element with its end tag, it parses as MJML means it.
 */
export const expandSelfClosing = (mjml: string) => mjml.replace(SELF_CLOSING_MJ, '<$1$2></$1>');

/** Elements written on one line with their content: text and HTML whose whitespace counts. */
const INLINE_CONTENT = new Set([
  'mj-text',
  'mj-button',
  'mj-raw',
  'mj-navbar-link',
  'mj-social-element',
  'mj-style',
  'mj-preview',
  'mj-title',
  'mj-table',
  'mj-html-attribute',
]);

const MJ_TAG = /<(\/?)(mjml|mj-[a-z-]+)\b((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;

/**
 * GrapesJS writes the document on one line: one element a line, indented by depth, reads as the
 * author wrote it when the campaign switches to code. Whitespace between elements means nothing in
 * MJML; the content of text-like elements is kept as it is, and an empty element closes itself.
 */
export const formatMjml = (mjml: string): string => {
  const lines: string[] = [];
  let depth = 0;
  let at = 0;
  const push = (text: string) => lines.push(`${'  '.repeat(depth)}${text}`);
  MJ_TAG.lastIndex = 0;
  for (let match = MJ_TAG.exec(mjml); match; match = MJ_TAG.exec(mjml)) {
    const [whole, closing, name, attributes, selfClosing] = match;
    const between = mjml.slice(at, match.index).trim();
    if (between) push(between);
    at = match.index + whole.length;
    if (closing) {
      depth = Math.max(0, depth - 1);
      push(whole);
      continue;
    }
    if (selfClosing) {
      push(whole);
      continue;
    }
    const end = `</${name}>`;
    const endAt = mjml.indexOf(end, at);
    if (endAt >= 0 && (INLINE_CONTENT.has(name) || mjml.slice(at, endAt).trim() === '')) {
      const content = mjml.slice(at, endAt);
      push(content.trim() === '' && !INLINE_CONTENT.has(name) ? `<${name}${attributes.trimEnd()} />` : `${whole}${content}${end}`);
      at = endAt + end.length;
      MJ_TAG.lastIndex = at;
      continue;
    }
    push(whole);
    depth += 1;
  }
  const rest = mjml.slice(at).trim();
  if (rest) push(rest);
  return `${lines.join('\n')}\n`;
};
