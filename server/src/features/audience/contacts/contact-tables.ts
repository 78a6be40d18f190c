import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';

/** The attributes of a contact the bulk writers (imports, bulk actions, the backfill) write, by the name the content type gives them. */
const WRITTEN = [
  'documentId',
  'email',
  'emailHash',
  'firstName',
  'lastName',
  'attributes',
  'timezone',
  'locale',
  'state',
  'stateChangedAt',
  'consent',
  'source',
  'sourceUid',
  'sourceId',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const;
export type ContactColumn = (typeof WRITTEN)[number];

export interface ContactTables {
  contacts: string;
  suppressions: string;
  /** Column of each attribute, as Strapi named it. */
  columns: Record<ContactColumn, string>;
  /** The contacts <-> topics join table of the manyToMany relation, with its two order columns. */
  links: { table: string; contact: string; topic: string; topicOrder: string | null; contactOrder: string | null };
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/**
 * Table and column names read from Strapi's metadata rather than spelled here, so bulk writes land
 * where the document service puts the same data.
 */
export const contactTables = (strapi: Core.Strapi): ContactTables => {
  const contact = strapi.db.metadata.get(UID.contact);
  const attributes = contact.attributes as unknown as Record<string, { columnName?: string; joinTable?: JoinTable }>;
  const columns = Object.fromEntries(
    WRITTEN.map((name) => {
      const column = attributes[name]?.columnName;
      if (!column) throw new Error(`campaigns: the contact content type has no column for "${name}"`);
      return [name, column];
    })
  ) as Record<ContactColumn, string>;
  const join = attributes.topics?.joinTable;
  if (!join) throw new Error('campaigns: the contact content type has no topics join table');
  return {
    contacts: contact.tableName,
    suppressions: strapi.db.metadata.get(UID.suppression).tableName,
    columns,
    links: {
      table: join.name,
      contact: join.joinColumn.name,
      topic: join.inverseJoinColumn.name,
      topicOrder: join.orderColumnName ?? null,
      contactOrder: join.inverseOrderColumnName ?? null,
    },
  };
};
