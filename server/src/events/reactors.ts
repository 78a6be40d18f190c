import type { Job } from 'bullmq';
import type { RecordedEvent } from './delivery-event';

/** Something a feature does with each recorded event (rollups, automation, webhooks come later). */
export type Reactor = (event: RecordedEvent) => unknown;

/** The events queue's processor: every reactor, in order; one that throws fails the job, which BullMQ retries. */
export const eventsProcessor = (reactors: readonly Reactor[]) => async (job: Job<RecordedEvent, void, 'event'>) => {
  for (const react of reactors) await react(job.data);
};

/** Extensions hear `campaigns.event.<type>` on Strapi's event hub, with ids only: the row is read from the database. */
export const eventHubReactor =
  (eventHub: { emit(name: string, payload: unknown): unknown }): Reactor =>
  (event) =>
    eventHub.emit(`campaigns.event.${event.type}`, event);
