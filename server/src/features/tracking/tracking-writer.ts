import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Knex } from 'knex';
import { createBufferedWriter } from '../../events/buffered-writer';
import { MAX_BATCH, type EventRecorder } from '../../events/recorder';
import { clicksSince, eventsOfHits, type TrackedHit } from './hits';
import type { CachedLink, LinkCache } from './link-cache';
import { clickHistoryOf, deliveriesOf, linkCountsOf } from './lookups';

/** At most this long between an open, click or unsubscribe and its row (or this many at once). */
export const FLUSH_EVERY_MS = 200;

export interface TrackingWriterOptions {
  knex: Knex;
  recorder: Pick<EventRecorder, 'recordBatch'>;
  links: Pick<LinkCache, 'get'>;
  /** The site setting `tracking.storeClientDetails`, read once per flush. */
  storeClientDetails(): Promise<boolean>;
  log: { warn(message: string): void };
}

/**
 * The public endpoints' events, buffered per process and written in batches through the one
 * event write path (recorder.recordBatch: one transaction, a multi-row insert, the first times,
 * the events queue). The endpoints only add a hit and answer; each flush reads what the requests
 * did not: the batch's deliveries in one query (their first open and click times with them), and
 * for its clicks the recent clicks of deliveries clicked before and the link counts, from which the
 * verdicts come.
 */
export const createTrackingWriter = ({ knex, recorder, links, storeClientDetails, log }: TrackingWriterOptions) => {
  const write = async (hits: TrackedHit[]) => {
    const deliveries = await deliveriesOf(
      knex,
      hits.map((hit) => hit.deliveryId)
    );
    // A turn of the event loop between statements: on SQLite each runs on the event loop, and a
    // flush's reads and writes in one go would hold every waiting click and open that long.
    await nextTurn();
    const clicked = hits.flatMap((hit) => (hit.type === 'click' && deliveries.has(hit.deliveryId) ? [hit] : []));
    const clickedDeliveries = [...new Set(clicked.map((hit) => hit.deliveryId))].map((id) => deliveries.get(id)!);
    const history = await clickHistoryOf(knex, clickedDeliveries, clicksSince(clicked));
    await nextTurn();
    const linkOf = new Map<number, CachedLink | null>();
    for (const hit of clicked) if (!linkOf.has(hit.linkId)) linkOf.set(hit.linkId, await links.get(hit.linkId));
    const campaigns = [...new Set([...linkOf.values()].flatMap((link) => (link ? [link.campaignId] : [])))];
    const events = eventsOfHits(hits, {
      deliveries,
      ...history,
      links: linkOf,
      linkCounts: await linkCountsOf(knex, campaigns),
      storeClientDetails: await storeClientDetails(),
    });
    await nextTurn();
    await recorder.recordBatch(events);
  };
  return createBufferedWriter<TrackedHit>({ write, maxItems: MAX_BATCH, maxDelayMs: FLUSH_EVERY_MS, log });
};

export type TrackingWriter = ReturnType<typeof createTrackingWriter>;
