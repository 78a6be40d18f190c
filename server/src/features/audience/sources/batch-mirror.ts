import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../constants';
import { addTopicLinks } from '../contacts/topic-links';
import { isMysql } from '../../../db/dialect';
import { insertRows } from '../../../db/bulk-insert';
import { contactTables, type ContactColumn, type ContactTables } from '../contacts/contact-tables';
import { createDocumentId } from '../../../db/document-id';
import { hashEmail, normalizeEmail } from '../../../validation/email';
import { CONTACT_SELECT, createMapping, representative, sourceIdOf, type ContactRow, type SourceEntry } from './mapping';
import type { MirrorOutcome } from './mirror';
import { erasedHashes } from '../contacts/erased';
import type { AudienceSource } from './resolve';

/** A contact as the page leaves it: `id` is missing until a new one is inserted. */
type Planned = Omit<ContactRow, 'id'> & { id?: number };

interface Candidate {
  sourceId: string;
  entry: SourceEntry;
  email: string;
}

/** Contact data of the mirror (attribute names) as the contact table's columns. */
const toColumns = (tables: ContactTables, data: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      tables.columns[key as ContactColumn],
      key === 'attributes' && value !== null ? JSON.stringify(value) : value,
    ])
  );

/**
 * The backfill's writer: one page of source entries mirrored in one transaction, with the same
 * decisions as the per-entry mirror (mirror.ts) taken one entry after another over an in-memory
 * view of the contacts they touch (read in two queries), then written in a few statements: the
 * changed contacts updated one by one, the new ones in one multi-row insert, the topic links of
 * new and newly linked contacts in one more. A contact the page creates or re-addresses is seen
 * by the entries after it, as it would be one sync at a time.
 *
 * The view matches addresses exactly, as JavaScript compares them; MySQL's collation compares
 * them ignoring case. A page whose insert meets the unique email index (such an address, or a
 * contact another process created meanwhile) fails as a whole; the backfill then mirrors that
 * page one entry at a time.
 */
