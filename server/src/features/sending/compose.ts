import { renderMail, type TemplateContact } from '../../content/render';
import { buildMime } from '../../mail/mime';
import { messageIdOf, type SendingIdentity } from '../../mail/identity';
import { listHeaders } from '../../mail/list-headers';
import type { OutgoingMessage } from '../../mail/transport';
import { verpAddress } from '../../mail/verp';
import { replyAddressOf } from '../replies/reading/reply-address';
import type { TrackingUrls } from '../tracking/urls';
import type { PreparedCampaign } from './prepared-campaign';

export interface ComposeContext {
  secret: string;
  identity: SendingIdentity;
  urls: TrackingUrls;
}

export interface Recipient {
  deliveryId: number;
  email: string;
  contact: TemplateContact;
}

/**
 * Every URL of one recipient's message, signed for its delivery. A link with no recorded id (a
 * preview or a test send, which record nothing) keeps its own URL.
 */
export const recipientUrls = (ctx: ComposeContext, prepared: PreparedCampaign, deliveryId: number) => ({
  unsubscribe: ctx.urls.unsubscribe(deliveryId),
  preferences: ctx.urls.preferences(deliveryId),
  viewInBrowser: ctx.urls.view(deliveryId),
  open: ctx.urls.open(deliveryId),
  links: Object.fromEntries(
    prepared.content.links.map(({ key, url }) => {
      const linkId = prepared.linkIds[key];
      return [key, linkId === undefined ? url : ctx.urls.click(deliveryId, linkId)];
    })
  ),
});

export const messageIdFor = (ctx: ComposeContext, deliveryId: number) => messageIdOf(ctx.secret, ctx.identity.messageIdDomain, deliveryId);

/**
 * The campaign's own reply-to when it has one; else, with `sending.replyAddress`, the delivery's
 * signed reply address, which names the delivery when a reply comes back without its quoted
 * Message-ID.
 */
const replyToOf = (ctx: ComposeContext, campaignReplyTo: string | null, deliveryId: number) => {
  if (campaignReplyTo) return { email: campaignReplyTo };
  return ctx.identity.replyAddress ? { email: replyAddressOf(ctx.secret, ctx.identity.replyAddress, deliveryId) } : null;
};

export interface ComposeOptions {
  /** The transport takes UTF-8 bodies as they are (see Transport.supports8BitMime). */
  eightBit: boolean;
  subjectPrefix?: string;
  /** Instead of the delivery's own (a test send has no delivery). */
  messageId?: string;
}

/** One delivery's message: Liquid merged, links signed, bulk headers, VERP envelope sender. */
export const composeMessage = (
  ctx: ComposeContext,
  prepared: PreparedCampaign,
  recipient: Recipient,
  options: ComposeOptions
): OutgoingMessage => {
  const { row } = prepared;
  const urls = recipientUrls(ctx, prepared, recipient.deliveryId);
  const rendered = renderMail(
    prepared.content,
    { contact: recipient.contact, campaign: prepared.templateCampaign, urls, postalAddress: ctx.identity.postalAddress },
    options.eightBit
  );
  const messageId = options.messageId ?? messageIdFor(ctx, recipient.deliveryId);
  const toName = [recipient.contact.firstName, recipient.contact.lastName].filter(Boolean).join(' ');
  const { raw, dataSafe } = buildMime(
    {
      from: { name: row.fromName, email: row.fromEmail ?? '' },
      to: { name: toName || null, email: recipient.email },
      replyTo: replyToOf(ctx, row.replyTo, recipient.deliveryId),
      subject: `${options.subjectPrefix ?? ''}${rendered.subject}`,
      messageId,
      headers: listHeaders({
        unsubscribeUrl: urls.unsubscribe,
        unsubscribeMailto: ctx.identity.unsubscribeMailto,
        unsubscribeToken: ctx.urls.unsubscribeToken(recipient.deliveryId),
        campaignId: row.id,
        variant: prepared.variant,
        feedbackId: ctx.identity.feedbackId,
      }),
      text: rendered.text,
      html: rendered.html,
    },
    options.eightBit
  );
  return {
    envelope: { from: verpAddress(ctx.secret, ctx.identity.bounceAddress, recipient.deliveryId), to: recipient.email },
    raw,
    messageId,
    dataSafe,
  };
};
