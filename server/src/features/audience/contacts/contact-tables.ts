import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { columnsOf, joinTableOf } from '../../../db/columns';

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

/**
 * Table and column names read from Strapi's metadata rather than spelled here, so bulk writes land
 * where the document service puts the same data.
 */
export const contactTables = (strapi: Core.Strapi): ContactTables => {
  const join = joinTableOf(strapi, UID.contact, 'topics');
  return {
    contacts: strapi.db.metadata.get(UID.contact).tableName,
    suppressions: strapi.db.metadata.get(UID.suppression).tableName,
    columns: columnsOf(strapi, UID.contact, WRITTEN),
    links: { table: join.table, contact: join.column, topic: join.inverseColumn, topicOrder: join.order, contactOrder: join.inverseOrder },
  };
};
