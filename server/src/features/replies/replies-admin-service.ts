import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReplyCounts, ReplyDetail, ReplySummary } from '../../../../shared/contracts/replies';
import { TABLES, UID } from '../../constants';
import { columnsOf } from '../../db/columns';
import { fieldError, parseOrThrow } from '../../validation/errors';
import { filterReplies, joinedReplies, markHandledBody, replyListQuery, type JoinedReplyRow, type ReplyJoins } from './replies-admin-query';
import { adminLabel, countsOf, detailOf, summaryOf, type HandlingAdmin, type RawRow } from './replies-admin-rows';

/**
 * The replies inbox's API: the replies matched to our messages (the recorder writes them), listed
 * and filtered, one read with its texts and raw mail, marked handled or reopened; and a campaign's
 * replies by class for its report.
 */
const createRepliesAdminService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const joins = (): ReplyJoins => ({
    campaigns: { table: strapi.db.metadata.get(UID.campaign).tableName, ...columnsOf(strapi, UID.campaign, ['documentId', 'name']) },
    contacts: {
      table: strapi.db.metadata.get(UID.contact).tableName,
      ...columnsOf(strapi, UID.contact, ['documentId', 'email', 'firstName', 'lastName']),
    },
  });

  /** The row id of a campaign or contact; undefined when there is none with that documentId. */
  const rowIdOf = async (uid: string, documentId: string): Promise<number | undefined> => {
    const row = await strapi.db.query(uid as typeof UID.campaign).findOne({ where: { documentId }, select: ['id'] });
    return row ? Number(row.id) : undefined;
  };

  const joinedReply = (id: number, texts = false): Promise<JoinedReplyRow | undefined> =>
    joinedReplies(knex(), joins(), { texts }).where('r.id', id).first();

  const service = {
    async list(query: unknown = {}) {
      const q = parseOrThrow(replyListQuery, query, 'query');
      const [campaign, contact] = await Promise.all([
        q.campaign === undefined ? undefined : rowIdOf(UID.campaign, q.campaign),
        q.contact === undefined ? undefined : rowIdOf(UID.contact, q.contact),
      ]);
      if (q.campaign !== undefined && campaign === undefined) throw fieldError('query', 'campaign', `unknown campaign "${q.campaign}"`);
      if (q.contact !== undefined && contact === undefined) throw fieldError('query', 'contact', `unknown contact "${q.contact}"`);
      const filtered = filterReplies(joinedReplies(knex(), joins()), q, { campaign, contact });
      const [rows, counted] = await Promise.all([
        filtered
          .clone()
          .orderBy('r.received_at', 'desc')
          .orderBy('r.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<JoinedReplyRow[]>,
        filtered.clone().clearSelect().count({ total: '*' }).first() as Promise<{ total: number | string } | undefined>,
      ]);
      const total = Number(counted?.total ?? 0);
      return {
        data: rows.map(summaryOf),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } },
      };
    },

    async findOne(id: number): Promise<ReplyDetail> {
      const row = await joinedReply(id, true);
      if (!row) throw new errors.NotFoundError(`No reply with id ${id}`);
      const raw: RawRow | undefined =
        row.raw_id === null
          ? undefined
          : await knex()(TABLES.inboundRaw).select('body', 'size', 'truncated').where({ id: row.raw_id }).first();
      return detailOf(row, raw ?? null);
    },

    /**
     * Marks a reply handled by this admin, or reopens it. Marking is conditional on it being open,
     * so of two admins marking at once the first keeps the name; marking a handled reply again
     * changes nothing.
     */
    async markHandled(id: number, body: unknown, admin: HandlingAdmin): Promise<ReplySummary> {
      const { handled } = parseOrThrow(markHandledBody, body, 'body').data;
      const exists = await knex()(TABLES.replies).select('id').where({ id }).first();
      if (!exists) throw new errors.NotFoundError(`No reply with id ${id}`);
      if (handled) {
        await knex()(TABLES.replies)
          .where({ id })
          .whereNull('handled_at')
          .update({ handled_at: Date.now(), handled_by: adminLabel(admin) });
      } else {
        await knex()(TABLES.replies).where({ id }).update({ handled_at: null, handled_by: null });
      }
      return summaryOf((await joinedReply(id))!);
    },

    async campaignCounts(documentId: string): Promise<ReplyCounts> {
      const campaign = await rowIdOf(UID.campaign, documentId);
      if (campaign === undefined) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      const rows = await knex()(TABLES.replies).select('class').count({ n: '*' }).where('campaign_id', campaign).groupBy('class');
      return countsOf(rows as Array<{ class: string; n: number | string }>);
    },
  };
  return service;
};

export type RepliesAdminService = ReturnType<typeof createRepliesAdminService>;
export default createRepliesAdminService;
