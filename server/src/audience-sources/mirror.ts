import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { documentsOf } from '../documents';
import { contactShape } from '../validation/contact-input';
import { hashEmail, normalizeEmail } from '../validation/email';
import type { AudienceSource } from './resolve';

/** What one sync did to the contacts: the backfill counts these. */
export type MirrorOutcome = 'created' | 'updated' | 'linked' | 'unchanged' | 'skipped' | 'removed';

export type SourceEntry = Record<string, unknown> & { id: number; documentId?: string | null; publishedAt?: unknown };

interface ContactRow {
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

const CONTACT_SELECT = ['id', 'documentId', 'email', 'firstName', 'lastName', 'locale', 'timezone', 'attributes', 'state', 'sourceUid', 'sourceId'];

/** The key that finds a source entry's contact again: its documentId, or its id for rows without one. */
export const sourceIdOf = (entry: { id?: unknown; documentId?: unknown } | null | undefined) =>
  entry?.documentId ? String(entry.documentId) : entry?.id !== undefined && entry?.id !== null ? String(entry.id) : undefined;

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** JSON with sorted keys, so that values read back from jsonb (which reorders keys) compare equal. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  );

const asText = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'object' ? undefined : String(value));

/**
 * Keeps the contacts of one source in step with its entries. Every method reads the committed
 * state of the source again rather than trusting what a lifecycle event carried, so replaying a
 * sync, or running it after a later write, converges on the same contact. It never throws: a
 * source entry that cannot be mirrored is logged and skipped, and the source's own write is
 * never affected.
 */
