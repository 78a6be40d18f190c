import type { InboundPipeline, NoticeOutcome } from '../notice';
import { createAdapters } from './adapters';
import type { WebhookProviderName, WebhookRequest, WebhooksConfig } from './provider';

export interface WebhookReceipt {
  /** Notices the body held (events the pipeline has no use for are not counted). */
  notices: number;
  /** What the pipeline did, one outcome per recipient; `repeat` where the event was already applied. */
  outcomes: NoticeOutcome[];
  /** An SNS subscription this request confirmed. */
  confirmed: boolean;
}

export interface WebhookReceiverDeps {
  webhooks: WebhooksConfig;
  pipeline: Pick<InboundPipeline, 'apply'>;
  /** SET NX with a time to live, shared by every instance (Redis). */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  release(key: string): Promise<void>;
  /** A GET that gives up after a time limit and follows no redirect. */
  fetchText(url: string): Promise<string>;
  now?: () => number;
}

/**
 * Every provider's webhooks, end to end: the adapter verifies the raw body and turns it into
 * notices, a subscription is confirmed if SNS asks, and the notices go through the one pipeline.
 * Built once by the composition root.
 */
export const createWebhookReceiver = (deps: WebhookReceiverDeps) => {
  const adapters = createAdapters(deps.webhooks);
  const now = deps.now ?? Date.now;
  return {
    configured: (provider: WebhookProviderName, route: { pathToken?: string }) => adapters[provider].configured(route),

    /** Throws RequestRefused (not the provider's) or MalformedPayload (verified but unreadable); nothing is applied then. */
    async receive(provider: WebhookProviderName, request: WebhookRequest): Promise<WebhookReceipt> {
      const content = await adapters[provider].verify(request, {
        now: now(),
        maxAgeSeconds: deps.webhooks.maxAgeSeconds,
        claimOnce: deps.claimOnce,
        fetchText: deps.fetchText,
      });
      if (content.subscribeUrl) await deps.fetchText(content.subscribeUrl);
      try {
        const outcomes = content.notices.length ? await deps.pipeline.apply(content.notices) : [];
        return { notices: content.notices.length, outcomes, confirmed: Boolean(content.subscribeUrl) };
      } catch (error) {
        // The provider will retry this request: its one-time token must not make the retry a "replay".
        if (content.claimed) await deps.release(content.claimed);
        throw error;
      }
    },
  };
};

export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;
