import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { whereInList } from '../../db/bulk-insert';
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
const FIRST_TIME_COLUMNS = ['first_open_at', 'first_machine_open_at', 'first_click_at', 'first_machine_click_at'].map((c) => `d.${c}`);

/**
 * A delivery as a flush of the tracking buffer reads it, with what its first times say of its
 * stored events: every stored open or click set its kind's first time in the transaction that
 * stored it (events/batch-write.ts), so a delivery without a first click has no stored click.
 */
export interface FlushedDelivery extends TrackedDelivery {
  /** Its first stored open, a reader's or a machine's, or null. */
  firstOpenAt: number | null;
  /** Whether any click of it is stored. */
  clicked: boolean;
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

const toFlushedDelivery = (row: Record<string, unknown>): FlushedDelivery => {
  // One object per row, not a spread of toDelivery's: a flush reads up to 500 of them.
  const delivery = toDelivery(row) as FlushedDelivery;
  delivery.firstOpenAt = earliest(epoch(row.first_open_at), epoch(row.first_machine_open_at));
  delivery.clicked = row.first_click_at != null || row.first_machine_click_at != null;
  return delivery;
};

export const deliveryOf = async (knex: Knex, deliveryId: number): Promise<TrackedDelivery | null> => {
  const row = await knex(`${D} as d`).select(DELIVERY_COLUMNS).where('d.id', deliveryId).first();
  return row ? toDelivery(row) : null;
};

/** The deliveries of these ids that exist, by id: one read for a flush of the tracking buffer. */
export const deliveriesOf = async (knex: Knex, ids: readonly number[]): Promise<Map<number, FlushedDelivery>> => {
  const found = new Map<number, FlushedDelivery>();
  const distinct = [...new Set(ids)];
  for (let at = 0; at < distinct.length; at += 500) {
    const query = knex(`${D} as d`).select([...DELIVERY_COLUMNS, ...FIRST_TIME_COLUMNS]);
    const rows: Array<Record<string, unknown>> = await whereInList(knex, query, 'd.id', distinct.slice(at, at + 500));
    for (const row of rows) found.set(Number(row.id), toFlushedDelivery(row));
  }
  return found;
};

/**
 * What a batch's click verdicts need besides the batch: each clicked delivery's first open (its
 * row's), and its clicks since `since`, read only for the deliveries that have a stored click. In
 * a campaign's first minutes most clicks are their delivery's first, and the flush then reads no
 * event at all (an index probe per delivery was a third of the database's work per event).
 */
export const clickHistoryOf = async (knex: Knex, deliveries: readonly FlushedDelivery[], since: number) => {
  const firstOpens = new Map<number, number>();
  const clicks = new Map<number, Array<{ linkId: number; at: number }>>();
  for (const delivery of deliveries) if (delivery.firstOpenAt !== null) firstOpens.set(delivery.id, delivery.firstOpenAt);
  const clickedBefore = deliveries.filter((delivery) => delivery.clicked).map((delivery) => delivery.id);
  if (!clickedBefore.length) return { firstOpens, clicks };
  const query = knex(E).select('delivery_id', 'occurred_at', 'data').where('type', 'click').where('occurred_at', '>=', since);
  const rows: Array<{ delivery_id: unknown; occurred_at: unknown; data: unknown }> = await whereInList(
    knex,
    query,
    'delivery_id',
    clickedBefore
  );
  for (const row of rows) {
    const deliveryId = Number(row.delivery_id);
    const at = Number(row.occurred_at);
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
