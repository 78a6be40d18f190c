import libqp from 'libqp';
import { decode as decodeCharset } from 'libmime/lib/charset';
import { HeaderBlock, parseContentType, parseHeaderBlock } from './headers';
import type { ClassifyLimits } from './classification';
import type { Deadline } from './limits';

/**
 * A bounded MIME walker: it reads only what classifying needs (header blocks, human-readable text,
 * delivery-status and feedback-report parts, the headers of returned messages), never descends
 * deeper than maxDepth nor into more than maxParts parts, and works without recursion so hostile
 * nesting cannot blow the stack.
 */

export interface TextPart {
  text: string;
  html: boolean;
  alternative?: number;
  /** Sent as an attachment (a file), rather than as the notice's own words. */
  attachment: boolean;
}

export interface MimeDigest {
  headers: HeaderBlock;
  /** Decoded text/plain parts and text/html parts stripped of markup, in the order they came. */
  texts: TextPart[];
  /** Bodies of message/delivery-status parts. */
  deliveryStatus: string[];
  /** Bodies of message/feedback-report parts. */
  feedbackReports: string[];
  /** Header blocks of returned messages (message/rfc822, text/rfc822-headers...). */
  returnedHeaders: HeaderBlock[];
  /** Whole attached messages (message/rfc822), decoded one char per byte: a wrapped notice may be one. */
  attachedMessages: string[];
  /** report-type of a multipart/report, lower-case. */
  reportType: string | null;
}

/** Decoded text kept per part: notices say what matters near the top. */
const MAX_TEXT_CHARS = 256 * 1024;
/** Encoded bytes read per part: enough for MAX_TEXT_CHARS of base64 in any charset. */
const MAX_ENCODED_CHARS = 4 * MAX_TEXT_CHARS;

/** Attached messages kept whole: a wrapper holds one notice, a forward a few. */
const MAX_ATTACHED_MESSAGES = 2;

const RETURNED_MESSAGE_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
  'message/partial',
]);
const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

interface Entity {
  start: number;
  end: number;
  depth: number;
  /** Set on the children of one multipart/alternative: its HTML is dropped when it has plain text. */
  alternative?: number;
}

/** Splits an entity into its header block and where its body starts. */
const splitEntity = (source: string, entity: Entity, maxHeaderBytes: number): { headers: HeaderBlock; bodyStart: number } => {
  if (source[entity.start] === '\n') return { headers: new HeaderBlock([]), bodyStart: entity.start + 1 };
  const blank = source.indexOf('\n\n', entity.start);
  const headerEnd = blank === -1 || blank >= entity.end ? entity.end : blank;
  const headers = parseHeaderBlock(source.slice(entity.start, Math.min(headerEnd, entity.start + maxHeaderBytes)), maxHeaderBytes);
  return { headers, bodyStart: Math.min(headerEnd + 2, entity.end) };
};

const decodeTransfer = (body: string, encoding: string): Buffer => {
  if (encoding === 'base64') return Buffer.from(body, 'base64');
  if (encoding === 'quoted-printable') return libqp.decode(body);
  return Buffer.from(body, 'latin1');
};

const looksUtf8 = (bytes: Buffer): boolean => {
  const text = bytes.toString('utf8');
  return !text.includes('\ufffd');
};

const decodeBody = (body: string, headers: HeaderBlock, charset: string | undefined): string => {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase().trim();
  const bytes = decodeTransfer(body.length > MAX_ENCODED_CHARS ? body.slice(0, MAX_ENCODED_CHARS) : body, encoding);
  // Undeclared 8-bit text is most often UTF-8, else a Western single-byte charset.
  const name = charset?.trim() || (looksUtf8(bytes) ? 'utf-8' : 'windows-1252');
  let text: string;
  try {
    text = decodeCharset(bytes, name);
  } catch {
    text = bytes.toString('latin1');
  }
  return (text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text).replace(/\r\n?/g, '\n');
};

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Markup out, line breaks kept where blocks end: enough to read a notice written in HTML. */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(style|script|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d|\/table|p|div|tr|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity: string) => {
      if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()] ?? whole;
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n');

