import type { Core } from '@strapi/strapi';
import { rootOf } from '../../../composition/accessor';
import type { WebhookProviderName, WebhookRequest } from './provider';
import type { WebhookReceipt } from './receiver';

// JSON events are small (SNS caps a message at 256 KB, SendGrid posts batches under 1 MB): anything far larger is not a webhook.
export const WEBHOOK_MAX_BYTES = 4 * 1024 * 1024;

/** POST /api/campaigns/inbound/webhooks/<provider>: each ESP's events, verified against the raw body, into the pipeline. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Whether the site configured this provider (for this route); when not, the route answers as if it did not exist. */
  configured: (provider: WebhookProviderName, route: { pathToken?: string }) => rootOf(strapi).running.webhooks.configured(provider, route),

  /** Throws RequestRefused (not the provider's) or MalformedPayload (verified but unreadable); nothing is applied then. */
  receive: (provider: WebhookProviderName, request: WebhookRequest): Promise<WebhookReceipt> =>
    rootOf(strapi).running.webhooks.receive(provider, request),
});
