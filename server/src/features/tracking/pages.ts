import { escapeHtml, translate, translateHtml, type PageContent, type PageContext } from '../../public-pages';

/** What the unsubscribe (and, for now, preferences) page says. `contactLocale`: the language the page speaks first. */
export type UnsubscribeView =
  /** A subscribed address: the button that POSTs the one-click body to `action`. */
  | { kind: 'form'; maskedEmail: string; action: string; contactLocale: string | null }
  /** Unsubscribed now, or no longer mailed anyway (unsubscribed, bounced, complained, suppressed). */
  | { kind: 'done'; maskedEmail: string; contactLocale: string | null }
  /** A link from a test send or a preview, which belongs to no delivery. */
  | { kind: 'test' }
  /** A token that is not ours or names no delivery. */
  | { kind: 'invalid' };

/** `ann@example.com` -> `a***@example.com`: enough for its owner to recognise, little for anyone who sees the screen. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

export const contactLocaleOf = (view: UnsubscribeView) => ('contactLocale' in view ? view.contactLocale : null);

const paragraph = (html: string) => `<p>${html}</p>`;

const strong = (text: string) => `<strong>${escapeHtml(text)}</strong>`;

export const unsubscribeContent = (context: PageContext, view: UnsubscribeView): PageContent => {
  const t = (key: Parameters<typeof translate>[1]) => translate(context, key);
  switch (view.kind) {
    case 'form':
      return {
        title: t('unsubscribe.form.title'),
        body: `<h1>${escapeHtml(t('unsubscribe.form.title'))}</h1>
${paragraph(translateHtml(context, 'unsubscribe.form.question', { email: strong(view.maskedEmail) }))}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(t('unsubscribe.form.button'))}</button>
</form>`,
      };
    case 'done':
      return {
        title: t('unsubscribe.done.title'),
        body: `<h1>${escapeHtml(t('unsubscribe.done.heading'))}</h1>
${paragraph(translateHtml(context, 'unsubscribe.done.body', { email: strong(view.maskedEmail) }))}`,
      };
    case 'test':
      return {
        title: t('unsubscribe.test.title'),
        body: `<h1>${escapeHtml(t('unsubscribe.test.title'))}</h1>\n${paragraph(escapeHtml(t('unsubscribe.test.body')))}`,
      };
    case 'invalid':
      return {
        title: t('unsubscribe.invalid.title'),
        body: `<h1>${escapeHtml(t('unsubscribe.invalid.title'))}</h1>\n${paragraph(escapeHtml(t('unsubscribe.invalid.body')))}`,
      };
  }
};

export const notFoundContent = (context: PageContext): PageContent => ({
  title: translate(context, 'notFound.title'),
  body: `<h1>${escapeHtml(translate(context, 'notFound.title'))}</h1>\n${paragraph(escapeHtml(translate(context, 'notFound.body')))}`,
});
