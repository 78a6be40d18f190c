import type { PluginConfig } from '../../../config/schema';
import type { InboundNotice } from '../notice';

/** The ESPs whose webhooks the plugin takes, each at /api/campaigns/inbound/webhooks/<name>. */
export const WEBHOOK_PROVIDERS = ['ses', 'sendgrid', 'mailgun', 'postmark', 'brevo', 'generic'] as const;
export type WebhookProviderName = (typeof WEBHOOK_PROVIDERS)[number];

export type WebhooksConfig = PluginConfig['inbound']['webhooks'];

/** One POST as it arrived: nothing of it has been parsed into state yet. */
export interface WebhookRequest {
  /** The body, byte for byte. */
  body: Buffer;
  /** Header values by lower-case name. */
  header(name: string): string | undefined;
  /** The secret path segment (Postmark's `/postmark/:token`), when the URL has one. */
  pathToken?: string;
}

/** What an adapter may use besides the request: the clock, the age limit, a replay memory shared by every instance, the network. */
export interface WebhookContext {
  now: number;
  maxAgeSeconds: number;
  /** Takes a one-time value (a Mailgun token) for `ttlSeconds`; false when it was already taken. */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** GETs a URL the adapter has already checked (an SNS certificate) with a time limit; the body as text. */
  fetchText(url: string): Promise<string>;
}

/** What a verified body holds: the notices for the pipeline, and anything the provider asks of us first. */
export interface WebhookContent {
  notices: InboundNotice[];
  /** An SNS subscription to confirm by GET (checked: https, an amazonaws host, an allowed topic). */
  subscribeUrl?: string;
  /** A one-time value claimed while verifying, released when applying fails so the provider's retry is not refused as a replay. */
  claimed?: string;
}

export interface WebhookAdapter<C> {
  name: WebhookProviderName;
  /** The provider's options, or undefined when the site has not configured it (or not for this route): the route then answers 404. */
  configOf(webhooks: WebhooksConfig, route: { pathToken?: string }): C | undefined;
  /** Whether the request comes from the provider: throws RequestRefused (401) otherwise, before anything is parsed into state. */
  verify(request: WebhookRequest, config: C, context: WebhookContext): Promise<WebhookContent>;
}
