import type { Job } from 'bullmq';
import type { RecordedEvent } from './delivery-event';
import type { EventBatchJob } from './recorder';

/** Something a feature does with each recorded event (rollups, automation, webhooks come later). */
export type Reactor = (event: RecordedEvent) => unknown;

/**
 * The events queue's processor: every reactor, in order, for each event of the job's batch; one
 * that throws fails the job, which BullMQ retries with its batch (reactors are idempotent). A job of
 * one event (`event`, as versions before batching queued them) is still taken.
 */
export const eventsProcessor =
  (reactors: readonly Reactor[]) => async (job: Job<EventBatchJob, void, 'events'> | Job<RecordedEvent, void, 'event'>) => {
    const events = job.name === 'event' ? [job.data as RecordedEvent] : (job.data as EventBatchJob).events;
    for (const event of events) {
      for (const react of reactors) {
        // Awaited only when it is work in flight: most reactors pass most events by (the rate guard
        // every open and click), and a turn of the microtask queue per event of a 500-event job was
        // a share of the tracking endpoints' CPU.
        const reacting = react(event);
        if (typeof (reacting as PromiseLike<unknown> | undefined)?.then === 'function') await reacting;
      }
    }
  };

/** The hub's name of each event type, made once. */
const hubNames = new Map<string, string>();

/** Extensions hear `campaigns.event.<type>` on Strapi's event hub, with ids only: the row is read from the database. */
export const eventHubReactor =
  (eventHub: { emit(name: string, payload: unknown): unknown }): Reactor =>
  (event) => {
    let name = hubNames.get(event.type);
    if (name === undefined) hubNames.set(event.type, (name = `campaigns.event.${event.type}`));
    return eventHub.emit(name, event);
  };
