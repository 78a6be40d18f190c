import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import type { EventDelivery } from '../../events/delivery-event';

export interface TrackedDelivery extends EventDelivery {
  email: string;
  /** When the message left (while its batch is still being written, when it was claimed for sending). */
  sentAt: number | null;
  /** Its A/B variant ('' or absent: the campaign's own message). */
  variant?: string;
}

const D = TABLES.deliveries;
const L = TABLES.links;
const E = TABLES.events;

const epoch = (value: unknown) => (value == null ? null : Number(value));

const toDelivery = (row: Record<string, unknown>): TrackedDelivery => ({
  id: Number(row.id),
  campaignId: Number(row.campaign_id),
  contactId: Number(row.contact_id),
  email: String(row.email),
  sentAt: epoch(row.sent_at) ?? epoch(row.sending_at),
  variant: String(row.variant ?? ''),
});

const DELIVERY_COLUMNS = ['id', 'campaign_id', 'contact_id', 'email', 'sent_at', 'sending_at', 'variant'].map((c) => `d.${c}`);

export const deliveryOf = async (knex: Knex, deliveryId: number): Promise<TrackedDelivery | null> => {
  const row = await knex(`${D} as d`).select(DELIVERY_COLUMNS).where('d.id', deliveryId).first();
  return row ? toDelivery(row) : null;
};

/** The deliveries of these ids that exist, by id: one read for a flush of the tracking buffer. */
export const deliveriesOf = async (knex: Knex, ids: readonly number[]): Promise<Map<number, TrackedDelivery>> => {
  const found = new Map<number, TrackedDelivery>();
  const distinct = [...new Set(ids)];
  for (let at = 0; at < distinct.length; at += 500) {
    const rows = await knex(`${D} as d`)
      .select(DELIVERY_COLUMNS)
      .whereIn('d.id', distinct.slice(at, at + 500));
    for (const row of rows) found.set(Number(row.id), toDelivery(row));
  }
  return found;
};

/**
 * What a batch's click verdicts need from the stored events: each delivery's first open, and its
 * clicks since `since`. One read: under load each statement of a flush is a wait in the queue of
 * a busy database.
 */
export const clickHistoryOf = async (knex: Knex, deliveryIds: readonly number[], since: number) => {
  const firstOpens = new Map<number, number>();
  const clicks = new Map<number, Array<{ linkId: number; at: number }>>();
  if (!deliveryIds.length) return { firstOpens, clicks };
  const rows: Array<{ delivery_id: unknown; type: string; occurred_at: unknown; data: unknown }> = await knex(E)
    .select('delivery_id', 'type', 'occurred_at', 'data')
    .whereIn('delivery_id', deliveryIds)
    .where((q) => q.where('type', 'open').orWhere((click) => click.where('type', 'click').where('occurred_at', '>=', since)));
  for (const row of rows) {
    const deliveryId = Number(row.delivery_id);
    const at = Number(row.occurred_at);
    if (row.type === 'open') {
      if (!firstOpens.has(deliveryId) || firstOpens.get(deliveryId)! > at) firstOpens.set(deliveryId, at);
      continue;
    }
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    const list = clicks.get(deliveryId) ?? [];
    list.push({ linkId: Number((data as { linkId?: unknown } | null)?.linkId), at });
    clicks.set(deliveryId, list);
  }
  return { firstOpens, clicks };
};

/** How many links each of these campaigns has. */
export const linkCountsOf = async (knex: Knex, campaignIds: readonly number[]) => {
  const counts = new Map<number, number>();
  if (!campaignIds.length) return counts;
  const rows: Array<{ campaign_id: unknown; n: unknown }> = await knex(L)
    .select('campaign_id')
    .count({ n: '*' })
    .whereIn('campaign_id', campaignIds)
    .groupBy('campaign_id');
  for (const row of rows) counts.set(Number(row.campaign_id), Number(row.n));
  return counts;
};
