import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { SUPPRESSION_COLUMNS, type SuppressionColumn } from '../../../contact-signals/tables';
import { columnsOf, joinTableOf } from '../../../db/columns';
import type { SuppressionTables } from './blocking';

/** Where suppressions live, read from Strapi's metadata: the bulk writer and the SQL checks land where the document service does. */
export interface SuppressionWriteTables extends SuppressionTables {
  columns: Record<SuppressionColumn, string>;
  /** Order columns Strapi may keep on the topic join table: a bulk write fills them as the document service would. */
  topicLinkOrderColumns: string[];
}

export const suppressionTables = (strapi: Core.Strapi): SuppressionWriteTables => {
  const join = joinTableOf(strapi, UID.suppression, 'topic');
  return {
    suppressions: strapi.db.metadata.get(UID.suppression).tableName,
    columns: columnsOf(strapi, UID.suppression, SUPPRESSION_COLUMNS),
    topicLinks: { table: join.table, suppressionColumn: join.column, topicColumn: join.inverseColumn },
    topicLinkOrderColumns: [join.order, join.inverseOrder].filter((c): c is string => c !== null),
  };
};
