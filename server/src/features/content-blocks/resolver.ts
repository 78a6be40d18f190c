import type { Core } from '@strapi/strapi';
import type { ContentBlockEntry, ContentBlockType } from '../../../../shared/contracts/content-blocks';
import { absoluteOn, entryOf } from './entry-values';
import { renderEntries, type ResolvedEntry } from './render';
import { blockError as markedError, type EntriesBlock } from './tag';

type Attribute = { type: string; private?: boolean; target?: string; relation?: string };
type Schema = {
  uid: string;
  kind: string;
  info?: { displayName?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribute>;
};

const TITLE_TYPES = ['string', 'text', 'uid', 'email', 'enumeration'];
const TEXT_TYPES = ['string', 'text', 'richtext', 'blocks'];
const SCALAR_TYPES = [
  'string',
  'text',
  'uid',
  'email',
  'enumeration',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'date',
  'datetime',
  'time',
  'boolean',
];
/** What the block picker lists: fields a block can map. */
const MAPPABLE_TYPES = new Set([...SCALAR_TYPES, 'richtext', 'blocks', 'media']);
/** Every document has these, whatever its attributes say. */
const SYSTEM_SCALARS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'];
/** Set by Strapi, not by the site's editors: not offered for mapping. */
const SYSTEM_FIELDS = new Set([...SYSTEM_SCALARS, 'createdBy', 'updatedBy', 'locale', 'localizations']);
const PICKER_LIMIT = 20;

const blockError = (block: Pick<EntriesBlock, 'number' | 'line'>, detail: string) => markedError(block.number, detail, block.line);

/** A field a block may read: one of the type's own, never private or a password. */
const readable = (schema: Schema, name: string): Attribute | null => {
  const attribute = Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : null;
  return attribute && !attribute.private && attribute.type !== 'password' ? attribute : null;
};

export interface EntriesResolverDeps {
  strapi: Core.Strapi;
  /** The site's public URL (the plugin's publicUrl, else server.url): uploads' relative URLs are made absolute on it. */
  publicUrl: () => string | null;
}

/**
 * Reads the site's entries for the blocks of a campaign, through Strapi's document service: only
 * collection types of the site (api::*), only fields of a fitting type, only published entries
 * when the type has draft & publish. Everything wrong is a TemplateError naming the block.
 */
export const createEntriesResolver = ({ strapi, publicUrl }: EntriesResolverDeps) => {
  const siteTypes = () =>
    Object.values(strapi.contentTypes as unknown as Record<string, Schema>).filter(
      (schema) => schema.uid.startsWith('api::') && schema.kind === 'collectionType'
    );

  const schemaOf = (block: EntriesBlock, uid: string): Schema => {
    const schema = siteTypes().find((s) => s.uid === uid);
    if (!schema) {
      const known = siteTypes().map((s) => s.uid);
      throw blockError(
        block,
        `the type "${uid}" is not a collection type of this site${known.length ? `: use one of ${known.join(', ')}` : ''}`
      );
    }
    return schema;
  };

  const checkField = (block: EntriesBlock, schema: Schema, attribute: 'title' | 'text' | 'image', types: readonly string[]) => {
    const name = block.spec.fields[attribute];
    if (!name) return null;
    const field = readable(schema, name);
    if (!field || !types.includes(field.type)) {
      const fitting = Object.entries(schema.attributes).filter(([n, a]) => readable(schema, n) && types.includes(a.type));
      throw blockError(
        block,
        `the attribute "${attribute}" names "${name}", ${field ? `a ${field.type} field` : `which is not a field of ${schema.uid}`}: ` +
          `use a ${types.join(', ')} field${fitting.length ? ` (${fitting.map(([n]) => n).join(', ')})` : ''}`
      );
    }
    return field.type;
  };

  const isScalar = (schema: Schema, name: string) =>
    SYSTEM_SCALARS.includes(name) || SCALAR_TYPES.includes(readable(schema, name)?.type ?? '');

  /** Field names of a filter exist and are readable; relations lead to the site's own types only. */
  const checkFilterFields = (block: EntriesBlock, schema: Schema, filter: unknown): void => {
    if (Array.isArray(filter)) return filter.forEach((item) => checkFilterFields(block, schema, item));
    if (!filter || typeof filter !== 'object') return;
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) {
        checkFilterFields(block, schema, value);
        continue;
      }
      if (SYSTEM_SCALARS.includes(key)) continue;
      const attribute = readable(schema, key);
      if (!attribute) throw blockError(block, `the attribute "filter" names "${key}", which is not a field of ${schema.uid}`);
      if (attribute.type === 'relation') {
        const target = siteTypes().find((s) => s.uid === attribute.target);
        if (!target)
          throw blockError(
            block,
            `the attribute "filter" follows "${key}" to ${attribute.target}: filters may only follow relations to the site's own types`
          );
        checkFilterFields(block, target, value);
      } else if (!SCALAR_TYPES.includes(attribute.type)) {
        throw blockError(
          block,
          `the attribute "filter" names "${key}", a ${attribute.type} field: filter on text, number, date or boolean fields`
        );
      }
    }
  };

  /** The checked schema and the text field's type; a TemplateError naming the block and the attribute otherwise. */
  const check = (block: EntriesBlock) => {
    const { spec } = block;
    const schema = schemaOf(block, spec.type);
    checkField(block, schema, 'title', TITLE_TYPES);
    const textType = checkField(block, schema, 'text', TEXT_TYPES);
    checkField(block, schema, 'image', ['media']);
    for (const [, name] of (spec.link ?? '').matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      if (!isScalar(schema, name))
        throw blockError(
          block,
          `the attribute "link" has the placeholder {${name}}, which is not a text, number or date field of ${schema.uid}`
        );
    }
    if (spec.selection.kind === 'latest') {
      if (spec.selection.filter) checkFilterFields(block, schema, spec.selection.filter);
      const sortField = spec.selection.sort?.split(':')[0];
      if (sortField && !isScalar(schema, sortField))
        throw blockError(block, `the attribute "sort" names "${sortField}", which is not a text, number or date field of ${schema.uid}`);
    }
    return { schema, textType };
  };

  const baseUrl = () => {
    const fromPlugin = publicUrl();
    if (fromPlugin) return fromPlugin;
    const server = strapi.config.get<string>('server.url', '');
    return /^https?:\/\//.test(server) ? server : null;
  };

  /** The block's documents, in the order it shows them. */
  const documentsOf = async (block: EntriesBlock, schema: Schema) => {
    const { spec } = block;
    const published = schema.options?.draftAndPublish ? { status: 'published' as const } : {};
    const populate = spec.fields.image ? { [spec.fields.image]: true } : undefined;
    const documents = strapi.documents(schema.uid as never) as unknown as {
      findMany(params: Record<string, unknown>): Promise<Array<Record<string, unknown> & { documentId: string }>>;
    };
    if (spec.selection.kind === 'entries') {
      const { documentIds } = spec.selection;
      const found = await documents.findMany({
        ...published,
        filters: { documentId: { $in: documentIds } },
        populate,
        limit: documentIds.length,
      });
      const byId = new Map(found.map((d) => [d.documentId, d]));
      return {
        documents: documentIds.map((id) => byId.get(id)).filter((d) => d !== undefined),
        missing: documentIds.filter((id) => !byId.has(id)),
      };
    }
    const { count, filter, sort } = spec.selection;
    const documentsFound = await documents.findMany({
      ...published,
      ...(filter ? { filters: filter } : {}),
      sort: sort ?? (schema.options?.draftAndPublish ? 'publishedAt:desc' : 'createdAt:desc'),
      limit: count,
      populate,
    });
    return { documents: documentsFound, missing: [] as string[] };
  };

  const resolver = {
    /** Checks a block against the site's types without reading any entry. */
    check,

    /** The block's entries as the message shows them, read now. */
    async entries(block: EntriesBlock): Promise<{ entries: ResolvedEntry[]; missing: string[] }> {
      const { schema, textType } = check(block);
      const { documents, missing } = await documentsOf(block, schema);
      const absolute = absoluteOn(baseUrl());
      return { entries: documents.map((d) => entryOf(d, block.spec, textType, absolute)), missing };
    },

    /** The block's MJML, from its entries read now; `notes` gets what was skipped. */
    async fragment(block: EntriesBlock, notes: string[] = []) {
      const { entries, missing } = await resolver.entries(block);
      if (missing.length) {
        notes.push(`<mj-strapi-entries> block ${block.number}: ${missing.join(', ')} not found or not published, left out`);
      }
      return renderEntries(block.spec, block.place, entries);
    },

    /** The site's collection types with the fields a block can map (GET /content-blocks/types). */
    types(): ContentBlockType[] {
      return siteTypes()
        .map((schema) => ({
          uid: schema.uid,
          displayName: schema.info?.displayName ?? schema.uid,
          draftAndPublish: !!schema.options?.draftAndPublish,
          fields: Object.entries(schema.attributes)
            .filter(([name, attribute]) => !SYSTEM_FIELDS.has(name) && readable(schema, name) && MAPPABLE_TYPES.has(attribute.type))
            .map(([name, attribute]) => ({ name, type: attribute.type })),
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },

    /** Up to 20 entries of a type whose label holds `q` (GET /content-blocks/entries): the picker's choices. */
    async search(uid: string, q: string): Promise<ContentBlockEntry[]> {
      const schema = siteTypes().find((s) => s.uid === uid);
      if (!schema) return [];
      const label = await labelField(schema);
      const published = schema.options?.draftAndPublish ? { status: 'published' as const } : {};
      const documents = strapi.documents(schema.uid as never) as unknown as {
        findMany(params: Record<string, unknown>): Promise<Array<Record<string, unknown> & { documentId: string }>>;
      };
      const found = await documents.findMany({
        ...published,
        ...(q && label ? { filters: { [label]: { $containsi: q } } } : q ? { filters: { documentId: { $eq: q } } } : {}),
        ...(label ? { fields: [label] } : { fields: [] }),
        sort: schema.options?.draftAndPublish ? 'publishedAt:desc' : 'createdAt:desc',
        limit: PICKER_LIMIT,
      });
      return found.map((d) => ({ documentId: d.documentId, label: label && d[label] != null ? String(d[label]) : d.documentId }));
    },
  };

  /** The field the content manager shows as an entry's name, when it is text; else the first text field. */
  const labelField = async (schema: Schema): Promise<string | null> => {
    const isText = (name: string) => TITLE_TYPES.includes(readable(schema, name)?.type ?? '');
    try {
      const configuration = (await strapi.plugin('content-manager')?.service('content-types')?.findConfiguration({ uid: schema.uid })) as
        { settings?: { mainField?: string } } | undefined;
      const main = configuration?.settings?.mainField;
      if (main && isText(main)) return main;
    } catch {
      // The content manager's configuration is a nicety: the first text field names entries as well.
    }
    return Object.keys(schema.attributes).find((name) => !SYSTEM_FIELDS.has(name) && isText(name)) ?? null;
  };

  return resolver;
};

export type EntriesResolver = ReturnType<typeof createEntriesResolver>;
