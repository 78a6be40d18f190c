import type { Core } from '@strapi/strapi';

/** The columns Strapi gave these attributes of a content type (its table is Strapi's: the plugin's raw SQL names them this way). */
export const columnsOf = <K extends string>(strapi: Core.Strapi, uid: string, names: readonly K[]) => {
  const attributes = strapi.db.metadata.get(uid).attributes as unknown as Record<string, { columnName?: string }>;
  return Object.fromEntries(
    names.map((name) => {
      const column = attributes[name]?.columnName;
      if (!column) throw new Error(`campaigns: the content type ${uid} has no column for "${name}"`);
      return [name, column];
    })
  ) as Record<K, string>;
};

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/** The join table of a manyToMany relation, with the names Strapi gave it: a bulk write fills it as the document service would. */
export interface JoinTable {
  table: string;
  /** The column of this content type's id, and of the related one's. */
  column: string;
  inverseColumn: string;
  /** The order columns Strapi may keep, null when it keeps none. */
  order: string | null;
  inverseOrder: string | null;
}

export const joinTableOf = (strapi: Core.Strapi, uid: string, relation: string): JoinTable => {
  const attributes = strapi.db.metadata.get(uid).attributes as unknown as Record<string, { joinTable?: JoinTableMeta }>;
  const join = attributes[relation]?.joinTable;
  if (!join) throw new Error(`campaigns: the content type ${uid} has no join table for "${relation}"`);
  return {
    table: join.name,
    column: join.joinColumn.name,
    inverseColumn: join.inverseJoinColumn.name,
    order: join.orderColumnName ?? null,
    inverseOrder: join.inverseOrderColumnName ?? null,
  };
};
