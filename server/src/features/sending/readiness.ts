import { errors } from '@strapi/utils';
import type { Sender } from '../../../../shared/contracts/sending';
import { compileContent } from '../../content/compile';
import type { FontSettings } from '../../../../shared/contracts/site-settings';
import { TemplateError } from '../../content/liquid';
import type { Expansion } from '../content-blocks/expand';
import { renderMessage, type TemplateContact } from '../../content/render';
import { fieldError } from '../../validation/errors';
import { BLANK_PIXEL_URI } from '../tracking/responses';
import { recipientUrls, type ComposeContext } from './compose';
import { templateFieldError } from './content-check';
import { templateCampaignOf, type CampaignRow, type PreparedCampaign } from './prepared-campaign';

/** Whom previews and the readiness check render for when no contact is chosen. */
export const SAMPLE_CONTACT: TemplateContact = {
  email: 'sample.contact@example.com',
  firstName: 'Alex',
  lastName: 'Sample',
  locale: 'en',
  timezone: 'UTC',
  attributes: {},
};

export interface ReadinessDeps {
  senders: readonly Sender[];
  /** Both needed to sign and point every message's links. */
  config: { signingSecret?: string | null; publicUrl?: string | null };
  fonts: () => Promise<FontSettings>;
  composeContext: () => ComposeContext;
  /** The content with its entries blocks resolved now (features/content-blocks); as it is when not given. */
  expandBlocks?: (content: string) => Promise<Expansion>;
}

/** A campaign row with the segment it sends to, as the readiness check reads it. */
export type ReadyRow = CampaignRow & { segment?: { documentId: string } | null };

/**
 * What a campaign must be before it goes out, whoever starts it (an editor's Send now, its
 * schedule's job), and the untracked rendering previews share with that check.
 */
const unexpanded = async (content: string): Promise<Expansion> => ({ content, fragments: {}, notes: [] });

export const createReadiness = ({ senders, config, fonts, composeContext, expandBlocks = unexpanded }: ReadinessDeps) => {
  const compileOrThrow = async (source: Parameters<typeof compileContent>[0]) => {
    try {
      return await compileContent(source, { fonts: await fonts(), publicUrl: config.publicUrl });
    } catch (error) {
      if (error instanceof TemplateError) throw templateFieldError(error);
      throw error;
    }
  };

  /**
   * The campaign's entries blocks resolved now: its content as it would go out this instant, each
   * block's MJML, and what was left out. A block that cannot be resolved is a 400 naming it.
   */
  const expand = async (row: CampaignRow): Promise<Expansion> => {
    try {
      return await expandBlocks(row.content ?? '');
    } catch (error) {
      if (error instanceof TemplateError) throw templateFieldError(error);
      throw error;
    }
  };

  /** Untracked links in previews and tests: nothing there should count as a click. Entries are read live. */
  const prepareUntracked = async (row: CampaignRow): Promise<PreparedCampaign> => {
    const content = await compileOrThrow(row.content ? { ...row, content: (await expand(row)).content } : row);
    return { row, variant: '', content, linkIds: {}, templateCampaign: templateCampaignOf(row) };
  };

  /**
   * The message as a preview shows it: no open and no click counted (an inline blank pixel, the
   * links as written). A template that fails for this contact (a limit, a filter) is a 400 naming the field.
   */
  const renderPreview = (prepared: PreparedCampaign, contact: TemplateContact) => {
    const ctx = composeContext();
    try {
      const urls = { ...recipientUrls(ctx, prepared, 0), open: BLANK_PIXEL_URI };
      return renderMessage(prepared.content, {
        contact,
        campaign: prepared.templateCampaign,
        urls,
        postalAddress: ctx.identity.postalAddress,
      });
    } catch (error) {
      if (error instanceof TemplateError) throw templateFieldError(error);
      throw error;
    }
  };

  /** Each gap is a 400 naming the field. */
  const assertReady = async (row: ReadyRow) => {
    if (!row.subject?.trim()) throw fieldError('campaign', 'subject', 'a campaign needs a subject before it is sent');
    if (!row.fromEmail) throw fieldError('campaign', 'fromEmail', 'a campaign needs a from address before it is sent');
    if (!row.segment) throw fieldError('campaign', 'segment', 'choose the segment to send to');
    if (senders.length && !senders.some((s) => s.email === row.fromEmail?.toLowerCase())) {
      throw fieldError(
        'campaign',
        'fromEmail',
        `"${row.fromEmail}" is not a configured sender (sending.senders): ${senders.map((s) => s.email).join(', ')}`
      );
    }
    const prepared = await prepareUntracked(row);
    if (!config.signingSecret || !config.publicUrl) {
      throw new errors.ValidationError(
        'Sending needs the plugin options signingSecret and publicUrl: links in every message are signed and point there'
      );
    }
    // Compiling is not enough: a loop over a huge range compiles and then fails every recipient's render.
    renderPreview(prepared, SAMPLE_CONTACT);
  };

  return { expand, prepareUntracked, renderPreview, assertReady };
};

export type Readiness = ReturnType<typeof createReadiness>;
