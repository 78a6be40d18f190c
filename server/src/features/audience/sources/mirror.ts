import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { rootOf } from '../../../composition/accessor';
import { documentsOf } from '../../../db/documents';
import { hashEmail, normalizeEmail } from '../../../validation/email';
import { erasedHashes } from '../contacts/erased';
import { CONTACT_SELECT, createMapping, representative, type ContactRow, type SourceEntry } from './mapping';
import type { AudienceSource } from './resolve';

/** What one sync did to the contacts: the backfill counts these. */
export type MirrorOutcome = 'created' | 'updated' | 'linked' | 'unchanged' | 'skipped' | 'removed';

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

  const { warn, mapFields, checkAttributes, changesFor, configuredTopics } = createMapping(strapi);
  const topicIds = async (source: AudienceSource) => (await configuredTopics(source)).map((t) => t.documentId);

  /** The row that stands for a document: its published version when it has one, else the newest. */
  const loadEntry = async (source: AudienceSource, sourceId: string): Promise<SourceEntry | undefined> => {
    const query = strapi.db.query(source.uid);
    let rows: SourceEntry[] = await query.findMany({ where: { documentId: sourceId }, select: source.select });
    if (!rows.length && /^\d+$/.test(sourceId)) {
      rows = await query.findMany({ where: { id: Number(sourceId), documentId: null }, select: source.select });
    }
    return representative(rows);
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
    await rootOf(strapi).signal({ type: 'unsubscribe', contactIds: [contact.id], origin: 'source' });
    await contacts().update({ documentId: contact.documentId, data: { sourceUid: null, sourceId: null } });
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
    if ((await erasedHashes(strapi.db.connection, strapi.db.metadata.get(UID.suppression).tableName, [hashEmail(email)])).size) {
      warn(source, sourceId, `not mirrored: its ${source.emailField} was erased (GDPR) and may not become a contact again`);
      return 'skipped';
    }

    if (linked) {
      if (linked.email !== email) {
        const clash = await findByEmail(email);
        if (clash && clash.id !== linked.id) {
          warn(
            source,
            sourceId,
            `${source.emailField} changed to an address that contact ${clash.documentId} already has; contact ${linked.documentId} left unchanged`
          );
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
        warn(
          source,
          sourceId,
          `not mirrored: contact ${existing.documentId} with this address already mirrors ${existing.sourceUid} entry ${existing.sourceId}`
        );
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
