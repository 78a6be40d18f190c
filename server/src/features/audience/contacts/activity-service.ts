import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContactActivityResponse } from '../../../../../shared/contracts/contacts';
import { TABLES, UID } from '../../../constants';
import { ofContact } from '../../../events/event-store';
import { contactActivityQuery } from './activity-query';
import { trackedClickLinkId } from './click-link';
import {
  replyToContactEvent,
  toContactDelivery,
  toContactEvent,
  type DeliveryRow,
  type EventRow,
  type ReplyEntryRow,
} from './activity-rows';
import { afterCursor, mergeTimeline } from './timeline-keyset';
import { dialectOf } from '../segments/json-path';
import { parseOrThrow } from '../../../validation/errors';

/**
 * What happened to one contact: its deliveries (one per campaign, page by page) and its timeline
 * (newest first, by keyset): its events and the replies it sent, read from the plugin's own tables
 * with the campaign's name and, for a tracked click, the link's URL joined: one query per table,
 * whatever the page holds, the two merged in order.
 */
const createContactActivityService = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaignTable = () => {
    const meta = strapi.db.metadata.get(UID.campaign);
    const columns = meta.attributes as unknown as Record<string, { columnName?: string }>;
    return {
      table: meta.tableName,
      documentId: columns.documentId?.columnName ?? 'document_id',
      name: columns.name?.columnName ?? 'name',
    };
  };

  const contactId = async (documentId: string): Promise<number> => {
    const row = await strapi.db.query(UID.contact).findOne({ where: { documentId }, select: ['id'] });
    if (!row) throw new errors.NotFoundError(`No contact with documentId "${documentId}"`);
    return row.id;
  };

  return {
    async list(documentId: string, query: unknown = {}): Promise<ContactActivityResponse> {
      const q = parseOrThrow(contactActivityQuery, query, 'query');
      const id = await contactId(documentId);
      const knex = strapi.db.connection;
      const campaign = campaignTable();
      const campaignColumns = [`c.${campaign.documentId} as campaign_document_id`, `c.${campaign.name} as campaign_name`];

      const deliveries = knex(`${TABLES.deliveries} as d`)
        .leftJoin(`${campaign.table} as c`, 'c.id', 'd.campaign_id')
        .where('d.contact_id', id)
        .select('d.id', 'd.variant', 'd.state', 'd.last_error', 'd.queued_at', 'd.sent_at', 'd.failed_at')
        .select('d.first_open_at', 'd.first_click_at', 'd.first_reply_at', ...campaignColumns)
        .orderByRaw('coalesce(d.sent_at, d.queued_at, 0) desc')
        .orderBy('d.id', 'desc')
        .limit(q.deliveriesPageSize)
        .offset((q.deliveriesPage - 1) * q.deliveriesPageSize);
      const total = knex(TABLES.deliveries).where('contact_id', id).count({ n: '*' }).first();

      const before = q.eventsBefore;
      const events = knex(`${TABLES.events} as e`)
        .leftJoin(`${campaign.table} as c`, 'c.id', 'e.campaign_id')
        .leftJoin(`${TABLES.links} as l`, (on) => {
          on.on('l.id', '=', trackedClickLinkId(knex, dialectOf(knex))).andOn('l.campaign_id', '=', 'e.campaign_id');
        })
        .modify(ofContact(knex, id, 'e.delivery_id'))
        // A person's reply shows as the reply itself (below), not also as the event it counted as.
        .whereNot((reply) =>
          reply
            .where('e.type', 'reply')
            .whereExists(
              knex(`${TABLES.replies} as rr`)
                .select(knex.raw('1'))
                .where('rr.contact_id', id)
                .where('rr.class', 'human')
                .whereRaw('rr.delivery_id = e.delivery_id')
            )
        )
        .modify(afterCursor(before, { time: 'e.occurred_at', id: 'e.id' }, false))
        .select('e.id', 'e.type', 'e.source', 'e.is_bot', 'e.data', 'e.occurred_at', 'l.url as link_url', ...campaignColumns)
        .orderByRaw('coalesce(e.occurred_at, 0) desc')
        .orderBy('e.id', 'desc')
        .limit(q.eventsLimit + 1);
      const replies = knex(`${TABLES.replies} as r`)
        .leftJoin(`${campaign.table} as c`, 'c.id', 'r.campaign_id')
        .leftJoin(`${TABLES.inboundNotices} as n`, 'n.id', 'r.notice_id')
        .where('r.contact_id', id)
        .modify(afterCursor(before, { time: 'r.received_at', id: 'r.id' }, true))
        .select('r.id', 'r.class', 'r.snippet', 'r.received_at', 'n.source', ...campaignColumns)
        .orderByRaw('coalesce(r.received_at, 0) desc')
        .orderBy('r.id', 'desc')
        .limit(q.eventsLimit + 1);

      const [deliveryRows, count, eventRows, replyRows] = (await Promise.all([deliveries, total, events, replies])) as [
        DeliveryRow[],
        { n: number | string } | undefined,
        EventRow[],
        ReplyEntryRow[],
      ];
      const timeline = mergeTimeline(
        [
          ...eventRows.map((row) => ({
            key: { at: Number(row.occurred_at ?? 0), id: Number(row.id), reply: false },
            entry: toContactEvent(row),
          })),
          ...replyRows.map((row) => ({
            key: { at: Number(row.received_at ?? 0), id: Number(row.id), reply: true },
            entry: replyToContactEvent(row),
          })),
        ],
        q.eventsLimit
      );
      const totalDeliveries = Number(count?.n ?? 0);
      return {
        data: { deliveries: deliveryRows.map(toContactDelivery), events: timeline.entries },
        meta: {
          deliveries: {
            page: q.deliveriesPage,
            pageSize: q.deliveriesPageSize,
            pageCount: Math.ceil(totalDeliveries / q.deliveriesPageSize),
            total: totalDeliveries,
          },
          events: { limit: q.eventsLimit, nextBefore: timeline.nextBefore },
        },
      };
    },
  };
};

export type ContactActivityService = ReturnType<typeof createContactActivityService>;
export default createContactActivityService;
