import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentsOf, findOrThrow, findPage } from '../../../db/documents';
import { z } from 'zod';
import type { RuleChoices, Segment as SharedSegment } from '../../../../../shared/contracts/segments';
import { rootOf } from '../../../composition/accessor';
import { UID } from '../../../constants';
import { rulesInput, type RuleGroup } from './rules';
import { listQuery } from '../../../validation/list-query';
import { fieldError, parseOrThrow } from '../../../validation/errors';

const segmentShape = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).nullable(),
  rules: rulesInput,
});
const segmentCreateInput = segmentShape.partial().required({ name: true, rules: true });
const segmentUpdateInput = segmentShape.partial();

const MAX_CHOICES = 500;
const choicesQuery = z.strictObject({
  include: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').filter((id) => /^[A-Za-z0-9]{1,64}$/.test(id)) : [])),
});

const segmentListQuery = listQuery(['name:asc', 'name:desc', 'updatedAt:desc'] as const);

/** As the admin API answers it (shared/contracts/segments), with the rules as the server validated them. */
export type Segment = Omit<SharedSegment, 'rules'> & { rules: RuleGroup };

type Row = Segment & { id: number };

const invalid = (field: string, message: string) => fieldError('segment', field, message);

const createSegmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => documentsOf(strapi, UID.segment);
  const { audience } = rootOf(strapi);

  const assertNameFree = async (name: string, exceptDocumentId?: string) => {
    const clash = await documents().findFirst<Row>({
      filters: { name, ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}) },
    });
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
      await audience.compileContext(data.rules);
      await assertNameFree(data.name);
      return toSegment(await documents().create<Row>({ data }));
    },

    async update(documentId: string, input: unknown) {
      const data = parseOrThrow(segmentUpdateInput, input, 'segment');
      await findRow(documentId);
      if (data.rules) await audience.compileContext(data.rules);
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

    mailableQuery: audience.mailableQuery,
    countRules: audience.countRules,
    countMailable: audience.countMailable,
    pageRules: audience.pageRules,

    /**
     * What the builder's topic and campaign pickers offer: every topic, the most recently updated
     * campaigns, and the campaigns a saved rule names even when they are older.
     */
    async ruleChoices(query: unknown = {}): Promise<RuleChoices> {
      const { include } = parseOrThrow(choicesQuery, query, 'query');
      const named = { documentId: { $in: include } };
      const [topics, recent, included] = await Promise.all([
        strapi.db.query(UID.topic).findMany({ select: ['documentId', 'name'], orderBy: { name: 'asc' }, limit: MAX_CHOICES }),
        strapi.db
          .query(UID.campaign)
          .findMany({ select: ['documentId', 'name', 'state'], orderBy: { updatedAt: 'desc' }, limit: MAX_CHOICES }),
        include.length ? strapi.db.query(UID.campaign).findMany({ select: ['documentId', 'name', 'state'], where: named }) : [],
      ]);
      const campaigns = new Map([...recent, ...included].map((c: RuleChoices['campaigns'][number]) => [c.documentId, c]));
      return { topics, campaigns: [...campaigns.values()] };
    },

    /** The first 50 contacts rules select, for the segment builder's preview. */
    async previewRules(rules: unknown) {
      return service.pageRules(rules, { limit: 50 });
    },
  };
  return service;
};

export type SegmentsService = ReturnType<typeof createSegmentsService>;
export default createSegmentsService;
