import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentsOf, findOrThrow, findPage } from '../../../db/documents';
import { z } from 'zod';
import type { AudienceContact, RuleChoices, Segment as SharedSegment } from '../../../../../shared/contracts/segments';
import { TABLES, UID } from '../../../constants';
import { mailableContacts, type CompileContext, type SegmentTables } from './compile';
import { dialectOf } from './json-path';
import { checkRuleLimits, referencesIn, rulesInput, type RuleGroup } from './rules';
import { listQuery } from '../../../validation/list-query';
import { fieldError, parseOrThrow } from '../../../validation/errors';

const segmentShape = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).nullable(),
  rules: rulesInput,
});
const segmentCreateInput = segmentShape.partial().required({ name: true, rules: true });
const segmentUpdateInput = segmentShape.partial();
/** Ids a keyset page reads at first; later windows double. */
const PAGE_WINDOW = 20_000;

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

  const tables = (): SegmentTables => {
    const contact = strapi.db.metadata.get(UID.contact);
    const suppression = strapi.db.metadata.get(UID.suppression);
    const topics = contact.attributes.topics as unknown as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    return {
      contacts: contact.tableName,
      suppressions: suppression.tableName,
      deliveries: TABLES.deliveries,
      topicLinks: {
        table: topics.joinTable.name,
        contactColumn: topics.joinTable.joinColumn.name,
        topicColumn: topics.joinTable.inverseJoinColumn.name,
      },
    };
  };

  /** documentIds the rules name -> row ids; an unknown one is a 400 naming it. */
  const resolveIds = async (uid: typeof UID.topic | typeof UID.campaign, kind: string, wanted: string[]) => {
    if (wanted.length === 0) return new Map<string, number>();
    const found: Array<{ id: number; documentId: string }> = await strapi.db
      .query(uid)
      .findMany({ where: { documentId: { $in: wanted } }, select: ['id', 'documentId'] });
    const ids = new Map(found.map((row) => [row.documentId, row.id]));
    const missing = wanted.filter((documentId) => !ids.has(documentId));
    if (missing.length) throw invalid('rules', `unknown ${kind} ${missing.map((m) => `"${m}"`).join(', ')}`);
    return ids;
  };

  /** Checks what a schema cannot (limits, referenced topics and campaigns) and builds the compile context. */
  const compileContext = async (rules: RuleGroup): Promise<CompileContext> => {
    const limit = checkRuleLimits(rules);
    if (limit) throw invalid('rules', limit);
    const refs = referencesIn(rules);
    return {
      dialect: dialectOf(strapi.db.connection),
      tables: tables(),
      topicIds: await resolveIds(UID.topic, 'topic', refs.topics),
      campaignIds: await resolveIds(UID.campaign, 'campaign', refs.campaigns),
      now: new Date(),
    };
  };

  const parseRules = (rules: unknown) => parseOrThrow(z.strictObject({ rules: rulesInput }), { rules }, 'segment').rules;

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
      await compileContext(data.rules);
      await assertNameFree(data.name);
      return toSegment(await documents().create<Row>({ data }));
    },

    async update(documentId: string, input: unknown) {
      const data = parseOrThrow(segmentUpdateInput, input, 'segment');
      await findRow(documentId);
      if (data.rules) await compileContext(data.rules);
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
     * The one SQL query that selects the segment's mailable contacts (see compile.ts).
     * Wrapped in an object: a knex builder is thenable, and returning it bare from an async
     * function would run it.
     */
    async mailableQuery(rules: RuleGroup) {
      return { query: mailableContacts(strapi.db.connection, rules, await compileContext(rules)) };
    },

    /** How many contacts rules select now: for a saved segment, or for rules an editor is still building. */
    async countRules(rules: unknown): Promise<number> {
      const { query } = await service.mailableQuery(parseRules(rules));
      const result = await query.count({ n: '*' }).first();
      return Number(result?.n ?? 0);
    },

    async countMailable(documentId: string): Promise<number> {
      return service.countRules((await findRow(documentId)).rules);
    },

    /**
     * A keyset page of the contacts rules select, by ascending id: the way to walk a whole
     * audience without loading it (`after` is the last id of the previous page).
     *
     * It reads bounded id windows rather than one open-ended ORDER BY ... LIMIT: databases
     * misjudge how selective text and JSON filters are (PostgreSQL guessed 8 rows for 50,000 and
     * sorted the whole table), while a primary-key range is always read in order and stops early.
     * A window that comes back short doubles the next one.
     */
    async pageRules(rules: unknown, { after = 0, limit = 1000 }: { after?: number; limit?: number } = {}): Promise<AudienceContact[]> {
      if (!Number.isInteger(after) || after < 0) throw invalid('after', 'a contact id (a whole number, 0 for the first page)');
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw invalid('limit', 'a whole number from 1 to 5000');
      const { query } = await service.mailableQuery(parseRules(rules));
      const top = await strapi.db.connection(tables().contacts).max({ id: 'id' }).first();
      const lastId = Number(top?.id ?? 0);
      const page: AudienceContact[] = [];
      for (let from = after, window = PAGE_WINDOW; page.length < limit && from < lastId; from += window, window *= 2) {
        const rows: Array<{ id: number; document_id: string; email: string; first_name: string | null; last_name: string | null }> = await query
          .clone()
          .select('c.id', 'c.document_id', 'c.email', 'c.first_name', 'c.last_name')
          .where('c.id', '>', from)
          .where('c.id', '<=', from + window)
          .orderBy('c.id', 'asc')
          .limit(limit - page.length);
        page.push(...rows.map((r) => ({ id: r.id, documentId: r.document_id, email: r.email, firstName: r.first_name, lastName: r.last_name })));
      }
      return page;
    },

    /**
     * What the builder's topic and campaign pickers offer: every topic, the most recently updated
     * campaigns, and the campaigns a saved rule names even when they are older.
     */
    async ruleChoices(query: unknown = {}): Promise<RuleChoices> {
      const { include } = parseOrThrow(choicesQuery, query, 'query');
      const named = { documentId: { $in: include } };
      const [topics, recent, included] = await Promise.all([
        strapi.db.query(UID.topic).findMany({ select: ['documentId', 'name'], orderBy: { name: 'asc' }, limit: MAX_CHOICES }),
        strapi.db.query(UID.campaign).findMany({ select: ['documentId', 'name', 'state'], orderBy: { updatedAt: 'desc' }, limit: MAX_CHOICES }),
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