export const createMirror = (strapi: Core.Strapi) => {
  const contacts = () => documentsOf(strapi, UID.contact);
  const contactQuery = () => strapi.db.query(UID.contact);

  const warn = (source: AudienceSource, sourceId: string, message: string) =>
    strapi.log.warn(`campaigns: audience source ${source.uid} entry ${sourceId}: ${message}`);

  /** The row that stands for a document: its published version when it has one, else the newest. */
  const loadEntry = async (source: AudienceSource, sourceId: string): Promise<SourceEntry | undefined> => {
    const query = strapi.db.query(source.uid);
    let rows: SourceEntry[] = await query.findMany({ where: { documentId: sourceId }, select: source.select });
    if (!rows.length && /^\d+$/.test(sourceId)) {
      rows = await query.findMany({ where: { id: Number(sourceId), documentId: null }, select: source.select });
    }
    return rows.sort((a, b) => Number(isEmpty(a.publishedAt)) - Number(isEmpty(b.publishedAt)) || b.id - a.id)[0];
  };

  /** The mapped values, each checked by the contact's own rules; a bad one is left out with a warning. */
  const mapFields = (source: AudienceSource, sourceId: string, entry: SourceEntry) => {
    const columns: Partial<Record<Column, string>> = {};
    const attributes: Record<string, unknown> = {};
    for (const [target, field] of Object.entries(source.fields)) {
      const value = entry[field];
      // An empty source value never erases what the contact holds (a name typed in by hand, say).
      if (isEmpty(value)) continue;
      if (target.startsWith(ATTRIBUTE_PREFIX)) {
        attributes[target.slice(ATTRIBUTE_PREFIX.length)] = JSON.parse(JSON.stringify(value));
        continue;
      }
      const column = target as Column;
      const parsed = contactShape.shape[column].safeParse(asText(value));
      if (parsed.success && parsed.data !== null) columns[column] = parsed.data;
      else warn(source, sourceId, `${field} is not a valid contact ${column} (${parsed.error?.issues[0]?.message ?? 'not text'}); left unchanged`);
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

  /** The documentIds of the configured topics; a slug with no topic (yet) is logged and left out. */
  const topicIds = async (source: AudienceSource) => {
    if (!source.topics.length) return [];
    const found: Array<{ documentId: string; slug: string }> = await strapi.db
      .query(UID.topic)
      .findMany({ where: { slug: { $in: source.topics } }, select: ['documentId', 'slug'] });
    const missing = source.topics.filter((slug) => !found.some((t) => t.slug === slug));
    if (missing.length) {
      strapi.log.warn(`campaigns: audience source ${source.uid}: no topic with slug ${missing.map((s) => `"${s}"`).join(', ')} (campaigns.audienceSources topics)`);
    }
    return found.map((t) => t.documentId);
  };

  const findLinked = (source: AudienceSource, sourceId: string): Promise<ContactRow | null> =>
    contactQuery().findOne({ where: { sourceUid: source.uid, sourceId }, select: CONTACT_SELECT });

  const findByEmail = (email: string): Promise<ContactRow | null> =>
    contactQuery().findOne({ where: { email }, select: CONTACT_SELECT, populate: { topics: { select: ['documentId'] } } });

  /** The source entry is gone: delete its contact, or unsubscribe it and drop the link (option mirrorDeletes). */
  const removeLinked = async (source: AudienceSource, contact: ContactRow): Promise<MirrorOutcome> => {
    if (source.mirrorDeletes === 'delete') {
      await contacts().delete({ documentId: contact.documentId });
      return 'removed';
    }
    const unsubscribe = contact.state === 'subscribed' ? { state: 'unsubscribed', stateChangedAt: new Date().toISOString() } : {};
    await contacts().update({ documentId: contact.documentId, data: { ...unsubscribe, sourceUid: null, sourceId: null } });
    return 'removed';
  };

  const sync = async (source: AudienceSource, sourceId: string, known?: SourceEntry): Promise<MirrorOutcome> => {
    const entry = known && !source.multiRow ? known : await loadEntry(source, sourceId);
    const linked = await findLinked(source, sourceId);
    if (!entry) return linked ? removeLinked(source, linked) : 'unchanged';

    const checked = normalizeEmail(entry[source.emailField]);
    if (!checked.ok) {
      warn(source, sourceId, `not mirrored: ${source.emailField} ${checked.reason}`);
      return 'skipped';
    }
    const { email } = checked;

    if (linked) {
      if (linked.email !== email) {
        const clash = await findByEmail(email);
        if (clash && clash.id !== linked.id) {
          warn(source, sourceId, `${source.emailField} changed to an address that contact ${clash.documentId} already has; contact ${linked.documentId} left unchanged`);
          return 'skipped';
        }
      }
      const data = changesFor(source, sourceId, linked, email, entry);
      if (!Object.keys(data).length) return 'unchanged';
      await contacts().update({ documentId: linked.documentId, data });
      return 'updated';
    }

    const existing = await findByEmail(email);
    if (existing) {
      if (existing.sourceUid) {
        warn(source, sourceId, `not mirrored: contact ${existing.documentId} with this address already mirrors ${existing.sourceUid} entry ${existing.sourceId}`);
        return 'skipped';
      }
      // Linking keeps the contact's state and consent: an address that unsubscribed stays unsubscribed.
      const have = new Set((existing.topics ?? []).map((t) => t.documentId));
      const connect = (await topicIds(source)).filter((id) => !have.has(id)).map((documentId) => ({ documentId }));
      await contacts().update({
        documentId: existing.documentId,
        data: {
          ...changesFor(source, sourceId, existing, email, entry),
          sourceUid: source.uid,
          sourceId,
          ...(connect.length ? { topics: { connect } } : {}),
        },
      });
      return 'linked';
    }

    const { columns, attributes } = mapFields(source, sourceId, entry);
    const now = new Date().toISOString();
    await contacts().create({
      data: {
        email,
        emailHash: hashEmail(email),
        ...columns,
        attributes: (Object.keys(attributes).length && checkAttributes(source, sourceId, attributes)) || null,
        state: 'subscribed',
        stateChangedAt: now,
        consent: { source: source.consentSource, at: now, ip: null, text: null },
        source: source.consentSource,
        sourceUid: source.uid,
        sourceId,
        topics: await topicIds(source),
      },
    });
    return 'created';
  };

  return {
    /**
     * Brings the contact of one source document in line with the committed source. A failure is
     * tried once more (two processes creating the same address meet the unique email index: the
     * second attempt links instead), then logged.
     */
    async syncDocument(source: AudienceSource, sourceId: string, known?: SourceEntry): Promise<MirrorOutcome> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await sync(source, sourceId, known);
        } catch (error) {
          if (attempt === 1) continue;
          strapi.log.error(`campaigns: audience source ${source.uid} entry ${sourceId}: mirror failed: ${(error as Error).message}`);
          return 'skipped';
        }
      }
    },

    /** Contacts linked to a source, in id order from `afterId`: the backfill checks their entries still exist. */
    linkedContacts(source: AudienceSource, afterId: number, limit: number): Promise<Array<{ id: number; sourceId: string }>> {
      return contactQuery().findMany({
        where: { sourceUid: source.uid, id: { $gt: afterId } },
        select: ['id', 'sourceId'],
        orderBy: { id: 'asc' },
        limit,
      });
    },
  };
};

export type Mirror = ReturnType<typeof createMirror>;
