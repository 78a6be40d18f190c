import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { isSqlite } from '../../db/dialect';
import { chunks, insertRows, updateRows, whereInList } from '../../db/bulk-insert';
import type { ContactTables } from '../audience/contacts/contact-tables';
import { createDocumentId } from '../../db/document-id';
import type { ImportedContact } from './row';

/** What one import writes on every contact, whatever the row. */
export interface WriteContext {
  importId: number;
  /** The contacts' `source`: marks the contacts this import created. */
  source: string;
  consent: { source: string; text: string | null };
  topicIds: readonly number[];
  updateExisting: boolean;
}

export interface BatchCounts {
  created: number;
  updated: number;
  duplicates: number;
  suppressed: number;
}

interface ExistingContact {
  id: number;
  emailHash: string;
  source: string | null;
  attributes: Record<string, unknown> | null;
}

// JSON columns come back parsed (MySQL) or as text (PostgreSQL jsonb through Strapi, SQLite).
const parseJson = (value: unknown): Record<string, unknown> | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  return value as Record<string, unknown>;
};

/**
 * Per topic, the next position of a contact in the topic's list (the relation's inverse order
 * column). Read once per run rather than per batch: a MAX over a large topic in every batch would
 * make an import quadratic. Ties with a concurrent writer only affect the order of a list.
 */
export class TopicPositions {
  private constructor(private readonly next: Map<number, number>) {}

  static async load(knex: Knex, tables: ContactTables, topicIds: readonly number[]) {
    const { table, topic, contactOrder } = tables.links;
    const next = new Map(topicIds.map((id) => [id, 1]));
    if (contactOrder && topicIds.length) {
      const rows: Array<{ topic: number; max: number | string | null }> = await knex(table)
        .select({ topic })
        .max({ max: contactOrder })
        .whereIn(topic, topicIds as number[])
        .groupBy(topic);
      for (const row of rows) next.set(Number(row.topic), Number(row.max ?? 0) + 1);
    }
    return new TopicPositions(next);
  }

  take(topicId: number) {
    const position = this.next.get(topicId) ?? 1;
    this.next.set(topicId, position + 1);
    return position;
  }
}

/**
 * Writes one batch of valid rows inside the caller's transaction, as the document service would
 * have written them one by one: new contacts in one insert, existing ones updated when the import
 * says so, topic links with their order columns. Rows are deduplicated on the email hash (what
 * suppressions match on, and stricter than any database's unique index on the address).
 */
export const writeContacts = async (
  trx: Knex.Transaction,
  tables: ContactTables,
  context: WriteContext,
  positions: TopicPositions,
  rows: readonly ImportedContact[]
): Promise<BatchCounts> => {
  const { columns: col } = tables;
  const counts: BatchCounts = { created: 0, updated: 0, duplicates: 0, suppressed: 0 };
  const firsts = new Map<string, ImportedContact>();
  for (const row of rows) {
    if (firsts.has(row.emailHash)) counts.duplicates += 1;
    else firsts.set(row.emailHash, row);
  }
  if (firsts.size === 0) return counts;
  const hashes = [...firsts.keys()];
  const now = new Date();

  const existingQuery = trx(tables.contacts).select({ id: 'id', emailHash: col.emailHash, source: col.source, attributes: col.attributes });
  // Locked until the batch commits (PostgreSQL, MySQL): an admin's edit of the attributes merged
  // below, or a delete before the topic links go in, waits instead of being lost or failing the
  // batch. SQLite's one connection already runs one transaction at a time.
  if (!isSqlite(trx)) existingQuery.forUpdate();
  const existingRows: Array<Record<string, unknown>> = await whereInList(trx, existingQuery, col.emailHash, hashes);
  const existing = new Map<string, ExistingContact[]>();
  for (const row of existingRows) {
    const contact = {
      id: Number(row.id),
      emailHash: String(row.emailHash),
      source: (row.source as string | null) ?? null,
      attributes: parseJson(row.attributes),
    };
    existing.set(contact.emailHash, [...(existing.get(contact.emailHash) ?? []), contact]);
  }

  const suppressed = new Set(
    (
      await whereInList(trx, trx(tables.suppressions).select('email_hash'), 'email_hash', hashes)
        .where('scope', 'global')
        .where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', now))
    ).map((row: { email_hash: string }) => row.email_hash)
  );
  const count = (hash: string, bucket: 'created' | 'updated') => {
    if (suppressed.has(hash)) counts.suppressed += 1;
    else counts[bucket] += 1;
  };

  const toCreate: ImportedContact[] = [];
  const toUpdate: Array<{ contact: ExistingContact; row: ImportedContact }> = [];
  for (const [hash, row] of firsts) {
    const matches = existing.get(hash);
    if (!matches) toCreate.push(row);
    // Created by this import from an earlier row, or left alone as the import asks.
    else if (!context.updateExisting || matches.some((m) => m.source === context.source)) counts.duplicates += 1;
    else for (const contact of matches) toUpdate.push({ contact, row });
  }

  // An existing contact this import already updated (from an earlier row, maybe before a resume).
  const updatedBefore = new Set<number>();
  for (const ids of chunks(toUpdate.map((u) => u.contact.id))) {
    const rowsBefore: Array<{ contact_id: number }> = await trx(TABLES.importUpdates)
      .select('contact_id')
      .where('import_id', context.importId)
      .whereIn('contact_id', ids);
    for (const r of rowsBefore) updatedBefore.add(Number(r.contact_id));
  }
  const updates = toUpdate.filter(({ contact }) => !updatedBefore.has(contact.id));
  counts.duplicates += new Set(toUpdate.filter(({ contact }) => updatedBefore.has(contact.id)).map((u) => u.row.emailHash)).size;

  // Empty cells leave a field as it is (null: the update keeps the column); attributes are merged;
  // state and consent never change here.
  await updateRows(
    trx,
    tables.contacts,
    'id',
    [col.firstName, col.lastName, col.timezone, col.locale, col.attributes, col.updatedAt],
    updates.map(({ contact, row }) => [
      contact.id,
      row.firstName,
      row.lastName,
      row.timezone,
      row.locale,
      row.attributes === null ? null : JSON.stringify({ ...(contact.attributes ?? {}), ...row.attributes }),
      now,
    ])
  );
  if (updates.length) {
    await insertRows(
      trx,
      TABLES.importUpdates,
      ['import_id', 'contact_id'],
      updates.map(({ contact }) => [context.importId, contact.id])
    );
  }
  for (const hash of new Set(updates.map((u) => u.row.emailHash))) count(hash, 'updated');

  const createdIds = await createContacts(trx, tables, context, toCreate, now);
  for (const row of toCreate) count(row.emailHash, 'created');

  if (context.topicIds.length)
    await linkTopics(
      trx,
      tables,
      context.topicIds,
      positions,
      createdIds,
      updates.map((u) => u.contact.id)
    );
  return counts;
};

