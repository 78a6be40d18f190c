import libmime from 'libmime';

/**
 * Header blocks as the classifier reads them. Text is handled as "binary" strings (one char per
 * byte) until a part's charset is known, so raw 8-bit header bytes are decoded here.
 */

export interface HeaderField {
  /** Lower-case. */
  name: string;
  /** Unfolded, not yet decoded. */
  value: string;
}

/** A header value longer than this is cut before decoding: nothing the classifier reads is longer. */
const MAX_VALUE_CHARS = 16 * 1024;

const EIGHT_BIT = /[\x80-\xff]/;

export const decodeHeaderValue = (value: string): string => {
  let text = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
  if (EIGHT_BIT.test(text)) text = Buffer.from(text, 'latin1').toString('utf8');
  if (!text.includes('=?')) return text.trim();
  try {
    return libmime.decodeWords(text).trim();
  } catch {
    return text.trim();
  }
};

export class HeaderBlock {
  constructor(readonly fields: readonly HeaderField[]) {}

  /** The first value of the field, decoded; null when absent. */
  get(name: string): string | null {
    const field = this.fields.find((f) => f.name === name);
    return field ? decodeHeaderValue(field.value) : null;
  }

  all(name: string): string[] {
    return this.fields.filter((f) => f.name === name).map((f) => decodeHeaderValue(f.value));
  }

  has(name: string): boolean {
    return this.fields.some((f) => f.name === name);
  }
}

const FIELD = /^([!-9;-~]+)[ \t]*:(.*)$/;

/** Parses the lines of a header block (LF line ends), keeping at most maxBytes of it. */
export const parseHeaderBlock = (block: string, maxBytes: number): HeaderBlock => {
  const text = block.length > maxBytes ? block.slice(0, block.lastIndexOf('\n', maxBytes) + 1 || maxBytes) : block;
  const fields: HeaderField[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const last = fields[fields.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      if (last.value.length < MAX_VALUE_CHARS) last.value += ' ' + line.trim();
      continue;
    }
    const match = FIELD.exec(line);
    if (match) fields.push({ name: match[1].toLowerCase(), value: match[2].trim() });
  }
  return new HeaderBlock(fields);
};

export interface ContentType {
  /** Lower-case type/subtype; text/plain when the header is missing or broken. */
  type: string;
  params: Record<string, string>;
}

export const parseContentType = (value: string | null): ContentType => {
  if (!value) return { type: 'text/plain', params: {} };
  try {
    const parsed = libmime.parseHeaderValue(value.slice(0, 4096));
    const type = parsed.value.trim().toLowerCase();
    const params: Record<string, string> = {};
    for (const [key, param] of Object.entries(parsed.params)) params[key.toLowerCase()] = String(param);
    return { type: type.includes('/') ? type : 'text/plain', params };
  } catch {
    return { type: 'text/plain', params: {} };
  }
};
