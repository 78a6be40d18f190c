import { randomBytes } from 'node:crypto';
import { encodeWords } from 'nodemailer/lib/mime-funcs';

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
  html: string;
}

const CRLF = '\r\n';
const ASCII_ONLY = /^[\x00-\x7f]*$/;
// RFC 5322 atext and spaces: a display name of only these needs no quoting.
const PLAIN_NAME = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;
const MAX_LINE = 998;

/** Header values come from editors and contacts: a line break in one would start a header of its own. */
export const headerSafe = (value: string) => value.replace(/[\r\n]+/g, ' ');

const encodeHeader = (value: string) => (ASCII_ONLY.test(value) ? headerSafe(value) : encodeWords(headerSafe(value), 'Q', 52));

export const formatAddress = ({ name, email }: Address) => {
  const safeEmail = headerSafe(email).replace(/[<>\s]/g, '');
  const display = name ? headerSafe(name).trim() : '';
  if (!display) return `<${safeEmail}>`;
  if (!ASCII_ONLY.test(display)) return `${encodeWords(display, 'Q', 52)} <${safeEmail}>`;
  if (PLAIN_NAME.test(display)) return `${display} <${safeEmail}>`;
  return `"${display.replace(/(["\\])/g, '\\$1')}" <${safeEmail}>`;
};

const longestLine = (value: string) => {
  let longest = 0;
  for (let start = 0; start < value.length; ) {
    const end = value.indexOf('\n', start);
    const stop = end === -1 ? value.length : end;
    if (stop - start > longest) longest = stop - start;
    start = stop + 1;
  }
  return longest;
};

const wrapBase64 = (value: string) => {
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += 76) lines.push(value.slice(i, i + 76));
  return lines.join(CRLF);
};

/**
 * The cheapest valid transfer encoding: ASCII text with short lines goes as it is (7bit, only the
 * line ends normalised), anything else as base64, which Buffer encodes natively. Quoted-printable
 * would keep accented text readable but costs a JavaScript pass over every byte per recipient,
 * and this runs once per message of a campaign.
 */
export const encodeBody = (body: string): { encoding: '7bit' | 'base64'; content: string } => {
  if (ASCII_ONLY.test(body) && longestLine(body) <= MAX_LINE - 1) {
    return { encoding: '7bit', content: body.replace(/\r?\n/g, CRLF) };
  }
  return { encoding: 'base64', content: wrapBase64(Buffer.from(body, 'utf8').toString('base64')) };
};

const part = (type: string, body: string) => {
  const { encoding, content } = encodeBody(body);
  return `Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}${content}`;
};

export const formatDate = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000');

/** A complete RFC 5322 message: multipart/alternative with the text part first, as clients prefer the last they can show. */
export const buildMime = (input: MimeInput): string => {
  const boundary = `=_campaigns_${randomBytes(12).toString('hex')}`;
  const headers: Array<[string, string]> = [
    ['From', formatAddress(input.from)],
    ['To', formatAddress(input.to)],
    ...(input.replyTo ? ([['Reply-To', formatAddress(input.replyTo)]] as Array<[string, string]>) : []),
    ['Subject', encodeHeader(input.subject)],
    ['Date', formatDate(input.date ?? new Date())],
    ['Message-ID', input.messageId],
    ...(input.headers ?? []).map(([name, value]) => [name, headerSafe(value)] as [string, string]),
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  return [
    headers.map(([name, value]) => `${name}: ${value}`).join(CRLF),
    '',
    `--${boundary}`,
    part('text/plain', input.text),
    `--${boundary}`,
    part('text/html', input.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
};
