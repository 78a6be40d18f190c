import { batcher } from '../db/batcher';
import type { EventBatchStore } from './batch-write';
import type { DeliveryEvent, RecordedEvent } from './delivery-event';

/** One job of the `events` queue: the new events of one written batch, for the reactors. */
export interface EventBatchJob {
  events: RecordedEvent[];
}

/** The part of the `events` queue the recorder uses (a BullMQ Queue is one). */
export interface EventQueue {
  add(name: 'events', data: EventBatchJob, opts: typeof EVENT_JOB_OPTIONS & { jobId: string }): Promise<unknown>;
}

/**
 * A reactor that fails is retried with its whole batch (reactors are idempotent); a job is named
 * after its batch's first row and size, so a repeated hand-over adds nothing.
 */
const EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
} as const;

export interface EventRecorderOptions {
  /** Where each batch's transaction runs (batch-write.ts). */
  store: Pick<EventBatchStore, 'write'>;
  /** Read when a batch is handed over: the queues open after the recorder is made. */
  queue: () => EventQueue;
  log: { warn(message: string): void };
}

/** How long a lone event waits for others to share its transaction: well under a request's time. */
const LINGER_MS = 2;
/** Rows per transaction: one batch stays a short write however hard the endpoints are hit. */
export const MAX_BATCH = 500;

const recordedOf = (event: DeliveryEvent, id: number): RecordedEvent => ({
  id,
  type: event.type,
  deliveryId: event.delivery.id,
  campaignId: event.delivery.campaignId,
  contactId: event.delivery.contactId,
  at: event.at,
});

/**
 * The one write path of delivery events. Concurrent record() calls share one transaction: one
 * multi-row insert that skips keys already stored, and the first open, click or reply times of
 * their deliveries; on SQLite that is one fsync for a whole burst of opens instead of two per open.
 * Every event the batch inserted (never a repeat) then goes to the `events` queue as one job, for
 * the reactors (see reactors.ts). Each caller awaits its batch and
 * gets its event back, or null for a repeat; a failed write fails the batch's callers. A queue that
 * refuses is logged, not thrown: the event is recorded, only what reacts to it missed it.
 */
export const createEventRecorder = ({ store, queue, log }: EventRecorderOptions) => {
  /** Hands the batch's new events to the queue; a queue that refuses is logged, the events stay recorded. */
  const handOver = async (recorded: ReadonlyArray<RecordedEvent | null>) => {
    const events = recorded.filter((event): event is RecordedEvent => event !== null);
    if (!events.length) return;
    try {
      // One job per batch, not per event: a busy minute of opens is a few hundred jobs, not a
      // hundred thousand, and the Redis work of the queue stays far below the endpoints'.
      await queue().add('events', { events }, { ...EVENT_JOB_OPTIONS, jobId: `events-${events[0].id}-${events.length}` });
    } catch (error) {
      log.warn(`campaigns: ${events.length} recorded events were not queued for their reactors: ${(error as Error).message}`);
    }
  };

  /**
   * One transaction for the batch (the store's: the rows whose key is new, their first times, the
   * counters they move). Answers each event as recorded, or null for a repeat, and the hand-over
   * of the new ones to the queue, which the caller may await or not.
   */
  const writeBatch = async (events: readonly DeliveryEvent[]) => {
    const { ids } = await store.write(events, Date.now());
    const recorded = events.map((event, i) => (ids[i] === null ? null : recordedOf(event, ids[i] as number)));
    return { recorded, handedOver: handOver(recorded) };
  };

  // The hand-over is awaited by the batch's callers, not by the batcher: the next batch's
  // transaction runs while this one's addBulk goes to Redis.
  const write = batcher<DeliveryEvent, { event: RecordedEvent | null; handedOver: Promise<void> }>(
    async (events) => {
      const { recorded, handedOver } = await writeBatch(events);
      return recorded.map((event) => ({ event, handedOver }));
    },
    { maxItems: MAX_BATCH, lingerMs: LINGER_MS }
  );

  return {
    /** Records the event once (by its key); answers it once queued, or null when its key was already stored. */
    async record(event: DeliveryEvent): Promise<RecordedEvent | null> {
      const written = await write(event);
      await written.handedOver;
      return written.event;
    },

    /**
     * Records a batch someone else gathered (the tracking buffer) in one transaction of its own,
     * at most MAX_BATCH events, and answers once the new ones are queued: the same write and
     * hand-over as record().
     */
    async recordBatch(events: readonly DeliveryEvent[]): Promise<Array<RecordedEvent | null>> {
      if (events.length > MAX_BATCH) throw new Error(`campaigns: at most ${MAX_BATCH} events per batch, got ${events.length}`);
      if (!events.length) return [];
      const { recorded, handedOver } = await writeBatch(events);
      await handedOver;
      return recorded;
    },
  };
};

export type EventRecorder = ReturnType<typeof createEventRecorder>;
