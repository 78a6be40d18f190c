import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

const CONTACT_COLUMNS = ['state', 'stateChangedAt', 'updatedAt', 'consent'] as const;
const SUPPRESSION_COLUMNS = [
  'documentId',
  'email',
  'emailHash',
  'reason',
  'scope',
  'sourceEvent',
  'expiresAt',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const;

/** Where a signal writes: the contacts' state columns and the suppressions' row, by the names Strapi gave them. */
export interface SignalTables {
  contacts: string;
  contactColumns: Record<(typeof CONTACT_COLUMNS)[number], string>;
  suppressions: string;
  suppressionColumns: Record<(typeof SUPPRESSION_COLUMNS)[number], string>;
}

const columnsOf = <K extends string>(strapi: Core.Strapi, uid: string, names: readonly K[]) => {
  const attributes = strapi.db.metadata.get(uid).attributes as unknown as Record<string, { columnName?: string }>;
  return Object.fromEntries(
    names.map((name) => {
      const column = attributes[name]?.columnName;
      if (!column) throw new Error(`campaigns: the content type ${uid} has no column for "${name}"`);
      return [name, column];
    })
  ) as Record<K, string>;
};

export const signalTables = (strapi: Core.Strapi): SignalTables => ({
  contacts: strapi.db.metadata.get(UID.contact).tableName,
  contactColumns: columnsOf(strapi, UID.contact, CONTACT_COLUMNS),
  suppressions: strapi.db.metadata.get(UID.suppression).tableName,
  suppressionColumns: columnsOf(strapi, UID.suppression, SUPPRESSION_COLUMNS),
});
