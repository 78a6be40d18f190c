import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { columnsOf } from '../../../db/columns';
import type { SuppressionTables } from './blocking';

const COLUMNS = [
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

export type SuppressionColumn = (typeof COLUMNS)[number];

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/** Where suppressions live, read from Strapi's metadata: the bulk writer and the SQL checks land where the document service does. */
export interface SuppressionWriteTables extends SuppressionTables {
  columns: Record<SuppressionColumn, string>;
  /** Order columns Strapi may keep on the topic join table: a bulk write fills them as the document service would. */
  topicLinkOrderColumns: string[];
}

export const suppressionTables = (strapi: Core.Strapi): SuppressionWriteTables => {
  const meta = strapi.db.metadata.get(UID.suppression);
  const join = (meta.attributes as unknown as Record<string, { joinTable?: JoinTable }>).topic?.joinTable;
  if (!join) throw new Error('campaigns: the suppression content type has no topic join table');
  return {
    suppressions: meta.tableName,
    columns: columnsOf(strapi, UID.suppression, COLUMNS),
    topicLinks: { table: join.name, suppressionColumn: join.joinColumn.name, topicColumn: join.inverseJoinColumn.name },
    topicLinkOrderColumns: [join.orderColumnName, join.inverseOrderColumnName].filter((c): c is string => Boolean(c)),
  };
};
