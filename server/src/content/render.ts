import type { CompiledContent } from './compile';
import { renderTemplate } from './liquid';

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

/** Renders one recipient's message; the subject loses line breaks (it becomes a header). */
export const renderMessage = (
  content: CompiledContent,
  recipient: { contact: TemplateContact; campaign: TemplateCampaign; urls: RecipientUrls }
): RenderedMessage => {
  const data = {
    contact: recipient.contact,
    campaign: recipient.campaign,
    unsubscribe_url: recipient.urls.unsubscribe,
    preferences_url: recipient.urls.preferences,
    view_in_browser_url: recipient.urls.viewInBrowser,
    _links: recipient.urls.links,
    _open_url: recipient.urls.open,
  };
  return {
    subject: renderTemplate('subject', content.subject, data, 'text').replace(/[\r\n]+\s*/g, ' ').trim(),
    html: renderTemplate('content', content.html, data, 'html'),
    text: renderTemplate('plainText', content.text, data, 'text'),
  };
};
