import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';

/** The given topic documentIds that name no topic. */
export const unknownTopics = async (strapi: Core.Strapi, documentIds: readonly string[]): Promise<string[]> => {
  if (!documentIds.length) return [];
  const found: Array<{ documentId: string }> = await strapi.db
    .query(UID.topic)
    .findMany({ where: { documentId: { $in: [...documentIds] } }, select: ['documentId'] });
  const known = new Set(found.map((t) => t.documentId));
  return documentIds.filter((id) => !known.has(id));
};

/** `"a", "b"`: how error messages list the ids they refuse. */
export const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
