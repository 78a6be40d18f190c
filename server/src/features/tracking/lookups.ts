import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import type { EventDelivery } from '../../events/delivery-event';

export interface TrackedDelivery extends EventDelivery {
  email: string;
  /** When the message left (while its batch is still being written, when it was claimed for sending). */
  sentAt: number | null;
}

const D = TABLES.deliveries;
const L = TABLES.links;

const epoch = (value: unknown) => (value == null ? null : Number(value));

const toDelivery = (row: Record<string, unknown>): TrackedDelivery => ({
  id: Number(row.id),
  campaignId: Number(row.campaign_id),
  contactId: Number(row.contact_id),
  email: String(row.email),
  sentAt: epoch(row.sent_at) ?? epoch(row.sending_at),
});

const DELIVERY_COLUMNS = ['id', 'campaign_id', 'contact_id', 'email', 'sent_at', 'sending_at'].map((c) => `d.${c}`);

export const deliveryOf = async (knex: Knex, deliveryId: number): Promise<TrackedDelivery | null> => {
  const row = await knex(`${D} as d`).select(DELIVERY_COLUMNS).where('d.id', deliveryId).first();
  return row ? toDelivery(row) : null;
};

/** The link's URL and its delivery, only when the link is one of the delivery's campaign: one read by two primary keys. */
export const clickTarget = async (
  knex: Knex,
  deliveryId: number,
  linkId: number
): Promise<{ url: string; delivery: TrackedDelivery } | null> => {
  const row = await knex(`${L} as l`)
    .join(`${D} as d`, 'd.campaign_id', 'l.campaign_id')
    .select('l.url', ...DELIVERY_COLUMNS)
    .where('l.id', linkId)
    .where('d.id', deliveryId)
    .first();
  return row ? { url: String(row.url), delivery: toDelivery(row) } : null;
};

export const linkUrl = async (knex: Knex, linkId: number): Promise<string | null> => {
  const row = await knex(L).select('url').where({ id: linkId }).first();
  return row ? String(row.url) : null;
};