/** Inserts new contacts with every column the document service writes, and answers their ids. */
const createContacts = async (
  trx: Knex.Transaction,
  tables: ContactTables,
  context: WriteContext,
  rows: readonly ImportedContact[],
  now: Date
) => {
  if (rows.length === 0) return [];
  const { columns: col } = tables;
  const consent = JSON.stringify({ ip: null, text: context.consent.text, source: context.consent.source, at: now.toISOString() });
  const columns = [
    col.documentId,
    col.email,
    col.emailHash,
    col.firstName,
    col.lastName,
    col.attributes,
    col.timezone,
    col.locale,
    col.state,
    col.stateChangedAt,
    col.consent,
    col.source,
    col.createdAt,
    col.updatedAt,
    col.publishedAt,
  ];
  const values = rows.map((row) => [
    createDocumentId(),
    row.email,
    row.emailHash,
    row.firstName,
    row.lastName,
    row.attributes === null ? null : JSON.stringify(row.attributes),
    row.timezone,
    row.locale,
    'subscribed',
    now,
    consent,
    context.source,
    now,
    now,
    now,
  ]);
  const returned = await insertRows(trx, tables.contacts, columns, values, { returning: ['id'] });
  if (returned) return returned.map((r) => Number(r.id));
  // MySQL has no RETURNING: the new rows are the ones of these addresses this import created.
  const ids: number[] = [];
  for (const chunk of chunks(rows.map((r) => r.emailHash))) {
    const found: Array<{ id: number }> = await trx(tables.contacts)
      .select('id')
      .whereIn(col.emailHash, chunk)
      .where(col.source, context.source);
    ids.push(...found.map((r) => Number(r.id)));
  }
  return ids;
};

/** Links new contacts to every topic of the import, and updated ones to those they are not in yet. */
const linkTopics = async (
  trx: Knex.Transaction,
  tables: ContactTables,
  topicIds: readonly number[],
  positions: TopicPositions,
  createdIds: readonly number[],
  updatedIds: readonly number[]
) => {
  const { links } = tables;
  // For updated contacts: the links they have, and the last position of a topic in their own list.
  const linked = new Set<string>();
  const lastTopicPosition = new Map<number, number>();
  for (const chunk of chunks(updatedIds)) {
    const rows: Array<Record<string, number>> = await trx(links.table)
      .select({ contact: links.contact, topic: links.topic, ...(links.topicOrder ? { position: links.topicOrder } : {}) })
      .whereIn(links.contact, chunk);
    for (const row of rows) {
      linked.add(`${row.contact}:${row.topic}`);
      lastTopicPosition.set(Number(row.contact), Math.max(lastTopicPosition.get(Number(row.contact)) ?? 0, Number(row.position ?? 0)));
    }
  }

  const columns = [
    links.contact,
    links.topic,
    ...(links.topicOrder ? [links.topicOrder] : []),
    ...(links.contactOrder ? [links.contactOrder] : []),
  ];
  const inserts: number[][] = [];
  for (const contactId of [...createdIds, ...updatedIds]) {
    let position = lastTopicPosition.get(contactId) ?? 0;
    for (const topicId of topicIds) {
      if (linked.has(`${contactId}:${topicId}`)) continue;
      position += 1;
      inserts.push([contactId, topicId, ...(links.topicOrder ? [position] : []), ...(links.contactOrder ? [positions.take(topicId)] : [])]);
    }
  }
  await insertRows(trx, links.table, columns, inserts);
};
