import { TokenKind, type Template } from 'liquidjs';
import { lineShape, MAX_LINE, type LineShape } from '../mail/line-shape';
import type { EncodedBody } from '../mail/mime';

/** A run of the template's fixed HTML: encoded and measured once per campaign. */
interface FixedPiece {
  text: string;
  bytes: Buffer;
  shape: LineShape;
}

/**
 * The compiled HTML part as fixed pieces and the Liquid runs between them (`pieces` holds a run's
 * index where it stands). Most of a newsletter is fixed: per recipient only the runs are rendered,
 * encoded and measured.
 */
export interface HtmlPieces {
  pieces: Array<FixedPiece | number>;
  runs: Template[][];
}

const fixedText = (template: Template) => (template as Template & { str: string }).str;

export const splitHtml = (templates: Template[]): HtmlPieces => {
  const pieces: HtmlPieces['pieces'] = [];
  const runs: Template[][] = [];
  let fixed = '';
  let run: Template[] = [];
  const endFixed = () => {
    if (fixed) pieces.push({ text: fixed, bytes: Buffer.from(fixed), shape: lineShape(fixed) });
    fixed = '';
  };
  const endRun = () => {
    if (run.length) pieces.push(runs.push(run) - 1);
    run = [];
  };
  for (const template of templates) {
    if (template.token.kind === TokenKind.HTML) {
      endRun();
      fixed += fixedText(template);
    } else {
      endFixed();
      run.push(template);
    }
  }
  endFixed();
  endRun();
  return { pieces, runs };
};

/** The part as one string, for a preview or a body that has to be encoded as a whole. */
export const joinHtmlText = (html: HtmlPieces, rendered: string[]) =>
  html.pieces.map((piece) => (typeof piece === 'number' ? rendered[piece] : piece.text)).join('');

/**
 * Joins the fixed bytes and one recipient's rendered runs into a 7bit or 8bit body. Answers null
 * when the whole text must be encoded instead: a bare line break, a line over 998 octets, or
 * 8-bit text for a server without 8BITMIME.
 */
export const joinHtmlBytes = (html: HtmlPieces, rendered: string[], eightBit: boolean): EncodedBody | null => {
  const chunks: Buffer[] = [];
  let line = 0;
  let ascii = true;
  let dataSafe = true;
  for (const piece of html.pieces) {
    let shape: LineShape;
    let bytes: Buffer;
    if (typeof piece === 'number') {
      const text = rendered[piece];
      if (!text) continue;
      shape = lineShape(text);
      bytes = Buffer.from(text);
    } else {
      ({ shape, bytes } = piece);
    }
    if (!shape.crlf || !shape.innerFit || line + shape.head > MAX_LINE) return null;
    if (line === 0 && shape.startsWithDot) dataSafe = false;
    dataSafe &&= shape.innerDotFree;
    ascii &&= shape.ascii;
    line = shape.breaks ? shape.tail : line + shape.head;
    chunks.push(bytes);
  }
  if (!ascii && !eightBit) return null;
  return { chunks, encoding: ascii ? '7bit' : '8bit', dataSafe };
};
