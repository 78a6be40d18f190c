import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ContactBulkResult } from '../../../../../shared/contracts/contacts';
import { UID } from '../../../constants';
import { retryDeadlocks } from '../../../db/deadlock';
import { contactBulkInput, type ContactBulkInput } from './bulk-input';
import { deleteContacts } from './contact-delete';
import { addTopicLinks, removeTopicLinks } from './topic-links';
import { quoteList } from './topic-lookup';
import { contactTables, type ContactTables } from './contact-tables';
import { rootOf } from '../../../composition/accessor';
import type { SiteEventPayloads } from '../../../site-events/catalogue';
import { fieldError, parseOrThrow } from '../../../validation/errors';

interface Selected {
  id: number;
}

const invalid = (field: string, message: string) => fieldError('bulk action', field, message);

/** `id`, the documentId and `columns` of these documents' rows; the documentIds that name none are listed in the error. */
const rowsOf = async (
  trx: Knex.Transaction,
  table: string,
  documentIdColumn: string,
  documentIds: readonly string[],
  error: { field: string; label: string; columns?: string[] }
) => {
  const rows: Array<Record<string, unknown>> = await trx(table)
    .select(['id', documentIdColumn, ...(error.columns ?? [])])
    .whereIn(documentIdColumn, documentIds as string[]);
  const found = new Set(rows.map((r) => String(r[documentIdColumn])));
  const missing = documentIds.filter((id) => !found.has(id));
  if (missing.length) throw invalid(error.field, `unknown ${error.label} ${quoteList(missing)}`);
  return rows;
};

/**
 * Actions on many contacts at once (the contacts table's bulk bar). Each runs in one transaction
 * of a few set-based statements that write what the document service would have written contact
 * by contact (timestamps, topic links with both order columns): an unknown id or topic, or any
 * failed write, leaves every contact as it was, and SQLite's write lock is held for milliseconds
 * rather than seconds.
 */
const createContactBulkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const select = async (trx: Knex.Transaction, tables: ContactTables, documentIds: string[]): Promise<Selected[]> => {
    const { columns: col } = tables;
    const rows = await rowsOf(trx, tables.contacts, col.documentId, documentIds, { field: 'documentIds', label: 'contact' });
    // In id order: the order the document service calls ran in, one contact after another.
    return rows.map((r) => ({ id: Number(r.id) })).sort((a, b) => a.id - b.id);
  };

  /** The topics' ids, and their slugs by id (what the events name them by). */
  const topicsOf = async (trx: Knex.Transaction, documentIds: string[]) => {
    const topics = strapi.db.metadata.get(UID.topic);
    const column = (name: string) => (topics.attributes as unknown as Record<string, { columnName: string }>)[name].columnName;
    const [documentIdColumn, slugColumn] = [column('documentId'), column('slug')];
    const rows = await rowsOf(trx, topics.tableName, documentIdColumn, documentIds, {
      field: 'topics',
      label: 'topic',
      columns: [slugColumn],
    });
    const idByDocument = new Map(rows.map((r) => [String(r[documentIdColumn]), Number(r.id)]));
    return {
      ids: documentIds.map((documentId) => idByDocument.get(documentId) as number),
      slugOf: new Map(rows.map((r) => [Number(r.id), String(r[slugColumn])])),
    };
  };

  /** One `campaigns.topics.change` per contact whose topics the action changed, told once the transaction committed. */
  const topicEvents = async (
    trx: Knex.Transaction,
    tables: ContactTables,
    action: 'addTopics' | 'removeTopics',
    changes: Map<number, number[]>,
    slugOf: Map<number, string>
  ): Promise<Array<SiteEventPayloads['campaigns.topics.change']>> => {
    if (!changes.size) return [];
    const { columns: col } = tables;
    const rows: Array<Record<string, unknown>> = await trx(tables.contacts)
      .select('id', col.documentId, col.email)
      .whereIn('id', [...changes.keys()]);
    return rows.map((row) => {
      const slugs = (changes.get(Number(row.id)) ?? []).map((id) => slugOf.get(id) as string);
      return {
        contactId: Number(row.id),
        contactDocumentId: String(row[col.documentId]),
        email: String(row[col.email]),
        origin: 'admin' as const,
        joined: action === 'addTopics' ? slugs : [],
        left: action === 'removeTopics' ? slugs : [],
      };
    });
  };

  const touch = (trx: Knex.Transaction, tables: ContactTables, ids: readonly number[]) =>
    ids.length
      ? trx(tables.contacts)
          .whereIn('id', ids as number[])
          .update({ [tables.columns.updatedAt]: new Date() })
      : undefined;

  type Applied = { changed: number; topicChanges: Array<SiteEventPayloads['campaigns.topics.change']> };

  /** Applies the action to the contacts it would change: how many that was, and the topic events to tell. */
  const apply = async (trx: Knex.Transaction, tables: ContactTables, input: ContactBulkInput, contacts: Selected[]): Promise<Applied> => {
    const ids = contacts.map((c) => c.id);
    switch (input.action) {
      case 'delete':
        await deleteContacts(strapi, trx, ids);
        return { changed: ids.length, topicChanges: [] };
      case 'unsubscribe':
        // The signal's conditional update moves only subscribed contacts: a bounced or complained
        // address keeps the stronger state, also one that a bounce changed after the select.
        return { changed: await rootOf(strapi).signal({ type: 'unsubscribe', contactIds: ids, origin: 'admin' }, trx), topicChanges: [] };
      case 'addTopics':
      case 'removeTopics': {
        const topics = await topicsOf(trx, input.topics);
        const changes = await (input.action === 'addTopics' ? addTopicLinks : removeTopicLinks)(trx, tables, ids, topics.ids);
        await touch(trx, tables, [...changes.keys()]);
        return { changed: changes.size, topicChanges: await topicEvents(trx, tables, input.action, changes, topics.slugOf) };
      }
    }
  };

  return {
    async run(input: unknown): Promise<ContactBulkResult> {
      const data = parseOrThrow(contactBulkInput, input, 'bulk action');
      const tables = contactTables(strapi);
      const { result, topicChanges } = await retryDeadlocks(() =>
        strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
          const contacts = await select(trx, tables, data.documentIds);
          const { changed, topicChanges } = await apply(trx, tables, data, contacts);
          return {
            result: { action: data.action, requested: contacts.length, changed, unchanged: contacts.length - changed },
            topicChanges,
          };
        })
      );
      for (const payload of topicChanges) rootOf(strapi).announce('campaigns.topics.change', payload);
      return result;
    },
  };
};

export type ContactBulkService = ReturnType<typeof createContactBulkService>;
export default createContactBulkService;
