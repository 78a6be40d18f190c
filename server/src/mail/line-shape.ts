/** SMTP's limit on a line, in octets before its CRLF (RFC 5321 4.5.3.1.6). */
export const MAX_LINE = 998;

const CR = 13;
const DOT = 46;

/**
 * What SMTP cares about in a piece of a message body. A piece may sit inside a longer line, so its
 * first and last lines are reported by size (the caller adds what stands beside them) and only the
 * lines between are judged here.
 */
export interface LineShape {
  ascii: boolean;
  /** UTF-8 bytes of the first line (of all of it when it has no line break) and of the last. */
  head: number;
  tail: number;
  breaks: boolean;
  /** Every line break is CRLF: no bare CR, no bare LF. */
  crlf: boolean;
  /** The lines after the first fit 998 octets (the last one only as far as it goes here). */
  innerFit: boolean;
  /** No line after the first starts with a dot (SMTP's DATA would double it). */
  innerDotFree: boolean;
  startsWithDot: boolean;
}

/** A line's UTF-8 size; a UTF-16 unit takes at most 3 bytes, so short lines need no measuring to fit. */
const lineBytes = (value: string, start: number, end: number, ascii: boolean) =>
  ascii || (end - start) * 3 <= MAX_LINE ? end - start : Buffer.byteLength(value.slice(start, end));

const utf8Bytes = (value: string, start: number, end: number, ascii: boolean) =>
  ascii ? end - start : Buffer.byteLength(value.slice(start, end));

/** One pass over the line breaks (native searches, not a loop over every character). */
export const lineShape = (value: string, ascii = Buffer.byteLength(value) === value.length): LineShape => {
  let crlf = true;
  let innerFit = true;
  let innerDotFree = true;
  let head = -1;
  let start = 0;
  for (;;) {
    const lf = value.indexOf('\n', start);
    const cr = lf > 0 && value.charCodeAt(lf - 1) === CR;
    const end = lf === -1 ? value.length : cr ? lf - 1 : lf;
    if (lf !== -1 && !cr) crlf = false;
    // The first CR from the line's start is its own line end, or there is a bare one.
    const firstCr = value.indexOf('\r', start);
    if (firstCr !== -1 && firstCr < end) crlf = false;
    if (head === -1) {
      head = utf8Bytes(value, start, end, ascii);
    } else {
      if (value.charCodeAt(start) === DOT) innerDotFree = false;
      if (lineBytes(value, start, end, ascii) > MAX_LINE) innerFit = false;
    }
    if (lf === -1) {
      const breaks = start > 0;
      return {
        ascii,
        head,
        tail: breaks ? utf8Bytes(value, start, end, ascii) : head,
        breaks,
        crlf,
        innerFit,
        innerDotFree,
        startsWithDot: value.charCodeAt(0) === DOT,
      };
    }
    start = lf + 1;
  }
};
