import type { DeliveryEvent } from '../../events/delivery-event';
import type { EventFacts } from './metrics';

/** What the counts take of an event as it is recorded (assigned, not spread: every tracked event passes here). */
export const factsOfEvent = (event: DeliveryEvent): EventFacts => {
  const facts: EventFacts = { type: event.type, isBot: 'isBot' in event ? event.isBot : false, at: event.at };
  if (event.type === 'bounce') {
    facts.kind = event.kind;
    facts.reason = event.reason ?? null;
  } else if (event.type === 'complaint') facts.reason = event.feedbackType ?? null;
  else if (event.type === 'click') facts.linkId = event.linkId;
  else if (event.type === 'open') {
    facts.mailClient = event.mailClient ?? null;
    facts.device = event.device ?? null;
  }
  return facts;
};

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
