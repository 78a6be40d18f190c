import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import type { DeliveryEvent } from '../../events/delivery-event';
import type { FirstMarked } from '../../events/event-store';
import type { BatchCounters } from '../../events/batch-write';
import { factsOfEvent } from './event-facts';
import { deltasOf } from './metrics';
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
    await addRollups(trx, deltasOf(counted, firsts));
  },
});
