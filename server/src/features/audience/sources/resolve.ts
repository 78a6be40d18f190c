import type { Core } from '@strapi/strapi';
import { describePath, PluginConfigError } from '../../../config/parse';
import type { AudienceSourceConfig } from '../../../config/schema';

/** What the mirror needs to know of a source content type, beyond its options. */
export interface AudienceSource extends AudienceSourceConfig {
  /** Draft & publish or i18n: one document may have several rows, so the mirror reads them all. */
  multiRow: boolean;
  /** The columns the mirror reads from the source. */
  select: string[];
}

interface ModelAttribute {
  type: string;
}

interface ContentTypeModel {
  kind?: string;
  attributes: Record<string, ModelAttribute>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
}

const EMAIL_TYPES = ['string', 'email', 'text'];
// Plain values only: relations, media and components have no single value to copy, and a
// password hash must never leave its table.
const MAPPABLE_TYPES = [
  ...EMAIL_TYPES,
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'timestamp',
  'json',
];

const refuse = (path: Array<string | number>, message: string) =>
  new PluginConfigError(`${describePath(['audienceSources', ...path])}: ${message}`);

const checkField = (model: ContentTypeModel, uid: string, field: string, allowed: string[], path: Array<string | number>) => {
  const attribute = model.attributes[field];
  if (!attribute) throw refuse(path, `"${field}" is not an attribute of ${uid}`);
  if (!allowed.includes(attribute.type)) {
    throw refuse(path, `"${field}" of ${uid} is a ${attribute.type} attribute; map a plain field (${allowed.join(', ')})`);
  }
};

/**
 * Checks each configured source against the app's content types, once they are all loaded
 * (bootstrap): a typo in a uid or field name stops the boot naming the option, rather than
 * leaving a mirror that silently copies nothing.
 */
export const resolveAudienceSources = (strapi: Core.Strapi, sources: readonly AudienceSourceConfig[]): AudienceSource[] =>
  sources.map((source, index) => {
    const model = (strapi.contentTypes as unknown as Record<string, ContentTypeModel | undefined>)[source.uid];
    if (!model) throw refuse([index, 'uid'], `"${source.uid}" is not a content type of this app`);
    if (model.kind !== 'collectionType')
      throw refuse([index, 'uid'], `"${source.uid}" is a single type; a source must be a collection type`);
    checkField(model, source.uid, source.emailField, EMAIL_TYPES, [index, 'emailField']);
    for (const [target, field] of Object.entries(source.fields)) {
      checkField(model, source.uid, field, MAPPABLE_TYPES, [index, 'fields', target]);
    }
    const multiRow = Boolean(model.options?.draftAndPublish || model.pluginOptions?.i18n?.localized);
    const select = [
      ...new Set(['id', 'documentId', ...(multiRow ? ['publishedAt'] : []), source.emailField, ...Object.values(source.fields)]),
    ];
    return { ...source, multiRow, select };
  });
