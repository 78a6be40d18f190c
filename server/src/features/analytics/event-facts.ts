import type { DeliveryEvent } from '../../events/delivery-event';
import type { EventFacts } from './metrics';

/** What the counts take of an event as it is recorded. */
export const factsOfEvent = (event: DeliveryEvent): EventFacts => ({
  type: event.type,
  isBot: 'isBot' in event ? event.isBot : false,
  at: event.at,
  ...(event.type === 'bounce' ? { kind: event.kind, reason: event.reason ?? null } : {}),
  ...(event.type === 'complaint' ? { reason: event.feedbackType ?? null } : {}),
  ...(event.type === 'click' ? { linkId: event.linkId } : {}),
  ...(event.type === 'open' ? { mailClient: event.mailClient ?? null, device: event.device ?? null } : {}),
});

/** A stored event row, as the rebuild reads it. */
export interface StoredEventRow {
  type: string;
  is_bot: unknown;
  occurred_at: unknown;
  data: unknown;
}

const parsed = (data: unknown): Record<string, unknown> => {
  if (data === null || data === undefined) return {};
  if (typeof data === 'object') return data as Record<string, unknown>;
  try {
    const value = JSON.parse(String(data));
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
};

/** What the counts take of a stored event: the same facts its recording gave (rowOf in delivery-event.ts wrote them). */
export const factsOfRow = (row: StoredEventRow): EventFacts => {
  const data = parsed(row.data);
  return {
    type: row.type,
    isBot: Boolean(Number(row.is_bot)),
    at: Number(row.occurred_at),
    ...(row.type === 'bounce'
      ? { kind: (data.kind as string | undefined) ?? null, reason: (data.reason as string | null | undefined) ?? null }
      : {}),
    ...(row.type === 'complaint' ? { reason: (data.feedbackType as string | undefined) ?? null } : {}),
    ...(row.type === 'click' ? { linkId: Number(data.linkId) || null } : {}),
    ...(row.type === 'open'
      ? { mailClient: (data.mailClient as string | undefined) ?? null, device: (data.device as string | undefined) ?? null }
      : {}),
  };
};