/** The byte offsets of each child of a multipart body (boundary lines excluded). */
const splitMultipart = (source: string, bodyStart: number, end: number, boundary: string, budget: number): Array<[number, number]> => {
  const delimiter = '\n--' + boundary;
  const children: Array<[number, number]> = [];
  // The first boundary may sit right at the body's start (no preamble): look from the newline before it.
  let at = source.indexOf(delimiter, bodyStart - 1);
  while (at !== -1 && at < end && children.length < budget) {
    const afterDelimiter = at + delimiter.length;
    if (source.startsWith('--', afterDelimiter)) break;
    const lineEnd = source.indexOf('\n', afterDelimiter);
    if (lineEnd === -1 || lineEnd >= end) break;
    const next = source.indexOf(delimiter, lineEnd);
    const childEnd = next === -1 || next > end ? end : next;
    children.push([lineEnd + 1, childEnd]);
    at = next;
  }
  return children;
};

export const walkMime = (source: string, limits: ClassifyLimits, deadline: Deadline): MimeDigest => {
  const digest: MimeDigest = {
    headers: new HeaderBlock([]),
    texts: [],
    deliveryStatus: [],
    feedbackReports: [],
    returnedHeaders: [],
    attachedMessages: [],
    reportType: null,
  };
  const stack: Entity[] = [{ start: 0, end: source.length, depth: 0 }];
  let parts = 0;
  while (stack.length && parts < limits.maxParts) {
    deadline.check();
    const entity = stack.pop() as Entity;
    parts += 1;
    const { headers, bodyStart } = splitEntity(source, entity, limits.maxHeaderBytes);
    if (entity.depth === 0) digest.headers = headers;
    const contentType = parseContentType(headers.get('content-type'));
    const { type, params } = contentType;
    const body = () => source.slice(bodyStart, entity.end);

    if (type.startsWith('multipart/')) {
      if (type === 'multipart/report' && !digest.reportType) digest.reportType = (params['report-type'] ?? '').toLowerCase() || null;
      if (!params.boundary || entity.depth + 1 > limits.maxDepth) continue;
      const children = splitMultipart(source, bodyStart, entity.end, params.boundary, limits.maxParts - parts);
      const alternative = type === 'multipart/alternative' ? parts : undefined;
      for (let i = children.length - 1; i >= 0; i -= 1)
        stack.push({ start: children[i][0], end: children[i][1], depth: entity.depth + 1, alternative });
    } else if (RETURNED_MESSAGE_TYPES.has(type)) {
      const inner = decodeBody(body(), headers, 'latin1');
      const blank = inner.indexOf('\n\n');
      digest.returnedHeaders.push(parseHeaderBlock(blank === -1 ? inner : inner.slice(0, blank), limits.maxHeaderBytes));
      if (type === 'message/rfc822' && digest.attachedMessages.length < MAX_ATTACHED_MESSAGES) digest.attachedMessages.push(inner);
    } else if (DELIVERY_STATUS_TYPES.has(type)) {
      digest.deliveryStatus.push(decodeBody(body(), headers, params.charset));
    } else if (type === 'message/feedback-report') {
      digest.feedbackReports.push(decodeBody(body(), headers, params.charset));
    } else if (type === 'text/plain' || type === 'text/html' || type === 'text/enriched') {
      const disposition = (headers.get('content-disposition') ?? '').toLowerCase();
      const decoded = decodeBody(body(), headers, params.charset);
      const html = type === 'text/html';
      digest.texts.push({
        text: html ? htmlToText(decoded) : decoded,
        html,
        alternative: entity.alternative,
        attachment: disposition.startsWith('attachment'),
      });
    }
  }
  const plainAlternatives = new Set(
    digest.texts.filter((part) => !part.html && part.alternative !== undefined).map((part) => part.alternative)
  );
  digest.texts = digest.texts.filter((part) => !part.html || !plainAlternatives.has(part.alternative));
  return digest;
};
