import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentsOf, findOrThrow, findPage } from '../documents';
import { z } from 'zod';
import { UID } from '../constants';
import { mailableContacts, type SegmentTables } from '../segments/compile';
import { checkRuleLimits, ruleGroupSchema, topicIdsIn, type RuleGroup } from '../segments/rules';
import { listQuery } from '../validation/list-query';
import { fieldError, parseOrThrow } from '../validation/errors';

const segmentShape = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).nullable(),
  rules: ruleGroupSchema,
});
const segmentCreateInput = segmentShape.partial().required({ name: true, rules: true });
const segmentUpdateInput = segmentShape.partial();
const segmentListQuery = listQuery(['name:asc', 'name:desc', 'updatedAt:desc'] as const);

export interface Segment {
  documentId: string;
  name: string;
  description: string | null;
  rules: RuleGroup;
  createdAt: string;
  updatedAt: string;
}

type Row = Segment & { id: number };

const invalid = (field: string, message: string) => fieldError('segment', field, message);

const createSegmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.segment);

  const tables = (): SegmentTables => {
    const contact = strapi.db.metadata.get(UID.contact);
    const suppression = strapi.db.metadata.get(UID.suppression);
    const topics = contact.attributes.topics as unknown as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    return {
      contacts: contact.tableName,
      suppressions: suppression.tableName,
      topicLinks: {
        table: topics.joinTable.name,
        contactColumn: topics.joinTable.joinColumn.name,
        topicColumn: topics.joinTable.inverseJoinColumn.name,
      },
    };
  };

  /** Topic documentIds in the rules -> row ids; an unknown one is a 400 naming it. */
  const resolveTopics = async (rules: RuleGroup) => {
    const wanted = [...new Set(topicIdsIn(rules))];
    if (wanted.length === 0) return new Map<string, number>();
    const found = await strapi.db.query(UID.topic).findMany({ where: { documentId: { $in: wanted } }, select: ['id', 'documentId'] });
    const ids = new Map(found.map((t: { id: number; documentId: string }) => [t.documentId, t.id]));
    const missing = wanted.filter((documentId) => !ids.has(documentId));
    if (missing.length) throw invalid('rules', `unknown topic ${missing.map((m) => `"${m}"`).join(', ')}`);
    return ids;
  };

  const checkRules = async (rules: RuleGroup) => {
    const limit = checkRuleLimits(rules);
    if (limit) throw invalid('rules', limit);
    return resolveTopics(rules);
  };

  const assertNameFree = async (name: string, exceptDocumentId?: string) => {
    const clash = await documents().findFirst<Row>({ filters: { name, ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}) } });
    if (clash) throw invalid('name', `a segment named "${name}" already exists`);
  };

  const findRow = (documentId: string) => findOrThrow<Row>(documents(), 'segment', documentId);

  const toSegment = (row: Row): Segment => ({
    documentId: row.documentId,
    name: row.name,
    description: row.description ?? null,
    rules: row.rules,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const service = {
    async list(query: unknown = {}) {
      const q = parseOrThrow(segmentListQuery, query, 'query');
      const filters = q.search ? { name: { $containsi: q.search } } : {};
      return findPage(documents(), q, { filters }, toSegment);
    },

    async findOne(documentId: string) {
      return toSegment(await findRow(documentId));
    },

    async create(input: unknown) {
      const data = parseOrThrow(segmentCreateInput, input, 'segment');
      await checkRules(data.rules);
      await assertNameFree(data.name);
      return toSegment(await documents().create<Row>({ data }));
    },

    async update(documentId: string, input: unknown) {
      const data = parseOrThrow(segmentUpdateInput, input, 'segment');
      await findRow(documentId);
      if (data.rules) await checkRules(data.rules);
      if (data.name) await assertNameFree(data.name, documentId);
      return toSegment(await documents().update<Row>({ documentId, data }));
    },

    /** Refused while a campaign that is not finished still targets it. */
    async delete(documentId: string) {
      const row = await findRow(documentId);
      const inUse = await documentsOf(strapi, UID.campaign).count({
        filters: { segment: { documentId }, state: { $in: ['scheduled', 'sending', 'paused'] } },
      });
      if (inUse > 0) throw new errors.ValidationError(`Segment "${row.name}" is used by ${inUse} scheduled or sending campaign(s)`);
      await documents().delete({ documentId });
      return { documentId };
    },

    /**
     * The one SQL query that selects the segment's mailable contacts (see segments/compile).
     * Wrapped in an object: a knex builder is thenable, and returning it bare from an async
     * function would run it.
     */
    async mailableQuery(rules: RuleGroup) {
      const topicIds = await checkRules(rules);
      return { query: mailableContacts(strapi.db.connection, rules, { tables: tables(), topicIds, now: new Date() }) };
    },

    async countMailable(documentId: string): Promise<number> {
      const row = await findRow(documentId);
      const { query } = await service.mailableQuery(row.rules);
      const result = await query.count({ n: '*' }).first();
      return Number(result?.n ?? 0);
    },
  };
  return service;
};

export type SegmentsService = ReturnType<typeof createSegmentsService>;
export default createSegmentsService;
