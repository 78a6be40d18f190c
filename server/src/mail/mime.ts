import { randomBytes } from 'node:crypto';
import { headerLine, headerSafe, phrase, unstructured } from './header-text';
import { lineShape, MAX_LINE } from './line-shape';

export interface Address {
  name?: string | null;
  email: string;
}

/** One message as our pipeline builds it: plain headers already decided, two alternative bodies. */
export interface MimeInput {
  from: Address;
  to: Address;
  replyTo?: Address | null;
  subject: string;
  messageId: string;
  date?: Date;
  /** Extra headers, written in this order. Values must be single-line; names are trusted. */
  headers?: Array<[string, string]>;
  text: string;
  html: string | EncodedBody;
}

const CRLF = '\r\n';

/** One mailbox: the display name as one phrase (see header-text.ts), the address in angle brackets. */
export const formatAddress = ({ name, email }: Address) => {
  const safeEmail = headerSafe(email).replace(/[<>\s]/g, '');
  const display = name ? headerSafe(name).trim() : '';
  return display ? `${phrase(display)} <${safeEmail}>` : `<${safeEmail}>`;
};

const wrapBase64 = (value: string) => {
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += 76) lines.push(value.slice(i, i + 76));
  return lines.join(CRLF);
};

export type BodyEncoding = '7bit' | '8bit' | 'base64';

/** A body already in bytes (see content/html-bytes.ts): its encoding decided, its line breaks CRLF. */
export interface EncodedBody {
  chunks: Buffer[];
  encoding: '7bit' | '8bit';
  dataSafe: boolean;
}

/**
 * The cheapest valid transfer encoding: text with lines SMTP accepts goes as it is, `7bit` when
 * ASCII and `8bit` (UTF-8) when the server announced 8BITMIME; anything else as base64, which
 * Buffer encodes natively. Quoted-printable would keep accented text readable but costs a
 * JavaScript pass over every byte, and base64 a third more bytes: this runs for every message.
 * Bare CRs and LFs become CRLF (compiled templates have none; a merged value may).
 */
export const encodeBody = (body: string, eightBit = false): { encoding: BodyEncoding; content: string; dataSafe: boolean } => {
  let content = body;
  let shape = lineShape(content);
  if (!shape.crlf) {
    content = content.replace(/\r\n|\r|\n/g, CRLF);
    shape = lineShape(content, shape.ascii);
  }
  if ((shape.ascii || eightBit) && shape.head <= MAX_LINE && shape.innerFit) {
    return { encoding: shape.ascii ? '7bit' : '8bit', content, dataSafe: !shape.startsWithDot && shape.innerDotFree };
  }
  return { encoding: 'base64', content: wrapBase64(Buffer.from(content, 'utf8').toString('base64')), dataSafe: true };
};

const partHeader = (type: string, encoding: BodyEncoding) =>
  `Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}`;

export const formatDate = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000');

/** Writes the pieces into one buffer: the message is held only as bytes while it waits for a connection. */
const joinBytes = (pieces: Array<string | Buffer>) => {
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += typeof piece === 'string' ? out.write(piece, at) : piece.copy(out, at);
  return out;
};

export interface MimeMessage {
  raw: Buffer;
  /** Only CRLF line ends and no line that starts with a dot: SMTP's DATA can carry the bytes unchanged. */
  dataSafe: boolean;
}

/**
 * A complete RFC 5322 message as bytes: multipart/alternative with the text part first, as clients
 * prefer the last they can show. `eightBit` allows UTF-8 bodies (the server announced 8BITMIME).
 * Header lines start with their names or, folded, with a space, so only the bodies decide `dataSafe`.
 */
export const buildMime = (input: MimeInput, eightBit = false): MimeMessage => {
  const boundary = `=_campaigns_${randomBytes(12).toString('hex')}`;
  const headers: Array<[string, string]> = [
    ['From', formatAddress(input.from)],
    ['To', formatAddress(input.to)],
    ...(input.replyTo ? ([['Reply-To', formatAddress(input.replyTo)]] as Array<[string, string]>) : []),
    ['Subject', unstructured(input.subject)],
    ['Date', formatDate(input.date ?? new Date())],
    ['Message-ID', input.messageId],
    ...(input.headers ?? []).map(([name, value]) => [name, headerSafe(value)] as [string, string]),
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  const text = encodeBody(input.text, eightBit);
  const html = typeof input.html === 'string' ? encodeBody(input.html, eightBit) : input.html;
  const raw = joinBytes([
    `${headers.map(([name, value]) => headerLine(name, value)).join(CRLF)}${CRLF}${CRLF}--${boundary}${CRLF}${partHeader('text/plain', text.encoding)}`,
    text.content,
    `${CRLF}--${boundary}${CRLF}${partHeader('text/html', html.encoding)}`,
    ...('chunks' in html ? html.chunks : [html.content]),
    `${CRLF}--${boundary}--${CRLF}`,
  ]);
  return { raw, dataSafe: text.dataSafe && html.dataSafe };
};
