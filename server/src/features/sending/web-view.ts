import { renderMessage, type TemplateContact } from '../../content/render';
import { BLANK_PIXEL_URI } from '../tracking/responses';
import { recipientUrls, type ComposeContext } from './compose';
import type { CampaignSource } from './engine-ports';
import type { CampaignCache } from './prepared-campaign';

/**
 * A sent message as its recipient got it (merged for them, with their signed links), for the
 * "view in browser" page. The open pixel is a blank inline image: reading the page is not an open.
 */
export const createWebView = (deps: { campaigns: CampaignSource; cache: CampaignCache; composeContext: () => ComposeContext }) => ({
  /** Null when the campaign is gone; a TemplateError when the contact's data no longer renders. */
  async html(delivery: { id: number; campaignId: number }, contact: TemplateContact): Promise<string | null> {
    const row = await deps.campaigns.load(delivery.campaignId);
    if (!row) return null;
    const prepared = await deps.cache.get(row);
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
