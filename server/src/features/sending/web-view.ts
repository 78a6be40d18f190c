import { renderMessage, type TemplateContact } from '../../content/render';
import { BLANK_PIXEL_URI } from '../tracking/responses';
import { recipientUrls, type ComposeContext } from './compose';
import type { CampaignSource, ExperimentSource } from './engine-ports';
import type { CampaignCache } from './prepared-campaign';
import { prepareVariant } from './variants';

/**
 * A sent message as its recipient got it (merged for them, with their signed links), for the
 * "view in browser" page. The open pixel is a blank inline image: reading the page is not an open.
 */
export const createWebView = (deps: {
  campaigns: CampaignSource;
  cache: CampaignCache;
  experiments: Pick<ExperimentSource, 'forSend'>;
  composeContext: () => ComposeContext;
}) => ({
  /** Null when the campaign is gone; a TemplateError when the contact's data no longer renders. `variant`: the delivery's A/B variant. */
  async html(delivery: { id: number; campaignId: number; variant?: string }, contact: TemplateContact): Promise<string | null> {
    const row = await deps.campaigns.load(delivery.campaignId);
    if (!row) return null;
    const experiment = delivery.variant ? await deps.experiments.forSend(delivery.campaignId) : null;
    const prepared = await prepareVariant(deps.cache, row, delivery.variant ?? '', experiment);
    const ctx = deps.composeContext();
    const urls = { ...recipientUrls(ctx, prepared, delivery.id), open: BLANK_PIXEL_URI };
    return renderMessage(prepared.content, {
      contact,
      campaign: prepared.templateCampaign,
      urls,
      postalAddress: ctx.identity.postalAddress,
    }).html;
  },
});

export type WebView = ReturnType<typeof createWebView>;
