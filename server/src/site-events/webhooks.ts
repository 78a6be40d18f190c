import { SITE_EVENTS } from './catalogue';

/** The part of Strapi's `webhookStore` that decides which events a webhook may subscribe to. */
export interface WebhookEvents {
  addAllowedEvent(key: string, value: string): void;
}

/**
 * Lets a Strapi webhook subscribe to every `campaigns.*` event: Strapi's webhook runner listens on
 * the event hub for the events of its stored webhooks and POSTs `{ event, createdAt, ...payload }`
 * with its own headers (`X-Strapi-Event` and the webhook's). Called in register, before Strapi
 * loads the stored webhooks, whose events it validates against this list on every save.
 */
export const registerWebhookEvents = (store: WebhookEvents) => {
  for (const [name, key] of Object.entries(SITE_EVENTS)) store.addAllowedEvent(key, name);
};
