import type { Core } from '@strapi/strapi';
import type { ContactBulkResult } from '../../../shared/contracts/contacts';
import { UID } from '../constants';
import { contactBulkInput, type ContactBulkInput } from '../contacts/bulk-input';
import { quoteList, unknownTopics } from '../contacts/topic-lookup';
import { documentsOf } from '../documents';
import { fieldError, parseOrThrow } from '../validation/errors';
import { getService } from './get-service';

interface Selected {
  documentId: string;
  state: string;
  topics: Array<{ documentId: string }>;
}

const invalid = (field: string, message: string) => fieldError('bulk action', field, message);

/**
 * Actions on many contacts at once (the contacts table's bulk bar). Each runs in one transaction:
 * an unknown id or topic, or any failed write, leaves every contact as it was.
 */
const createContactBulkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.contact);

  const select = async (documentIds: string[]): Promise<Selected[]> => {
    const rows: Selected[] = await strapi.db.query(UID.contact).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'state'],
      populate: { topics: { select: ['documentId'] } },
    });
    const found = new Set(rows.map((r) => r.documentId));
    const missing = documentIds.filter((id) => !found.has(id));
    if (missing.length) throw invalid('documentIds', `unknown contact ${quoteList(missing)}`);
    return rows;
  };

  /** Applies the action to the contacts it would change; returns how many that was. */
  const apply = async (input: ContactBulkInput, contacts: Selected[]): Promise<number> => {
    switch (input.action) {
      case 'delete':
        for (const c of contacts) await documents().delete({ documentId: c.documentId });
        return contacts.length;
      case 'unsubscribe': {
        // Only subscribed contacts move: a bounced or complained address keeps the stronger state.
        const subscribed = contacts.filter((c) => c.state === 'subscribed');
        for (const c of subscribed) await getService(strapi, 'contacts').setState(c.documentId, 'unsubscribed');
        return subscribed.length;
      }
      case 'addTopics':
      case 'removeTopics': {
        const adding = input.action === 'addTopics';
        let changed = 0;
        for (const c of contacts) {
          const member = new Set(c.topics.map((t) => t.documentId));
          const topics = input.topics.filter((t) => member.has(t) !== adding);
          if (!topics.length) continue;
          await documents().update({ documentId: c.documentId, data: { topics: adding ? { connect: topics } : { disconnect: topics } } });
          changed += 1;
        }
        return changed;
      }
    }
  };

  return {
    async run(input: unknown): Promise<ContactBulkResult> {
      const data = parseOrThrow(contactBulkInput, input, 'bulk action');
      return strapi.db.transaction(async () => {
        const contacts = await select(data.documentIds);
        if ('topics' in data) {
          const missing = await unknownTopics(strapi, data.topics);
          if (missing.length) throw invalid('topics', `unknown topic ${quoteList(missing)}`);
        }
        const changed = await apply(data, contacts);
        return { action: data.action, requested: contacts.length, changed, unchanged: contacts.length - changed };
      });
    },
  };
};

export type ContactBulkService = ReturnType<typeof createContactBulkService>;
export default createContactBulkService;
