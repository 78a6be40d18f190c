import {
  ENTRIES_ATTRIBUTES,
  ENTRIES_TAG,
  ENTRY_LAYOUTS,
  MAX_LATEST_ENTRIES,
  SAFE_FILTER_OPERATORS,
  type EntriesBlockSpec,
  type EntryLayout,
} from '../../../../shared/contracts/content-blocks';
import { TemplateError } from '../../content/liquid';

/** Where a block stands in the MJML: among sections (mj-body, mj-wrapper) or among a column's elements. */
export type BlockPlace = 'sections' | 'elements';

/** One `<mj-strapi-entries>` element of a campaign's MJML, parsed and checked. */
export interface EntriesBlock {
  /** 1-based, in document order: what error messages call it. */
  number: number;
  /** 1-based line of its opening: where the editor marks a problem with it. */
  line: number;
  /** The element as written: the key its resolution is frozen under. */
  source: string;
  start: number;
  end: number;
  place: BlockPlace;
  spec: EntriesBlockSpec;
}

type AttributeName = (typeof ENTRIES_ATTRIBUTES)[number];

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TYPE_UID = /^api::[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SORT = /^([A-Za-z_][A-Za-z0-9_]*):(asc|desc)$/;
const MAX_FILTER_LENGTH = 4000;
const MAX_FILTER_DEPTH = 6;
const MAX_BUTTON_LENGTH = 100;

/** Element names that hold sections, and those whose children are content elements. */
const SECTION_PARENTS = new Set(['mj-body', 'mj-wrapper']);
const ELEMENT_PARENTS = new Set(['mj-column', 'mj-hero']);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>' };
/** Editors that serialize the element (the visual builder) write quotes inside values as entities. */
const decodeAttribute = (value: string) => value.replace(/&(amp|quot|#39|apos|lt|gt);/g, (entity) => ENTITIES[entity]);

/** A problem with a block: named by its number, marked at its line when known. */
export const blockError = (number: number, detail: string, line?: number) => {
  const message = `<${ENTRIES_TAG}> block ${number}: ${detail}`;
  return new TemplateError('content', message, line ? [{ line, message }] : []);
};

const lineAt = (content: string, index: number) => content.slice(0, index).split('\n').length;

/** The element's attributes from just after its name; answers them and where the element ends. */
const readAttributes = (content: string, from: number, number: number) => {
  const attributes = new Map<string, string>();
  const ATTRIBUTE = /\s*(?:([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`/]+)))?|(\/?>))/y;
  let at = from;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(content);
    if (!match) throw blockError(number, 'the element is not closed: write it as <mj-strapi-entries ... />');
    at = ATTRIBUTE.lastIndex;
    if (match[5]) {
      if (match[5] === '/>') return { attributes, end: at };
      const closing = new RegExp(`^\\s*</${ENTRIES_TAG}\\s*>`).exec(content.slice(at));
      if (!closing) throw blockError(number, `the element holds nothing: write it self-closing, <${ENTRIES_TAG} ... />`);
      return { attributes, end: at + closing[0].length };
    }
    const name = match[1].toLowerCase();
    if (attributes.has(name)) throw blockError(number, `the attribute "${name}" is written twice`);
    attributes.set(name, decodeAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
  }
};

/** The element the block stands in: the last MJML element opened and not closed before it. */
const parentOf = (content: string, before: number): string | null => {
  const open: string[] = [];
  const TAG = /<(\/?)(mj-[a-z-]+)\b[^>]*?(\/?)>/g;
  for (let match = TAG.exec(content); match && match.index < before; match = TAG.exec(content)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
    }
  }
  return open[open.length - 1] ?? null;
};

const placeOf = (content: string, start: number, number: number): BlockPlace => {
  const parent = parentOf(content, start);
  if (parent && SECTION_PARENTS.has(parent)) return 'sections';
  if (parent && ELEMENT_PARENTS.has(parent)) return 'elements';
  throw blockError(
    number,
    `it stands in ${parent ? `<${parent}>` : 'no MJML element'}: place it in <mj-body> or <mj-wrapper> (as a section) or in an <mj-column>`
  );
};

/** Checks a filter's shape: only safe operators, field names as plain identifiers, plain values. */
const checkFilter = (value: unknown, number: number, depth: number): void => {
  const fail = (detail: string) => {
    throw blockError(number, `the attribute "filter" ${detail}`);
  };
  if (depth > MAX_FILTER_DEPTH) fail(`nests deeper than ${MAX_FILTER_DEPTH} levels: simplify it`);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    for (const item of value) checkFilter(item, number, depth + 1);
    return;
  }
  if (typeof value !== 'object') fail('holds a value that is not JSON');
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.startsWith('$')) {
      if (!(SAFE_FILTER_OPERATORS as readonly string[]).includes(key)) {
        fail(`uses the operator "${key}", which blocks may not use: use ${SAFE_FILTER_OPERATORS.join(', ')}`);
      }
    } else if (!FIELD_NAME.test(key)) {
      fail(`names the field "${key}": a field name is letters, digits and underscores`);
    }
    checkFilter(item, number, depth + 1);
  }
};

const parseFilter = (raw: string | undefined, number: number): Record<string, unknown> | null => {
  if (raw === undefined || !raw.trim()) return null;
  if (raw.length > MAX_FILTER_LENGTH) throw blockError(number, `the attribute "filter" is longer than ${MAX_FILTER_LENGTH} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw blockError(
      number,
      `the attribute "filter" is not valid JSON (${error instanceof Error ? error.message : String(error)}): write Strapi filters such as '{"category":{"$eq":"news"}}' in single quotes`
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw blockError(number, 'the attribute "filter" must be a JSON object of Strapi filters, such as {"category":{"$eq":"news"}}');
  }
  checkFilter(parsed, number, 0);
  return parsed as Record<string, unknown>;
};

const fieldAttribute = (attributes: Map<string, string>, name: AttributeName, number: number) => {
  const value = attributes.get(name)?.trim();
  if (!value) return null;
  if (!FIELD_NAME.test(value))
    throw blockError(number, `the attribute "${name}" must name a field of the type (letters, digits, underscores), not "${value}"`);
  return value;
};

const checkLink = (link: string, number: number) => {
  if (/\{[{%]/.test(link))
    throw blockError(number, 'the attribute "link" may not hold Liquid: use {field} placeholders, such as https://example.com/blog/{slug}');
  if (!/^(https?:\/\/|mailto:|\{[A-Za-z_][A-Za-z0-9_]*\})/i.test(link)) {
    throw blockError(
      number,
      `the attribute "link" must start with https://, http:// or mailto: (or a {field} holding the URL), not "${link}"`
    );
  }
  for (const [, inner] of link.matchAll(/\{([^}]*)\}/g)) {
    if (!FIELD_NAME.test(inner))
      throw blockError(number, `the attribute "link" has the placeholder "{${inner}}": a placeholder names one field, such as {slug}`);
  }
};

/** The checked form of one element's attributes; throws a TemplateError naming the attribute and what to write. */
export const specOf = (attributes: Map<string, string>, number: number): EntriesBlockSpec => {
  for (const name of attributes.keys()) {
    if (!(ENTRIES_ATTRIBUTES as readonly string[]).includes(name) && !name.startsWith('data-')) {
      throw blockError(number, `unknown attribute "${name}": the block takes ${ENTRIES_ATTRIBUTES.join(', ')}`);
    }
  }
  const type = attributes.get('type')?.trim() ?? '';
  if (!type) throw blockError(number, 'the attribute "type" is missing: name a collection type of the site, such as api::article.article');
  if (!TYPE_UID.test(type)) {
    throw blockError(
      number,
      `the attribute "type" is "${type}", which is not a collection type of the site: use an api:: type such as api::article.article`
    );
  }

  const entries = attributes.get('entries')?.trim();
  const latest = attributes.get('latest')?.trim();
  if (entries && latest) throw blockError(number, 'the attributes "entries" and "latest" are both set: keep one');
  if (!entries && !latest) throw blockError(number, 'choose the entries: set "entries" (documentIds) or "latest" (how many of the newest)');
  let selection: EntriesBlockSpec['selection'];
  if (entries) {
    const documentIds = entries
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const wrong = documentIds.find((id) => !DOCUMENT_ID.test(id));
    if (wrong !== undefined)
      throw blockError(number, `the attribute "entries" holds "${wrong}", which is not a documentId: separate documentIds with commas`);
    if (documentIds.length > MAX_LATEST_ENTRIES)
      throw blockError(number, `the attribute "entries" names ${documentIds.length} entries: at most ${MAX_LATEST_ENTRIES}`);
    if (attributes.get('filter')?.trim() || attributes.get('sort')?.trim()) {
      throw blockError(number, 'the attributes "filter" and "sort" go with "latest", not with chosen "entries"');
    }
    selection = { kind: 'entries', documentIds };
  } else {
    const count = Number(latest);
    if (!/^\d+$/.test(latest!) || count < 1 || count > MAX_LATEST_ENTRIES) {
      throw blockError(number, `the attribute "latest" must be a whole number from 1 to ${MAX_LATEST_ENTRIES}, not "${latest}"`);
    }
    const sort = attributes.get('sort')?.trim() || null;
    if (sort !== null && !SORT.test(sort))
      throw blockError(number, `the attribute "sort" must be "field:asc" or "field:desc", not "${sort}"`);
    selection = { kind: 'latest', count, filter: parseFilter(attributes.get('filter'), number), sort };
  }

  const fields = {
    title: fieldAttribute(attributes, 'title', number),
    text: fieldAttribute(attributes, 'text', number),
    image: fieldAttribute(attributes, 'image', number),
  };
  if (!fields.title && !fields.text && !fields.image) throw blockError(number, 'map at least one field: set "title", "text" or "image"');

  const link = attributes.get('link')?.trim() || null;
  if (link) checkLink(link, number);
  const button = attributes.get('button')?.trim() || null;
  if (button && button.length > MAX_BUTTON_LENGTH)
    throw blockError(number, `the attribute "button" is longer than ${MAX_BUTTON_LENGTH} characters`);
  if (button && !link) throw blockError(number, 'the attribute "button" needs a "link" to point to');
  const layout = (attributes.get('layout')?.trim() || 'stack') as EntryLayout;
  if (!(ENTRY_LAYOUTS as readonly string[]).includes(layout)) {
    throw blockError(number, `unknown layout "${layout}": use ${ENTRY_LAYOUTS.map((l) => `"${l}"`).join(' or ')}`);
  }
  return { type, selection, fields, link, button, layout };
};

const OPENING = new RegExp(`<${ENTRIES_TAG}(?=[\\s/>])`, 'gi');

/** Every entries block of an MJML document, in order; throws a TemplateError naming the first wrong one. */
export const findEntriesBlocks = (content: string): EntriesBlock[] => {
  const blocks: EntriesBlock[] = [];
  for (const match of content.matchAll(OPENING)) {
    const start = match.index;
    // A block inside another's attribute value was consumed with it.
    if (blocks.length && start < blocks[blocks.length - 1].end) continue;
    const number = blocks.length + 1;
    const line = lineAt(content, start);
    try {
      const { attributes, end } = readAttributes(content, start + match[0].length, number);
      const spec = specOf(attributes, number);
      const place = placeOf(content, start, number);
      if (place === 'elements' && spec.layout === 'cards') {
        throw blockError(
          number,
          'layout="cards" puts entries side by side in columns: place the block in <mj-body> or <mj-wrapper>, not in a column'
        );
      }
      blocks.push({ number, line, source: content.slice(start, end), start, end, place, spec });
    } catch (error) {
      // Marked at the block's line: the checks above know the block, not where it is.
      if (error instanceof TemplateError && !error.problems.length)
        throw new TemplateError(error.part, error.detail, [{ line, message: error.detail }]);
      throw error;
    }
  }
  return blocks;
};

/** Whether the MJML holds any entries block (a cheap test before any parsing). */
export const hasEntriesBlocks = (content: string | null | undefined) => !!content && content.toLowerCase().includes(`<${ENTRIES_TAG}`);

/**
 * The content with each block replaced by what `fragments` holds for it (same order as the blocks),
 * on as many lines as the block took: every line after it keeps its number, so what MJML and Liquid
 * say about a line is about the editor's line. Fragments are one line (render.ts).
 */
export const replaceBlocks = (content: string, blocks: readonly EntriesBlock[], fragments: readonly string[]) => {
  let out = '';
  let at = 0;
  blocks.forEach((block, i) => {
    out += content.slice(at, block.start) + fragments[i].replace(/\r?\n/g, ' ') + '\n'.repeat(block.source.split('\n').length - 1);
    at = block.end;
  });
  return out + content.slice(at);
};
