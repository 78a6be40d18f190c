import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Knex } from 'knex';
import { firstColumnOf, rowOf, type DeliveryEvent } from './delivery-event';
import { insertEvents, markFirsts, type FirstMarked } from './event-store';

/**
 * What else a written batch moves in its own transaction: the analytics feature's counters
 * (features/analytics/rollup-writer.ts). Given the events the batch stored and the firsts it set.
 */
export interface BatchCounters {
  count(trx: Knex.Transaction, events: readonly DeliveryEvent[], firsts: readonly FirstMarked[]): Promise<void>;
}

/** What one batch's transaction stored: each event's new id, or null for a repeat, and the first times it set. */
export interface StoredBatch {
  ids: Array<number | null>;
  firsts: FirstMarked[];
}

/** Where the recorder's batches are written: this process's connection, or a thread's (write-thread.ts). */
export interface EventBatchStore {
  write(events: readonly DeliveryEvent[], now: number): Promise<StoredBatch>;
  close(): Promise<void>;
}

/**
 * One batch in one transaction: the rows whose key is new, then the first open, click or reply
 * times of their deliveries, then the counters they move. `pause` runs between the statements.
 */
export const writeEventBatch = (
  knex: Knex,
  counters: BatchCounters | undefined,
  events: readonly DeliveryEvent[],
  now: number,
  pause: () => Promise<unknown> = async () => {}
): Promise<StoredBatch> =>
  knex.transaction(async (trx) => {
    const ids = await insertEvents(
      trx,
      events.map((event) => rowOf(event, now))
    );
    await pause();
    const firsts = await markFirsts(
      trx,
      events.flatMap((event, i) => {
        const column = firstColumnOf(event);
        return ids[i] !== null && column ? [{ deliveryId: event.delivery.id, column, at: event.at }] : [];
      })
    );
    await pause();
    if (counters) {
      await counters.count(
        trx,
        events.filter((_, i) => ids[i] !== null),
        firsts
      );
      await pause();
    }
    return { ids, firsts };
  });

/**
 * Batches written on this process's own connection. On SQLite each statement runs on the event
 * loop: a turn between them lets waiting requests through.
 */
export const connectionBatchStore = (knex: Knex, counters?: BatchCounters): EventBatchStore => ({
  write: (events, now) => writeEventBatch(knex, counters, events, now, () => nextTurn()),
  close: async () => {},
});
