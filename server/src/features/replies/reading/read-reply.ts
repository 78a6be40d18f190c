import { simpleParser, type AddressObject } from 'mailparser';
import type { AutoReplyKind, ReplyClass } from '../../../../../shared/contracts/replies';
import type { InboundClassification, InboundKind } from '../../inbound/classifier/classification';
import { autoReplyKindOf } from './auto-reply-kind';
import { findReturnDate } from './return-date';
import { hasForwardedBlock, stripReply } from './strip';

/** One reply as the replies inbox shows it. */
export interface ReplyReading {
  class: ReplyClass;
  autoReplyKind: AutoReplyKind | null;
  /** The writer's address (lower case; empty when the mail names none) and display name. */
  from: { email: string; name: string | null };
  subject: string;
  /** The new text: quotes and signature stripped. */
  text: string;
  quoted: string;
  signature: string;
  /** The start of the new text on one line. */
  snippet: string;
  /** An out-of-office reply's stated return date, `YYYY-MM-DD`. */
  returnDate: string | null;
  /** The mail is a forward: a Fwd:/WG:/TR:/RV: subject or a forwarded-message block. */
  forwarded: boolean;
}

export interface ReadReplyOptions {
  /** The reference time (epoch ms) when the mail has no valid Date header; default now. */
  now?: number;
  /** Larger mail is read from its first this-many bytes only (default 512 KiB: a reply's text comes first). */
  maxBytes?: number;
  /** Text beyond this many characters is not stripped or searched (default 64 Ki). */
  maxTextChars?: number;
}

export const DEFAULT_READ_BYTES = 512 * 1024;
export const DEFAULT_TEXT_CHARS = 64 * 1024;
const SNIPPET_CHARS = 160;
// HTML past this size is shown as it was not converted: its text conversion costs more than a reply is worth.
const MAX_HTML_CHARS = 1024 * 1024;

const CLASSES: Partial<Record<InboundKind, ReplyClass>> = {
  reply: 'human',
  'auto-reply': 'auto-reply',
  'unsubscribe-request': 'unsubscribe-request',
  bounce: 'bounce',
};

const FORWARD_SUBJECT = /^\s*(?:(?:re|aw|sv|antw)\s*:\s*)*(?:fwd?|wg|tr|rv|enc|i)\s*:/i;

const positive = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`campaigns: readReply option "${name}" must be a positive integer, got ${value}`);
  return value;
};

const firstAddress = (from: AddressObject | AddressObject[] | undefined) => {
  const value = (Array.isArray(from) ? from : from ? [from] : []).flatMap((object) => object.value)[0];
  return value ? { email: (value.address ?? '').trim().toLowerCase(), name: value.name?.trim() || null } : null;
};

export const snippetOf = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SNIPPET_CHARS) return line;
  const cut = line.slice(0, SNIPPET_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** The mail's own Date header, when it parses: mailparser puts the current time in place of a bad one. */
const dateHeaderOf = (lines: readonly { key: string; line: string }[]): number | null => {
  const line = lines.find((header) => header.key === 'date')?.line;
  const at = line ? Date.parse(line.slice(line.indexOf(':') + 1).trim()) : NaN;
  return Number.isFinite(at) ? at : null;
};

/**
 * Reads one reply for the replies inbox: who wrote it, its new text apart from the quoted original
 * and the signature, what class the classifier put it in and, for an auto-reply, which kind and
 * the return date it states. Pure (no Strapi, no I/O); hostile mail costs at most `maxBytes` of
 * parsing and `maxTextChars` of text work.
 */
export const readReply = async (
  raw: Buffer | string,
  classification: InboundClassification,
  options: ReadReplyOptions = {}
): Promise<ReplyReading> => {
  const maxBytes = positive('maxBytes', options.maxBytes, DEFAULT_READ_BYTES);
  const maxTextChars = positive('maxTextChars', options.maxTextChars, DEFAULT_TEXT_CHARS);
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (!Buffer.isBuffer(bytes)) throw new TypeError('campaigns: readReply expects the message as a Buffer or a string');
  const parsed = await simpleParser(bytes.subarray(0, maxBytes), {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: MAX_HTML_CHARS,
  });
  const replyClass = CLASSES[classification.kind] ?? 'unknown';
  const from = firstAddress(parsed.from) ?? { email: classification.recipients[0] ?? '', name: null };
  const subject = (parsed.subject ?? '').trim();
  const body = (parsed.text ?? '').slice(0, maxTextChars);
  const stripped = stripReply(body);
  const reference = dateHeaderOf(parsed.headerLines) ?? options.now ?? Date.now();
  let autoReplyKind: AutoReplyKind | null = null;
  let returnDate: string | null = null;
  if (replyClass === 'auto-reply') {
    // Auto-replies often sit above the quoted original: the date is looked for in what the note itself says.
    returnDate = findReturnDate(`${subject}\n${stripped.text}\n${stripped.signature}`, reference);
    const autoSubmitted = parsed.headers.get('auto-submitted');
    autoReplyKind = autoReplyKindOf(
      {
        subject,
        text: `${stripped.text}\n${stripped.signature}`,
        headerNames: [...parsed.headers.keys()],
        autoSubmitted: typeof autoSubmitted === 'string' ? autoSubmitted : null,
      },
      returnDate !== null
    );
    if (autoReplyKind !== 'out-of-office') returnDate = null;
  }
  return {
    class: replyClass,
    autoReplyKind,
    from,
    subject,
    ...stripped,
    snippet: snippetOf(stripped.text),
    returnDate,
    forwarded: FORWARD_SUBJECT.test(subject) || hasForwardedBlock(body),
  };
};
