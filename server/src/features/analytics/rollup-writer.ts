import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { FIRST_COLUMN, type DeliveryEvent } from '../../events/delivery-event';
import type { FirstMarked } from '../../events/event-store';
import type { BatchCounters } from '../../events/batch-write';
import { factsOfEvent, factsOfRow } from './event-facts';
import { addDomainRollups } from './domain-store';
import { domainDeltasOf, domainOf } from './domains';
import { deltasOf, type CountedLinkFirst, type ReaderFacts } from './metrics';
import { addRollups } from './rollup-store';

/** What the counters need of each delivery: its variant and its recipient's domain. */
interface CountedDelivery {
  variant: string;
  domain: string;
}

/** Each delivery's variant and domain: the firsts brought theirs, the others are read in one statement per 500. */
const deliveriesOf = async (trx: Knex.Transaction, deliveryIds: readonly number[], known: Map<number, CountedDelivery>) => {
  const missing = [...new Set(deliveryIds)].filter((id) => !known.has(id));
  for (const part of chunks(missing)) {
    for (const row of await trx(TABLES.deliveries).select('id', 'variant', 'email').whereIn('id', part))
      known.set(Number(row.id), { variant: String(row.variant ?? ''), domain: domainOf(String(row.email ?? '')) });
  }
  return (id: number) => known.get(id) ?? { variant: '', domain: '' };
};

/** The client and device of each people's open of the batch, by delivery and time: what a first open was made by. */
const readersOf = (events: readonly DeliveryEvent[]) => {
  const readers = new Map<string, ReaderFacts>();
  for (const event of events) {
    if (event.type !== 'open' || event.isBot) continue;
    const key = `${event.delivery.id}:${event.at}`;
    if (!readers.has(key)) readers.set(key, { mailClient: event.mailClient, device: event.device });
  }
  return (first: FirstMarked) => readers.get(`${first.deliveryId}:${first.at}`);
};

/** A reader's click on a link of a delivery: `${deliveryId}:${linkId}`. */
const pairOf = (deliveryId: number, linkId: number) => `${deliveryId}:${linkId}`;

/**
 * The batch's readers' clicks that are their delivery's first on that link. The batch's own rows
 * are already stored: a pair is a first when every stored click of it is one of this batch's.
 * A delivery whose first people's click this batch set had no stored click of a reader before it
 * (each one sets that time in its own transaction), so its pairs are firsts without a read; the
 * others' stored clicks are read. (Two batches with the same pair committing at once on
 * PostgreSQL or MySQL would both count it; a rebuild counts it once.)
 */
const linkFirstsOf = async (
  trx: Knex.Transaction,
  events: readonly DeliveryEvent[],
  firsts: readonly FirstMarked[],
  deliveryOf: (id: number) => CountedDelivery
) => {
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
  const firstClickers = new Set(firsts.flatMap((first) => (first.column === FIRST_COLUMN.click ? [first.deliveryId] : [])));
  const stored = new Map<string, number>();
  const deliveryIds = [...new Set([...inBatch.values()].map(({ event }) => event.delivery.id))].filter((id) => !firstClickers.has(id));
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
    firstClickers.has(event.delivery.id) || (stored.get(pair) ?? 0) === count
      ? [{ campaignId: event.delivery.campaignId, variant: deliveryOf(event.delivery.id).variant, linkId: event.linkId, at: event.at }]
      : []
  );
};

/**
 * The counters' side of the one event write path: given the events a batch stored (never a
 * repeat) and the firsts it set, adds to the campaign's counters and its domains' in the batch's
 * transaction.
 */
export const createRollupWriter = (): BatchCounters => ({
  async count(trx: Knex.Transaction, events: readonly DeliveryEvent[], firsts: readonly FirstMarked[]) {
    if (!events.length && !firsts.length) return;
    const deliveryOf = await deliveriesOf(
      trx,
      events.map((event) => event.delivery.id),
      new Map(firsts.map((first) => [first.deliveryId, { variant: first.variant, domain: domainOf(first.email) }]))
    );
    const counted = events.map((event) => {
      const { variant, domain } = deliveryOf(event.delivery.id);
      return { campaignId: event.delivery.campaignId, variant, domain, facts: factsOfEvent(event) };
    });
    const readerOf = readersOf(events);
    const countedFirsts = firsts.map((first) => (first.column === 'first_open_at' ? { ...first, agent: readerOf(first) } : first));
    await addRollups(trx, deltasOf(counted, countedFirsts, await linkFirstsOf(trx, events, firsts, deliveryOf)));
    await addDomainRollups(
      trx,
      domainDeltasOf(
        counted,
        firsts.map((first) => ({ campaignId: first.campaignId, domain: domainOf(first.email), column: first.column }))
      )
    );
  },
});
