import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { Topic, TopicListItem } from '../../../../../shared/contracts/topics';
import { documentsOf, findOrThrow, findPage } from '../../../db/documents';
import { UID } from '../../../constants';
import { memberCounts } from './member-counts';
import { listQuery } from '../../../validation/list-query';
import { fieldError, parseOrThrow } from '../../../validation/errors';

const topicShape = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).nullable(),
  isPublic: z.boolean(),
});
const topicCreateInput = topicShape.partial().required({ name: true });
const topicUpdateInput = topicShape.partial();
const topicListQuery = listQuery(['name:asc', 'name:desc', 'createdAt:desc'] as const);

type Row = Topic & { id: number };

const toTopic = (row: Row): Topic => ({
  documentId: row.documentId,
  name: row.name,
  slug: row.slug,
  description: row.description ?? null,
  isPublic: row.isPublic,
});

/** "Product news!" -> "product-news": the stable public key of a topic (preference pages, exports). */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100) || 'topic';

const createTopicsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.topic);

  const uniqueSlug = async (name: string) => {
    const base = slugify(name);
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await documents().findFirst({ filters: { slug }, fields: ['id'] }))) return slug;
    }
  };

  const assertNameFree = async (name: string, exceptDocumentId?: string) => {
    const clash = await documents().findFirst({
      filters: { name, ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}) },
    });
    if (clash) throw fieldError('topic', 'name', `a topic named "${name}" already exists`);
  };

  const findRow = (documentId: string) => findOrThrow<Row>(documents(), 'topic', documentId);

  return {
    /** A page of topics, each with its member counts. */
    async list(query: unknown = {}) {
      const q = parseOrThrow(topicListQuery, query, 'query');
      const filters = q.search ? { name: { $containsi: q.search } } : {};
      const page = await findPage(documents(), q, { filters }, (row: Row) => row);
      const countsOf = await memberCounts(
        strapi,
        page.data.map((row) => row.id)
      );
      return { ...page, data: page.data.map((row): TopicListItem => ({ ...toTopic(row), ...countsOf(row.id) })) };
    },

    async findOne(documentId: string) {
      return toTopic(await findRow(documentId));
    },

    async create(input: unknown) {
      const data = parseOrThrow(topicCreateInput, input, 'topic');
      await assertNameFree(data.name);
      return toTopic(await documents().create<Row>({ data: { isPublic: true, ...data, slug: await uniqueSlug(data.name) } }));
    },

    /** Renaming keeps the slug: it is what public pages and exports refer to. */
    async update(documentId: string, input: unknown) {
      const data = parseOrThrow(topicUpdateInput, input, 'topic');
      await findRow(documentId);
      if (data.name) await assertNameFree(data.name, documentId);
      return toTopic(await documents().update<Row>({ documentId, data }));
    },

    async delete(documentId: string) {
      await findRow(documentId);
      await documents().delete({ documentId });
      return { documentId };
    },
  };
};

export type TopicsService = ReturnType<typeof createTopicsService>;
export default createTopicsService;
