import type { EncodedBody } from '../mail/mime';
import type { CompiledContent } from './compile';
import { joinHtmlBytes, joinHtmlText } from './html-bytes';
import { renderRuns, renderTemplate } from './liquid';

/** A contact as templates read it: `{{ contact.firstName }}`, `{{ contact.attributes.plan }}`. */
export interface TemplateContact {
  email: string;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  timezone: string | null;
  attributes: Record<string, unknown>;
}

export interface TemplateCampaign {
  name: string;
  subject: string | null;
  fromName: string | null;
  fromEmail: string | null;
}

/** The per-recipient URLs: made by the caller from signed tokens. */
export interface RecipientUrls {
  unsubscribe: string;
  preferences: string;
  viewInBrowser: string;
  open: string;
  /** Link key (`l0`...) -> the signed click URL of that link for this recipient. */
  links: Record<string, string>;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** postalAddress: the site's option sending.postalAddress, or null when it has none. */
type RecipientData = { contact: TemplateContact; campaign: TemplateCampaign; urls: RecipientUrls; postalAddress: string | null };

const templateData = (recipient: RecipientData) => ({
  contact: recipient.contact,
  campaign: recipient.campaign,
  unsubscribe_url: recipient.urls.unsubscribe,
  preferences_url: recipient.urls.preferences,
  view_in_browser_url: recipient.urls.viewInBrowser,
  postal_address: recipient.postalAddress ?? '',
  _links: recipient.urls.links,
  _open_url: recipient.urls.open,
});

/** The subject loses line breaks: it becomes a header. */
const subjectOf = (content: CompiledContent, data: object) =>
  renderTemplate('subject', content.subject, data, 'text')
    .replace(/[\r\n]+\s*/g, ' ')
    .trim();

/** Renders one recipient's message as text (previews, the view-in-browser page). */
export const renderMessage = (content: CompiledContent, recipient: RecipientData): RenderedMessage => {
  const data = templateData(recipient);
  return {
    subject: subjectOf(content, data),
    html: joinHtmlText(content.html, renderRuns('content', content.html.runs, data, 'html')),
    text: renderTemplate('plainText', content.text, data, 'text'),
  };
};

export interface MailMessage {
  subject: string;
  /** Bytes when the HTML part can go 7bit or 8bit as rendered, else the text for the MIME builder to encode. */
  html: EncodedBody | string;
  text: string;
}

/** Renders one recipient's message for sending: the HTML part's fixed pieces are not re-encoded. */
export const renderMail = (content: CompiledContent, recipient: RecipientData, eightBit: boolean): MailMessage => {
  const data = templateData(recipient);
  const rendered = renderRuns('content', content.html.runs, data, 'html');
  return {
    subject: subjectOf(content, data),
    html: joinHtmlBytes(content.html, rendered, eightBit) ?? joinHtmlText(content.html, rendered),
    text: renderTemplate('plainText', content.text, data, 'text'),
  };
};
