import type { QueuedDelivery } from './delivery-store';

/**
 * Deliveries due within one stretch of this length share their send jobs, which wait for the
 * stretch's last instant: a planned send goes out up to a minute late, never early, in a few
 * delayed jobs per minute rather than one per message.
 */
const DUE_STRETCH_MS = 60_000;

/**
 * The send jobs' batches for these deliveries at `now`: what is due goes now (delay 0), the rest
 * grouped by stretch, at most `batchSize` each, waiting for its latest instant. The same
 * deliveries always make the same batches, so the job ids built from them repeat too.
 */
export const dueBatches = (deliveries: readonly QueuedDelivery[], batchSize: number, now: number) => {
  const stretches = new Map<number, QueuedDelivery[]>();
  for (const delivery of deliveries) {
    const stretch = delivery.dueAt !== null && delivery.dueAt > now ? Math.floor(delivery.dueAt / DUE_STRETCH_MS) : -1;
    const group = stretches.get(stretch) ?? [];
    group.push(delivery);
    stretches.set(stretch, group);
  }
  const batches: Array<{ deliveryIds: number[]; delay: number }> = [];
  for (const group of stretches.values()) {
    for (let i = 0; i < group.length; i += batchSize) {
      const batch = group.slice(i, i + batchSize);
      const dueAt = Math.max(...batch.map((d) => d.dueAt ?? 0));
      batches.push({ deliveryIds: batch.map((d) => d.id), delay: Math.max(0, dueAt - now) });
    }
  }
  return batches;
};