export const createBatchMirror = (strapi: Core.Strapi) => {
  const { warn, mapFields, checkAttributes, changesFor, configuredTopics } = createMapping(strapi);
  const contactQuery = () => strapi.db.query(UID.contact);

  /** One entry per document of the page: for draft & publish or i18n sources, the row standing for it among all its rows. */
  const entriesOf = async (source: AudienceSource, rows: readonly SourceEntry[]) => {
    const first = new Map<string, SourceEntry>();
    for (const row of rows) {
      const sourceId = sourceIdOf(row) as string;
      if (!first.has(sourceId)) first.set(sourceId, row);
    }
    if (!source.multiRow) return first;
    const documentIds = [...first.values()].filter((row) => row.documentId).map((row) => row.documentId as string);
    const siblings: SourceEntry[] = documentIds.length
      ? await strapi.db.query(source.uid).findMany({ where: { documentId: { $in: documentIds } }, select: source.select })
      : [];
    const byDocument = new Map<string, SourceEntry[]>();
    for (const row of siblings) byDocument.set(row.documentId as string, [...(byDocument.get(row.documentId as string) ?? []), row]);
    const entries = new Map<string, SourceEntry>();
    for (const [sourceId, row] of first) {
      const entry = row.documentId ? representative(byDocument.get(row.documentId) ?? []) : row;
      if (entry) entries.set(sourceId, entry);
    }
    return entries;
  };

  const write = async (
    trx: Knex.Transaction,
    tables: ContactTables,
    source: AudienceSource,
    updates: Array<{ contact: Planned; data: Record<string, unknown> }>,
    creates: Planned[],
    joining: Planned[]
  ) => {
    const now = new Date();
    // Updates first: an address a contact gives up may be the one a new contact takes.
    for (const { contact, data } of updates) {
      await trx(tables.contacts)
        .where('id', contact.id as number)
        .update({ ...toColumns(tables, data), [tables.columns.updatedAt]: now });
    }
    if (creates.length) {
      const consent = JSON.stringify({ source: source.consentSource, at: now.toISOString(), ip: null, text: null });
      const fields = [
        'documentId',
        'email',
        'emailHash',
        'firstName',
        'lastName',
        'locale',
        'timezone',
        'attributes',
        'sourceUid',
        'sourceId',
      ] as const;
      const columns = [
        ...fields.map((f) => tables.columns[f]),
        ...(['state', 'stateChangedAt', 'consent', 'source', 'createdAt', 'updatedAt', 'publishedAt'] as const).map(
          (f) => tables.columns[f]
        ),
      ];
      const rows = creates.map((c) => [
        c.documentId,
        c.email,
        hashEmail(c.email),
        c.firstName,
        c.lastName,
        c.locale,
        c.timezone,
        c.attributes === null ? null : JSON.stringify(c.attributes),
        c.sourceUid,
        c.sourceId,
        'subscribed',
        now,
        consent,
        source.consentSource,
        now,
        now,
        now,
      ]);
      const returned = await insertRows(trx, tables.contacts, columns, rows, { returning: ['id', tables.columns.documentId] });
      // MySQL has no RETURNING: the documentIds were drawn here, so they find the new rows.
      const found =
        returned ??
        (isMysql(trx)
          ? await trx(tables.contacts)
              .select('id', tables.columns.documentId)
              .whereIn(
                tables.columns.documentId,
                creates.map((c) => c.documentId)
              )
          : []);
      const idOf = new Map(found.map((r) => [String(r[tables.columns.documentId]), Number(r.id)]));
      for (const contact of creates) contact.id = idOf.get(contact.documentId);
    }
    const topics = joining.length ? await configuredTopics(source) : [];
    if (topics.length) {
      await addTopicLinks(
        trx,
        tables,
        joining.map((c) => c.id as number),
        topics.map((t) => t.id)
      );
    }
  };

  return {
    /**
     * Mirrors one page of source rows; answers one outcome per document of the page.
     * Throws (and writes nothing) when the transaction fails.
     */
    async syncPage(source: AudienceSource, rows: readonly SourceEntry[]): Promise<MirrorOutcome[]> {
      const tables = contactTables(strapi);
      return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
        const outcomes: MirrorOutcome[] = [];
        const checkedEntries: Candidate[] = [];
        for (const [sourceId, entry] of await entriesOf(source, rows)) {
          const checked = normalizeEmail(entry[source.emailField]);
          if (checked.ok) checkedEntries.push({ sourceId, entry, email: checked.email });
          else {
            warn(source, sourceId, `not mirrored: ${source.emailField} ${checked.reason}`);
            outcomes.push('skipped');
          }
        }
        const erased = await erasedHashes(
          trx,
          tables.suppressions,
          checkedEntries.map((c) => hashEmail(c.email))
        );
        const candidates = checkedEntries.filter(({ sourceId, email }) => {
          if (!erased.has(hashEmail(email))) return true;
          warn(source, sourceId, `not mirrored: its ${source.emailField} was erased (GDPR) and may not become a contact again`);
          outcomes.push('skipped');
          return false;
        });
        if (!candidates.length) return outcomes;

        const read = (where: Record<string, unknown>): Promise<ContactRow[]> => contactQuery().findMany({ where, select: CONTACT_SELECT });
        const bySource = new Map<string, Planned>();
        const byEmail = new Map<string, Planned>();
        for (const contact of await read({ sourceUid: source.uid, sourceId: { $in: candidates.map((c) => c.sourceId) } })) {
          bySource.set(contact.sourceId as string, { ...contact });
        }
        for (const contact of await read({ email: { $in: candidates.map((c) => c.email) } })) {
          byEmail.set(contact.email, bySource.get(contact.sourceId as string) ?? { ...contact });
        }
        for (const contact of bySource.values()) if (!byEmail.has(contact.email)) byEmail.set(contact.email, contact);

        const updates: Array<{ contact: Planned; data: Record<string, unknown> }> = [];
        const creates: Planned[] = [];
        const joining: Planned[] = [];
        const change = (contact: Planned, data: Record<string, unknown>) => {
          if (typeof data.email === 'string' && data.email !== contact.email) {
            byEmail.delete(contact.email);
            byEmail.set(data.email, contact);
          }
          Object.assign(contact, data);
          updates.push({ contact, data });
        };

        for (const { sourceId, entry, email } of candidates) {
          const linked = bySource.get(sourceId);
          if (linked) {
            const clash = byEmail.get(email);
            if (linked.email !== email && clash && clash !== linked) {
              warn(
                source,
                sourceId,
                `${source.emailField} changed to an address that contact ${clash.documentId} already has; contact ${linked.documentId} left unchanged`
              );
              outcomes.push('skipped');
              continue;
            }
            const data = changesFor(source, sourceId, linked as ContactRow, email, entry);
            if (!Object.keys(data).length) outcomes.push('unchanged');
            else {
              change(linked, data);
              outcomes.push('updated');
            }
            continue;
          }
          const existing = byEmail.get(email);
          if (existing) {
            if (existing.sourceUid) {
              warn(
                source,
                sourceId,
                `not mirrored: contact ${existing.documentId} with this address already mirrors ${existing.sourceUid} entry ${existing.sourceId}`
              );
              outcomes.push('skipped');
              continue;
            }
            // Linking keeps the contact's state and consent: an address that unsubscribed stays unsubscribed.
            change(existing, { ...changesFor(source, sourceId, existing as ContactRow, email, entry), sourceUid: source.uid, sourceId });
            bySource.set(sourceId, existing);
            joining.push(existing);
            outcomes.push('linked');
            continue;
          }
          const { columns, attributes } = mapFields(source, sourceId, entry);
          const created: Planned = {
            documentId: createDocumentId(),
            email,
            firstName: columns.firstName ?? null,
            lastName: columns.lastName ?? null,
            locale: columns.locale ?? null,
            timezone: columns.timezone ?? null,
            attributes: (Object.keys(attributes).length && checkAttributes(source, sourceId, attributes)) || null,
            state: 'subscribed',
            sourceUid: source.uid,
            sourceId,
          };
          creates.push(created);
          joining.push(created);
          bySource.set(sourceId, created);
          byEmail.set(email, created);
          outcomes.push('created');
        }
        await write(trx, tables, source, updates, creates, joining);
        return outcomes;
      });
    },
  };
};

export type BatchMirror = ReturnType<typeof createBatchMirror>;
