import type { Knex } from 'knex';
import { TABLES } from '../../constants';

export type TrackingEventType = 'open' | 'click' | 'unsubscribe';

/** The delivery an event belongs to, as the tracking lookups read it. */
export interface EventDelivery {
  id: number;
  campaignId: number;
  contactId: number;
}

export interface TrackingEvent {
  /** Unique per event: a repeated request writes nothing (the unique index decides, on every database). */
  key: string;
  type: TrackingEventType;
  delivery: EventDelivery;
  isBot: boolean;
  data: Record<string, unknown> | null;
  at: number;
}

/** Every event the public endpoints record goes through here. */
export const writeEvent = (knex: Knex, event: TrackingEvent) =>
  knex(TABLES.events)
    .insert({
      idempotency_key: event.key,
      type: event.type,
      delivery_id: event.delivery.id,
      campaign_id: event.delivery.campaignId,
      contact_id: event.delivery.contactId,
      source: 'tracking',
      is_bot: event.isBot,
      data: event.data ? JSON.stringify(event.data) : null,
      occurred_at: event.at,
      created_at: event.at,
    })
    .onConflict(['idempotency_key'])
    .ignore();

/** Sets the delivery's first open or click time unless it has one: the first writer wins, later ones change nothing. */
export const markFirst = (knex: Knex, deliveryId: number, column: 'first_open_at' | 'first_click_at', at: number) =>
  knex(TABLES.deliveries).where({ id: deliveryId }).whereNull(column).update({ [column]: at });

/** The minute an event happened in: opens and clicks repeated within it are one event. */
export const minuteOf = (at: number) => Math.floor(at / 60_000);
