/**
 * Entry values are the site's content, not the editor's template. The expanded MJML is parsed as
 * Liquid (the HTML part), and its text, with entities decoded, is parsed as Liquid again (the plain
 * text part): so a value is HTML-escaped AND keeps no brace of its own. Each `{` or `}` becomes a
 * Liquid output of that character, which both parts print as the brace itself; no entity would do,
 * since the text part decodes it back into a live brace. URLs get their braces percent-encoded.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const LIQUID_BRACES: Record<string, string> = { '{': "{{ '{' }}", '}': "{{ '}' }}" };

/** HTML (made from site content, escaped already) with every brace turned into a Liquid literal of itself. */
export const liquidLiteral = (html: string) => html.replace(/[{}]/g, (brace) => LIQUID_BRACES[brace]);

/** A value as HTML text or attribute: escaped, and inert for Liquid. */
export const escapeValue = (value: string) => liquidLiteral(value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]));

/** Characters a URL keeps literally in an attribute and in the text part; the rest is percent-encoded. */
const UNSAFE_URL_CHARACTERS = /[^A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]/gu;

/**
 * A URL from site content, for an href or src: only the schemes given (javascript: and data: never),
 * with braces, quotes, spaces and anything unusual percent-encoded. Null when it is not such a URL.
 */
export const safeUrl = (url: string, schemes: readonly string[] = ['http:', 'https:', 'mailto:']): string | null => {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!schemes.includes(parsed.protocol)) return null;
  return trimmed.replace(UNSAFE_URL_CHARACTERS, (c) => (c === "'" ? '%27' : encodeURIComponent(c))).replace(/&/g, '&amp;');
};

/** A value placed into a URL pattern's placeholder: encoded as one path or query segment. */
export const urlSegment = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
