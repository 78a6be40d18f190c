import { createBrevoAdapter } from './brevo';
import { createGenericAdapter } from './generic';
import { createMailgunAdapter } from './mailgun';
import { createPostmarkAdapter } from './postmark';
import type { WebhookAdapter, WebhookContent, WebhookContext, WebhookProviderName, WebhookRequest, WebhooksConfig } from './provider';
import { createSendgridAdapter } from './sendgrid';
import { createSesAdapter } from './ses';

/** An adapter with its options' type closed over: what the receiver holds one of per provider. */
export interface BoundAdapter {
  /** Whether the site configured this provider (for this route): when not, the route answers as if it did not exist. */
  configured(route: { pathToken?: string }): boolean;
  verify(request: WebhookRequest, context: WebhookContext): Promise<WebhookContent>;
}

const bind = <C>(adapter: WebhookAdapter<C>, webhooks: WebhooksConfig): BoundAdapter => ({
  configured: (route) => adapter.configOf(webhooks, route) !== undefined,
  verify(request, context) {
    const config = adapter.configOf(webhooks, request);
    if (config === undefined) throw new Error(`campaigns: webhooks.${adapter.name} is not configured for this route`);
    return adapter.verify(request, config, context);
  },
});

/** One adapter per provider, made once (the SNS certificate cache and SendGrid's parsed key live in them). */
export const createAdapters = (webhooks: WebhooksConfig): Record<WebhookProviderName, BoundAdapter> => ({
  ses: bind(createSesAdapter(), webhooks),
  sendgrid: bind(createSendgridAdapter(), webhooks),
  mailgun: bind(createMailgunAdapter(), webhooks),
  postmark: bind(createPostmarkAdapter(), webhooks),
  brevo: bind(createBrevoAdapter(), webhooks),
  generic: bind(createGenericAdapter(), webhooks),
});
