import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../constants';

interface RelationAttribute {
  type: string;
  relation?: string;
  owner?: boolean;
  /** i18n's `localizations`, added to every content type: the rows sharing a documentId, nothing stored. */
  unstable_virtual?: boolean;
  joinColumn?: { name: string };
  joinTable?: { name: string; joinColumn: { name: string } };
}

/**
 * Deletes contacts and the rows of their relations, as the document service's delete of each one
 * leaves them: every join table of the contact's relations loses the contacts' rows, and the
 * other side's lists keep their order values as they are (Strapi deletes the contact row first,
 * its foreign keys take the links with it, so its order clean-up finds nothing to close up, on
 * SQLite as on PostgreSQL and MySQL). Relations stored on the contact's own row (createdBy,
 * updatedBy) go with it, and i18n's virtual `localizations` stores nothing. A relation kind
 * Strapi deletes some other way (morph relations, a foreign key on the other table) fails the
 * delete, and with it the transaction, rather than leave rows behind.
 */
export const deleteContacts = async (strapi: Core.Strapi, trx: Knex.Transaction, contactIds: readonly number[]) => {
  const model = strapi.db.metadata.get(UID.contact);
  for (const [name, attribute] of Object.entries(model.attributes as unknown as Record<string, RelationAttribute>)) {
    if (attribute.type !== 'relation' || attribute.unstable_virtual || (attribute.joinColumn && attribute.owner)) continue;
    if (!attribute.joinTable || attribute.relation?.startsWith('morph')) {
      throw new Error(`campaigns: the ${attribute.relation} relation "${name}" of contacts has no bulk delete`);
    }
    await trx(attribute.joinTable.name)
      .whereIn(attribute.joinTable.joinColumn.name, contactIds as number[])
      .delete();
  }
  await trx(model.tableName)
    .whereIn('id', contactIds as number[])
    .delete();
};
