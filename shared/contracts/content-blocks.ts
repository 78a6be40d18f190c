/**
 * The Strapi entries block (issue 17, item 5): an element a campaign's MJML may hold, expanded on the
 * server into plain MJML before the MJML compile, and the admin API the editor's block picker uses.
 *
 *   <mj-strapi-entries type="api::article.article" latest="3" title="title" text="excerpt" image="cover"
 *                      link="https://example.com/blog/{slug}" button="Read more" />
 *
 * It stands where a section goes (a child of mj-body or mj-wrapper) or among an mj-column's
 * elements (layout "stack" only). Attributes other than those below are refused, except `data-*`.
 */

/** The element's tag name (self-closing; MJML never sees it). */
export const ENTRIES_TAG = 'mj-strapi-entries';

/** Most entries a `latest` block may show. */
export const MAX_LATEST_ENTRIES = 20;

/** Every attribute the block takes, in the order the admin writes them (`data-*` ones are kept too). */
export const ENTRIES_ATTRIBUTES = [
  'type',
  'entries',
  'latest',
  'filter',
  'sort',
  'title',
  'text',
  'image',
  'link',
  'button',
  'layout',
] as const;

export const ENTRY_LAYOUTS = ['stack', 'cards'] as const;
export type EntryLayout = (typeof ENTRY_LAYOUTS)[number];

/** Strapi filter operators a block's `filter` may use; anything else is refused. */
export const SAFE_FILTER_OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  '$between',
  '$and',
  '$or',
  '$not',
] as const;

/**
 * The element's attributes, as written in the MJML (all strings). Either `entries` or `latest` is set.
 * Field attributes name fields of `type`; `link` is a URL pattern with `{field}` placeholders.
 */
export interface EntriesBlockAttributes {
  /** A collection type of the site: `api::<name>.<name>`. */
  type: string;
  /** Chosen documentIds, comma-separated, in display order. */
  entries?: string;
  /** "1".."20": the latest N entries matching `filter`, resolved when the send starts. */
  latest?: string;
  /** Strapi filters as JSON (write the attribute in single quotes). */
  filter?: string;
  /** "field:asc" or "field:desc"; default publishedAt:desc (draft & publish) or createdAt:desc. */
  sort?: string;
  /** Field shown as the entry's title: string, text, uid, email or enumeration. */
  title?: string;
  /** Field shown as the entry's text: string, text, richtext (Markdown) or blocks. */
  text?: string;
  /** Media field shown as the entry's image (its first file when multiple). */
  image?: string;
  /** URL pattern, e.g. `https://example.com/blog/{slug}`; placeholders name scalar fields. */
  link?: string;
  /** The button's label; no button when absent. */
  button?: string;
  /** "stack" (default): one entry under the other; "cards": two columns. */
  layout?: EntryLayout;
}

/** The parsed, validated form of one block (the server's view; the admin may use it to edit a block). */
export interface EntriesBlockSpec {
  type: string;
  selection:
    | { kind: 'entries'; documentIds: string[] }
    | { kind: 'latest'; count: number; filter: Record<string, unknown> | null; sort: string | null };
  fields: { title: string | null; text: string | null; image: string | null };
  link: string | null;
  button: string | null;
  layout: EntryLayout;
}

/** A field of a collection type, as the block picker shows it (`type` is Strapi's attribute type). */
export interface ContentBlockField {
  name: string;
  type: string;
}

/** A collection type of the site that a block may show. */
export interface ContentBlockType {
  uid: string;
  displayName: string;
  /** Whether only published entries are shown. */
  draftAndPublish: boolean;
  fields: ContentBlockField[];
}

/** An entry the picker offers: its documentId and its main field. */
export interface ContentBlockEntry {
  documentId: string;
  label: string;
}

/** GET /campaigns/content-blocks/types: the site's collection types (api::*). Guarded by the `write` action. */
export declare namespace GetContentBlockTypes {
  interface Response {
    data: ContentBlockType[];
  }
}

/** GET /campaigns/content-blocks/entries?type=<uid>&q=<search>: up to 20 entries whose label contains q. */
export declare namespace GetContentBlockEntries {
  interface Request {
    query: { type: string; q?: string };
  }
  interface Response {
    data: ContentBlockEntry[];
  }
}
