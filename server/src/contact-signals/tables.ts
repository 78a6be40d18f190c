import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { columnsOf } from '../db/columns';

const CONTACT_COLUMNS = ['documentId', 'email', 'state', 'stateChangedAt', 'updatedAt', 'consent'] as const;
/** The suppression attributes raw SQL writes (a signal here, the suppressions feature's bulk writer). */
export const SUPPRESSION_COLUMNS = [
  'documentId',
  'email',
  'emailHash',
  'reason',
  'scope',
  'sourceEvent',
  'note',
  'expiresAt',
  'createdAt',
  'updatedAt',
  'publishedAt',
] as const;

export type SuppressionColumn = (typeof SUPPRESSION_COLUMNS)[number];

/** Where a signal writes: the contacts' state columns and the suppressions' row, by the names Strapi gave them. */
export interface SignalTables {
  contacts: string;
  contactColumns: Record<(typeof CONTACT_COLUMNS)[number], string>;
  suppressions: string;
  suppressionColumns: Record<SuppressionColumn, string>;
}

export const signalTables = (strapi: Core.Strapi): SignalTables => ({
  contacts: strapi.db.metadata.get(UID.contact).tableName,
  contactColumns: columnsOf(strapi, UID.contact, CONTACT_COLUMNS),
  suppressions: strapi.db.metadata.get(UID.suppression).tableName,
  suppressionColumns: columnsOf(strapi, UID.suppression, SUPPRESSION_COLUMNS),
});
