import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CampaignPauseReason, CampaignState } from '../../../../shared/contracts/campaigns';
import type { InboundNoticeDetail, InboundRates, UndoInboundNotice } from '../../../../shared/contracts/inbound';
import { rootOf } from '../../composition/accessor';
import { signalTables } from '../../contact-signals/tables';
import { TABLES, UID } from '../../constants';
import { columnsOf } from '../../db/columns';
import { retryDeadlocks } from '../../db/deadlock';
import { parseOrThrow } from '../../validation/errors';
import { detailOf, summaryOf, type RawRow } from './notices-admin-rows';
import { filterNotices, joinedNotices, noticeListQuery, type JoinedNoticeRow, type NoticeJoins } from './notices-admin-query';
import { undoNotice } from './notices-admin-undo';
import { rateReport } from './rate-guard-report';

/** The admin who undid a notice, as the notice keeps it: their name and address. */
export interface UndoingAdmin {
  firstname?: string | null;
  lastname?: string | null;
  email: string;
}

const adminLabel = (admin: UndoingAdmin) => {
  const name = [admin.firstname, admin.lastname].filter(Boolean).join(' ');
  return name ? `${name} <${admin.email}>` : admin.email;
};

/**
 * The Bounces & complaints page's API: the inbound notices (each recipient of each notice the
 * pipeline applied, matched or not) with their raw message, undo of a wrong suppression, and the
 * rate guard's rates.
 */
const createInboundNoticesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);
  const knex = () => strapi.db.connection;

  const joins = (): NoticeJoins => {
    const campaigns = columnsOf(strapi, UID.campaign, ['documentId', 'name']);
    const contacts = columnsOf(strapi, UID.contact, ['documentId', 'email']);
    return {
      campaigns: { table: strapi.db.metadata.get(UID.campaign).tableName, ...campaigns },
      contacts: { table: strapi.db.metadata.get(UID.contact).tableName, ...contacts },
    };
  };

  const undo = undoNotice({
    transaction: (work) => retryDeadlocks(() => knex().transaction(work)),
    get tables() {
      return { ...signalTables(strapi), suppressionNote: columnsOf(strapi, UID.suppression, ['note']).note };
    },
    signal: (signal, trx) => root.signal(signal, trx),
  });

  const service = {
    async list(query: unknown = {}) {
      const q = parseOrThrow(noticeListQuery, query, 'query');
      const j = joins();
      const filtered = filterNotices(joinedNotices(knex(), j), q, j);
      const [rows, counted] = await Promise.all([
        filtered
          .clone()
          .orderBy('n.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize) as Promise<JoinedNoticeRow[]>,
        filtered.clone().clearSelect().count({ total: '*' }).first() as Promise<{ total: number | string } | undefined>,
      ]);
      const total = Number(counted?.total ?? 0);
      return {
        data: rows.map(summaryOf),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } },
      };
    },

    async findOne(id: number): Promise<InboundNoticeDetail> {
      const row: JoinedNoticeRow | undefined = await joinedNotices(knex(), joins()).where('n.id', id).first();
      if (!row) throw new errors.NotFoundError(`No inbound notice with id ${id}`);
      const raw: RawRow | undefined =
        row.raw_id === null
          ? undefined
          : await knex()(TABLES.inboundRaw).select('body', 'size', 'truncated').where({ id: row.raw_id }).first();
      return detailOf(row, raw ?? null);
    },

    /** Lifts the suppression a notice made and brings its contact back; a second undo is a 400. */
    async undo(id: number, admin: UndoingAdmin): Promise<UndoInboundNotice.Response['data']> {
      const by = adminLabel(admin);
      const outcome = await undo(id, by);
      strapi.log.info(
        `campaigns: inbound notice ${id} undone by ${by}: ${outcome.lifted} suppressions lifted, contact ${outcome.contactState ?? 'none'}`
      );
      return { notice: await service.findOne(id), ...outcome };
    },

    async rates(): Promise<InboundRates> {
      return rateReport(
        knex(),
        {
          byIds: async (ids) =>
            ids.length
              ? ((await strapi.db.query(UID.campaign).findMany({
                  where: { id: { $in: ids } },
                  select: ['id', 'documentId', 'name', 'state', 'pauseReason'],
                })) as Array<{
                  id: number;
                  documentId: string;
                  name: string;
                  state: CampaignState;
                  pauseReason: CampaignPauseReason | null;
                }>)
              : [],
        },
        root.config.inbound.rateGuard,
        Date.now()
      );
    },
  };
  return service;
};

export type InboundNoticesService = ReturnType<typeof createInboundNoticesService>;
export default createInboundNoticesService;
