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
