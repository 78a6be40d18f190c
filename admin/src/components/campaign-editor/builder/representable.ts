/**
 * Which MJML documents the visual builder can open without changing them. GrapesJS turns the
 * document into a tree of components and writes it back from that tree: whatever has no component
 * (a Liquid `{% if %}` between sections, an `mj-attributes` in the head, an element grapesjs-mjml
 * does not know) would be lost or moved on the way. Such a document stays in code mode.
 */
import { ENTRIES_TAG } from '../../../../../shared/contracts/content-blocks';

export type Unrepresentable =
  /** A Liquid tag or output between MJML elements (only text, buttons and raw HTML hold Liquid). */
  | { kind: 'liquid-outside-text'; code: string }
  /** Liquid inside an element's tag but not inside an attribute's value. */
  | { kind: 'liquid-in-tag'; code: string }
  /** An MJML element the builder has no component for. */
  | { kind: 'unsupported-element'; tag: string }
  /** An mj-head part the builder drops. */
  | { kind: 'head-part'; tag: string }
  /** Liquid in text, or CSS, holding `<`, `>` or `&`, which the builder writes back as entities. */
  | { kind: 'escaped-characters'; code: string }
  /** Not an MJML document: no `<mjml>` root. */
  | { kind: 'not-mjml' }
  /** The builder's own export of the document lost or changed some of its Liquid or elements. */
  | { kind: 'round-trip'; detail: string };

/** The elements grapesjs-mjml has components for in the body, and the site entries block. */
const BODY_ELEMENTS = new Set([
  'mj-body',
  'mj-wrapper',
  'mj-section',
  'mj-group',
  'mj-column',
  'mj-text',
  'mj-button',
  'mj-image',
  'mj-divider',
  'mj-spacer',
  'mj-social',
  'mj-social-element',
  'mj-navbar',
  'mj-navbar-link',
  'mj-hero',
  'mj-raw',
  ENTRIES_TAG,
]);

/** What the builder keeps of an mj-head (checked in Chromium: these come back unchanged). */
const HEAD_ELEMENTS = new Set([
  'mj-style',
  'mj-font',
  'mj-preview',
  'mj-title',
  'mj-breakpoint',
  'mj-attributes',
  'mj-html-attributes',
  'mj-raw',
]);

/** Elements whose content is kept as text or HTML, where Liquid may stand. */
const TEXT_ELEMENTS = new Set(['mj-text', 'mj-button', 'mj-raw', 'mj-navbar-link', 'mj-social-element', 'mj-preview', 'mj-title']);

/** Elements whose children are settings the builder keeps as they are, whatever their names. */
const OPAQUE_ELEMENTS = new Set(['mj-attributes', 'mj-html-attributes']);

const ESCAPED = /[<>&]/;

