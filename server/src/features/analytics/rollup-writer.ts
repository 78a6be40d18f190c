import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import type { DeliveryEvent } from '../../events/delivery-event';
import type { FirstMarked } from '../../events/event-store';
import type { BatchCounters } from '../../events/batch-write';
import { factsOfEvent, factsOfRow } from './event-facts';
import { deltasOf, type CountedLinkFirst } from './metrics';
import { addRollups } from './rollup-store';

/** The variant of each delivery: the firsts brought theirs, the others are read in one statement per 500. */
const variantsOf = async (trx: Knex.Transaction, deliveryIds: readonly number[], known: Map<number, string>) => {
  const missing = [...new Set(deliveryIds)].filter((id) => !known.has(id));
  for (const part of chunks(missing)) {
    for (const row of await trx(TABLES.deliveries).select('id', 'variant').whereIn('id', part))
      known.set(Number(row.id), String(row.variant ?? ''));
  }
  return known;
};

/** A reader's click on a link of a delivery: `${deliveryId}:${linkId}`. */
const pairOf = (deliveryId: number, linkId: number) => `${deliveryId}:${linkId}`;

/**
 * The batch's readers' clicks that are their delivery's first on that link. The batch's own rows
 * are already stored: a pair is a first when every stored click of it is one of this batch's.
 * (Two batches with the same pair committing at once on PostgreSQL or MySQL would both count it;
 * a rebuild counts it once.)
 */
const linkFirstsOf = async (trx: Knex.Transaction, events: readonly DeliveryEvent[], variants: Map<number, string>) => {
  const inBatch = new Map<string, { event: Extract<DeliveryEvent, { type: 'click' }>; count: number }>();
  for (const event of events) {
    if (event.type !== 'click' || event.isBot) continue;
    const pair = pairOf(event.delivery.id, event.linkId);
    const seen = inBatch.get(pair);
    if (!seen) inBatch.set(pair, { event, count: 1 });
    else {
      seen.count += 1;
      if (event.at < seen.event.at) seen.event = event;
    }
  }
  if (!inBatch.size) return [];
  const stored = new Map<string, number>();
  const deliveryIds = [...new Set([...inBatch.values()].map(({ event }) => event.delivery.id))];
  for (const part of chunks(deliveryIds)) {
    const rows = await trx(TABLES.events)
      .select('delivery_id', 'data')
      .whereIn('delivery_id', part)
      .where({ type: 'click', is_bot: false });
    for (const row of rows as Array<{ delivery_id: unknown; data: unknown }>) {
      const linkId = factsOfRow({ type: 'click', is_bot: false, occurred_at: 0, data: row.data }).linkId;
      if (!linkId) continue;
      const pair = pairOf(Number(row.delivery_id), linkId);
      stored.set(pair, (stored.get(pair) ?? 0) + 1);
    }
  }
  return [...inBatch].flatMap(([pair, { event, count }]): CountedLinkFirst[] =>
    (stored.get(pair) ?? 0) === count
      ? [{ campaignId: event.delivery.campaignId, variant: variants.get(event.delivery.id) ?? '', linkId: event.linkId, at: event.at }]
      : []
  );
};

/**
 * The counters' side of the one event write path: given the events a batch stored (never a
 * repeat) and the firsts it set, adds to the campaign's counters in the batch's transaction.
 */
export const createRollupWriter = (): BatchCounters => ({
  async count(trx: Knex.Transaction, events: readonly DeliveryEvent[], firsts: readonly FirstMarked[]) {
    if (!events.length && !firsts.length) return;
    const variants = await variantsOf(
      trx,
      events.map((event) => event.delivery.id),
      new Map(firsts.map((first) => [first.deliveryId, first.variant]))
    );
    const counted = events.map((event) => ({
      campaignId: event.delivery.campaignId,
      variant: variants.get(event.delivery.id) ?? '',
      facts: factsOfEvent(event),
    }));
    await addRollups(trx, deltasOf(counted, firsts, await linkFirstsOf(trx, events, variants)));
  },
});
