import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { ATTRIBUTE_BOUNDS, contactShape } from '../../../validation/contact-input';
import { hashEmail } from '../../../validation/email';
import { describeJsonBoundsProblem, findJsonBoundsProblem } from '../../../validation/json-bounds';
import type { AudienceSource } from './resolve';

export type SourceEntry = Record<string, unknown> & { id: number; documentId?: string | null; publishedAt?: unknown };

/** What the mirror reads of a contact. */
export interface ContactRow {
  id: number;
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  timezone: string | null;
  attributes: Record<string, unknown> | null;
  state: string;
  sourceUid: string | null;
  sourceId: string | null;
  topics?: Array<{ documentId: string }>;
}

type Column = 'firstName' | 'lastName' | 'locale' | 'timezone';
const COLUMNS: readonly Column[] = ['firstName', 'lastName', 'locale', 'timezone'];
const ATTRIBUTE_PREFIX = 'attribute:';

export const CONTACT_SELECT = [
  'id',
  'documentId',
  'email',
  'firstName',
  'lastName',
  'locale',
  'timezone',
  'attributes',
  'state',
  'sourceUid',
  'sourceId',
];

/** The key that finds a source entry's contact again: its documentId, or its id for rows without one. */
export const sourceIdOf = (entry: { id?: unknown; documentId?: unknown } | null | undefined) =>
  entry?.documentId ? String(entry.documentId) : entry?.id !== undefined && entry?.id !== null ? String(entry.id) : undefined;

export const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** JSON with sorted keys, so that values read back from jsonb (which reorders keys) compare equal. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  );

const asText = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'object' ? undefined : String(value));

/** The row that stands for a document among its rows: its published version when it has one, else the newest. */
export const representative = (rows: readonly SourceEntry[]): SourceEntry | undefined =>
  [...rows].sort((a, b) => Number(isEmpty(a.publishedAt)) - Number(isEmpty(b.publishedAt)) || b.id - a.id)[0];

/**
 * How a source entry's values become contact values, shared by the per-entry mirror and the
 * backfill's batches so that both write the same contact: every mapped value checked by the
 * contact's own rules, a bad one left out with a warning.
 */
export const createMapping = (strapi: Core.Strapi) => {
  const warn = (source: AudienceSource, sourceId: string, message: string) =>
    strapi.log.warn(`campaigns: audience source ${source.uid} entry ${sourceId}: ${message}`);

  /** The mapped values, each checked by the contact's own rules; a bad one is left out with a warning. */
  const mapFields = (source: AudienceSource, sourceId: string, entry: SourceEntry) => {
    const columns: Partial<Record<Column, string>> = {};
    const attributes: Record<string, unknown> = {};
    for (const [target, field] of Object.entries(source.fields)) {
      const value = entry[field];
      // An empty source value never erases what the contact holds (a name typed in by hand, say).
      if (isEmpty(value)) continue;
      if (target.startsWith(ATTRIBUTE_PREFIX)) {
        const name = target.slice(ATTRIBUTE_PREFIX.length);
        // A JSON field of the source can hold any depth: JSON.stringify would overflow on it.
        const problem = findJsonBoundsProblem({ [name]: value }, ATTRIBUTE_BOUNDS);
        if (problem) warn(source, sourceId, `${field} left out of the contact's attributes: ${describeJsonBoundsProblem(problem)}`);
        else attributes[name] = JSON.parse(JSON.stringify(value));
        continue;
      }
      const column = target as Column;
      const parsed = contactShape.shape[column].safeParse(asText(value));
      if (parsed.success && parsed.data !== null) columns[column] = parsed.data;
      else
        warn(
          source,
          sourceId,
          `${field} is not a valid contact ${column} (${parsed.error?.issues[0]?.message ?? 'not text'}); left unchanged`
        );
    }
    return { columns, attributes };
  };

  /** The contact's attributes with the mapped ones merged in, unless they break its rules (size above all). */
  const checkAttributes = (source: AudienceSource, sourceId: string, attributes: Record<string, unknown>) => {
    const checked = contactShape.shape.attributes.safeParse(attributes);
    if (checked.success) return attributes;
    warn(source, sourceId, `mapped attributes left out: ${checked.error.issues[0]?.message}`);
    return undefined;
  };

  /** The fields of `contact` that differ from the source, as a document update. */
  const changesFor = (source: AudienceSource, sourceId: string, contact: ContactRow, email: string, entry: SourceEntry) => {
    const { columns, attributes } = mapFields(source, sourceId, entry);
    const data: Record<string, unknown> = {};
    if (contact.email !== email) Object.assign(data, { email, emailHash: hashEmail(email) });
    for (const column of COLUMNS) {
      if (columns[column] !== undefined && columns[column] !== contact[column]) data[column] = columns[column];
    }
    const current = contact.attributes ?? {};
    if (Object.entries(attributes).some(([key, value]) => stableJson(current[key]) !== stableJson(value))) {
      const merged = checkAttributes(source, sourceId, { ...current, ...attributes });
      if (merged) data.attributes = merged;
    }
    return data;
  };

  /** The configured topics, in id order; a slug with no topic (yet) is logged and left out. */
  const configuredTopics = async (source: AudienceSource): Promise<Array<{ id: number; documentId: string }>> => {
    if (!source.topics.length) return [];
    const found: Array<{ id: number; documentId: string; slug: string }> = await strapi.db
      .query(UID.topic)
      .findMany({ where: { slug: { $in: source.topics } }, select: ['id', 'documentId', 'slug'], orderBy: { id: 'asc' } });
    const missing = source.topics.filter((slug) => !found.some((t) => t.slug === slug));
    if (missing.length) {
      strapi.log.warn(
        `campaigns: audience source ${source.uid}: no topic with slug ${missing.map((s) => `"${s}"`).join(', ')} (campaigns.audienceSources topics)`
      );
    }
    return found;
  };

  return { warn, mapFields, checkAttributes, changesFor, configuredTopics };
};

export type Mapping = ReturnType<typeof createMapping>;