const MJ_TAG_START = /^<(\/?)(mjml|mj-[a-z-]+)\b/;
const LIQUID_START = /^\{[{%]/;

/** The end of the tag starting at `from` (index after its `>`), skipping quoted attribute values; Liquid outside quotes is reported. */
const scanTag = (source: string, from: number, onLiquid: (code: string) => void) => {
  let quote: string | null = null;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (LIQUID_START.test(source.slice(i, i + 2))) {
      const end = source.indexOf(source[i + 1] === '%' ? '%}' : '}}', i);
      onLiquid(source.slice(i, end < 0 ? source.length : end + 2));
      if (end < 0) return source.length;
      i = end + 1;
    } else if (char === '>') {
      return i + 1;
    }
  }
  return source.length;
};

const reasonKey = (reason: Unrepresentable) => JSON.stringify(reason);

/** What in `mjml` the builder cannot represent; empty when the builder can open it unchanged. */
export const unrepresentableParts = (mjml: string): Unrepresentable[] => {
  if (mjml.trim() === '') return [];
  if (!/^\s*(<!--[\s\S]*?-->\s*)*<mjml[\s>]/.test(mjml)) return [{ kind: 'not-mjml' }];
  const found = new Map<string, Unrepresentable>();
  const report = (reason: Unrepresentable) => found.set(reasonKey(reason), reason);
  // Open elements, innermost last; `ignored` marks the inside of an element already reported.
  const open: { tag: string; ignored: boolean }[] = [];
  let i = 0;
  while (i < mjml.length) {
    if (mjml[i] !== '<' && mjml[i] !== '{') {
      i += 1;
      continue;
    }
    const rest = mjml.slice(i, i + 80);
    const parent = open[open.length - 1];
    if (rest.startsWith('<!--')) {
      const end = mjml.indexOf('-->', i);
      i = end < 0 ? mjml.length : end + 3;
      continue;
    }
    if (LIQUID_START.test(rest)) {
      const end = mjml.indexOf(rest[1] === '%' ? '%}' : '}}', i);
      const code = mjml.slice(i, end < 0 ? mjml.length : end + 2);
      if (!parent || (!parent.ignored && !TEXT_ELEMENTS.has(parent.tag))) report({ kind: 'liquid-outside-text', code: code.slice(0, 60) });
      else if (ESCAPED.test(code)) report({ kind: 'escaped-characters', code: code.slice(0, 60) });
      i = end < 0 ? mjml.length : end + 2;
      continue;
    }
    const tag = MJ_TAG_START.exec(rest);
    if (!tag) {
      i += 1;
      continue;
    }
    const [, closing, name] = tag;
    const end = scanTag(mjml, i + tag[0].length, (code) => report({ kind: 'liquid-in-tag', code: code.slice(0, 60) }));
    const selfClosing = mjml[end - 2] === '/';
    i = end;
    if (name === 'mj-style' && !closing && !selfClosing) {
      const styleEnd = mjml.indexOf('</mj-style>', end);
      const css = mjml.slice(end, styleEnd < 0 ? mjml.length : styleEnd);
      if (ESCAPED.test(css)) report({ kind: 'escaped-characters', code: css.trim().slice(0, 60) });
    }
    if (closing) {
      const at = open.map((element) => element.tag).lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    // Inside text and raw HTML, an mj-looking tag is the author's HTML: the builder keeps it as such.
    let ignored = parent?.ignored ?? false;
    if (
      !ignored &&
      name !== 'mjml' &&
      name !== 'mj-head' &&
      !(parent && (TEXT_ELEMENTS.has(parent.tag) || OPAQUE_ELEMENTS.has(parent.tag)))
    ) {
      if (parent?.tag === 'mj-head' && !HEAD_ELEMENTS.has(name)) {
        report({ kind: 'head-part', tag: name });
        ignored = true;
      } else if (parent?.tag !== 'mj-head' && !BODY_ELEMENTS.has(name)) {
        report({ kind: 'unsupported-element', tag: name });
        ignored = true;
      }
    }
    const insideSettings = parent !== undefined && (TEXT_ELEMENTS.has(parent.tag) || OPAQUE_ELEMENTS.has(parent.tag));
    if (!selfClosing) open.push({ tag: name, ignored: ignored || insideSettings || OPAQUE_ELEMENTS.has(name) });
  }
  return [...found.values()];
};

const LIQUID = /\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g;
const MJ_ELEMENT = /<(mjml|mj-[a-z-]+)\b/g;

/** The document's Liquid, one entry per tag or output, with whitespace inside the delimiters normalised. */
const liquidOf = (mjml: string) => [...mjml.matchAll(LIQUID)].map(([code]) => code.replace(/\s+/g, ' '));

const elementsOf = (mjml: string) => [...mjml.matchAll(MJ_ELEMENT)].map(([, name]) => name);

/**
 * Compares a document with the builder's export of it: the same Liquid in the same order and the
 * same MJML elements, else the builder would change the campaign just by opening it.
 */
export const roundTripLoss = (before: string, after: string): Unrepresentable | null => {
  const [liquidBefore, liquidAfter] = [liquidOf(before), liquidOf(after)];
  const changed = liquidBefore.find((code, index) => liquidAfter[index] !== code);
  if (changed !== undefined || liquidAfter.length !== liquidBefore.length) {
    return { kind: 'round-trip', detail: (changed ?? liquidAfter[liquidBefore.length] ?? '').slice(0, 60) };
  }
  const [elementsBefore, elementsAfter] = [elementsOf(before), elementsOf(after)];
  const missing = elementsBefore.find((name, index) => elementsAfter[index] !== name);
  if (missing !== undefined || elementsAfter.length !== elementsBefore.length) {
    return { kind: 'round-trip', detail: `<${missing ?? elementsAfter[elementsBefore.length]}>` };
  }
  return null;
};
