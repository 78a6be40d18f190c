import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { AudienceContact } from '../../../../../shared/contracts/segments';
import { TABLES, UID } from '../../../constants';
import { joinTableOf } from '../../../db/columns';
import { documentsOf, findOrThrow } from '../../../db/documents';
import { fieldError, parseOrThrow } from '../../../validation/errors';
import { mailableContacts, type CompileContext, type SegmentTables } from './compile';
import { suppressionTables } from '../suppressions/tables';
import { dialectOf } from './json-path';
import { checkRuleLimits, referencesIn, rulesInput, type RuleGroup } from './rules';

/** Ids a keyset page reads at first; later windows double. */
const PAGE_WINDOW = 20_000;

const invalid = (field: string, message: string) => fieldError('segment', field, message);

/**
 * The audience a set of rules selects: compiled to one SQL query over the contacts, counted, or
 * walked page by page. The segments admin, the campaign list, the contact export and the send
 * engine's dispatch all read audiences through this one object.
 */
export const createAudienceQueries = (strapi: Core.Strapi) => {
  const tables = (): SegmentTables => {
    const contact = strapi.db.metadata.get(UID.contact);
    const suppression = suppressionTables(strapi);
    const topics = joinTableOf(strapi, UID.contact, 'topics');
    return {
      contacts: contact.tableName,
      suppressions: suppression.suppressions,
      suppressionTopics: suppression.topicLinks,
      deliveries: TABLES.deliveries,
      events: TABLES.events,
      topicLinks: {
        table: topics.table,
        contactColumn: topics.column,
        topicColumn: topics.inverseColumn,
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
  const compileContext = async (rules: RuleGroup, campaignTopicId: number | null = null): Promise<CompileContext> => {
    const limit = checkRuleLimits(rules);
    if (limit) throw invalid('rules', limit);
    const refs = referencesIn(rules);
    return {
      dialect: dialectOf(strapi.db.connection),
      tables: tables(),
      topicIds: await resolveIds(UID.topic, 'topic', refs.topics),
      campaignIds: await resolveIds(UID.campaign, 'campaign', refs.campaigns),
      campaignTopicId,
      now: new Date(),
    };
  };

  const parseRules = (rules: unknown) => parseOrThrow(z.strictObject({ rules: rulesInput }), { rules }, 'segment').rules;

  const queries = {
    compileContext,

    /**
     * The one SQL query that selects the segment's mailable contacts (see segments/compile).
     * Wrapped in an object: a knex builder is thenable, and returning it bare from an async
     * function would run it.
     */
    async mailableQuery(rules: RuleGroup, campaignTopicId: number | null = null, { byId = false } = {}) {
      return { query: mailableContacts(strapi.db.connection, rules, await compileContext(rules, campaignTopicId), 'c', { byId }) };
    },

    /**
     * How many contacts rules select now: for a saved segment, or for rules an editor is still
     * building. `campaignTopicId`: the topic of the campaign the count is for, whose topic-scoped
     * suppressions leave the audience as they leave the send.
     */
    async countRules(rules: unknown, campaignTopicId: number | null = null): Promise<number> {
      const { query } = await queries.mailableQuery(parseRules(rules), campaignTopicId);
      const result = await query.count({ n: '*' }).first();
      return Number(result?.n ?? 0);
    },

    /** How many contacts rules select now in each time zone (null: none set): what a recipient-local plan is made from. */
    async zoneCounts(rules: unknown, campaignTopicId: number | null = null): Promise<Array<{ zone: string | null; count: number }>> {
      const { query } = await queries.mailableQuery(parseRules(rules), campaignTopicId);
      const rows: Array<{ zone: string | null; n: number | string }> = await query
        .select('c.timezone as zone')
        .count({ n: '*' })
        .groupBy('c.timezone');
      return rows.map((row) => ({ zone: row.zone ?? null, count: Number(row.n) }));
    },

    async countMailable(documentId: string, campaignTopicId: number | null = null): Promise<number> {
      return queries.countRules(await queries.rulesOf(documentId), campaignTopicId);
    },

    /**
     * A keyset page of the contacts rules select, by ascending id: the way to walk a whole
     * audience without loading it (`after` is the last id of the previous page).
     *
     * It reads bounded id windows rather than one open-ended ORDER BY ... LIMIT: databases
     * misjudge how selective text and JSON filters are (PostgreSQL guessed 8 rows for 50,000 and
     * sorted the whole table), while a primary-key range is always read in order and stops early.
     * A window that comes back short doubles the next one. `topicId`: the topic of the campaign
     * the page is for, whose topic-scoped suppressions leave the audience too.
     */
    async pageRules(
      rules: unknown,
      { after = 0, limit = 1000, topicId = null }: { after?: number; limit?: number; topicId?: number | null } = {}
    ): Promise<AudienceContact[]> {
      if (!Number.isInteger(after) || after < 0) throw invalid('after', 'a contact id (a whole number, 0 for the first page)');
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw invalid('limit', 'a whole number from 1 to 5000');
      const { query } = await queries.mailableQuery(parseRules(rules), topicId, { byId: true });
      const top = await strapi.db.connection(tables().contacts).max({ id: 'id' }).first();
      const lastId = Number(top?.id ?? 0);
      const page: AudienceContact[] = [];
      for (let from = after, window = PAGE_WINDOW; page.length < limit && from < lastId; from += window, window *= 2) {
        const rows: Array<{
          id: number;
          document_id: string;
          email: string;
          first_name: string | null;
          last_name: string | null;
          timezone: string | null;
        }> = await query
          .clone()
          .select('c.id', 'c.document_id', 'c.email', 'c.first_name', 'c.last_name', 'c.timezone')
          .where('c.id', '>', from)
          .where('c.id', '<=', from + window)
          .orderBy('c.id', 'asc')
          .limit(limit - page.length);
        page.push(
          ...rows.map((r) => ({
            id: r.id,
            documentId: r.document_id,
            email: r.email,
            firstName: r.first_name,
            lastName: r.last_name,
            timezone: r.timezone ?? null,
          }))
        );
      }
      return page;
    },

    /** The saved rules of a segment; a 404 when there is none with this documentId. */
    async rulesOf(documentId: string): Promise<RuleGroup> {
      return (await findOrThrow<{ rules: RuleGroup }>(documentsOf(strapi, UID.segment), 'segment', documentId)).rules;
    },
  };
  return queries;
};

export type AudienceQueries = ReturnType<typeof createAudienceQueries>;
