import { escapeHtml, translate, translateHtml, type MessageKey, type PageContent, type PageContext } from '../../public-pages';

/** What the unsubscribe page says. */
export type UnsubscribeView =
  /** A subscribed address: the button that POSTs the one-click body to `action`. */
  | { kind: 'form'; maskedEmail: string; action: string }
  /**
   * Unsubscribed now, or no longer mailed anyway (unsubscribed, bounced, complained, suppressed).
   * `undo`: while this delivery's own unsubscribe may still be taken back.
   */
  | { kind: 'done'; maskedEmail: string; preferencesUrl: string | null; undo: { action: string; token: string } | null }
  /** A link from a test send or a preview, which belongs to no delivery. */
  | { kind: 'test' }
  /** A token that is not ours or names no delivery. */
  | { kind: 'invalid' };

/** What answering the undo form says. */
export type UndoView =
  | { kind: 'undone'; maskedEmail: string; preferencesUrl: string | null }
  | { kind: 'expired'; preferencesUrl: string | null }
  /** Undone already, or replaced by a later unsubscribe: this token has nothing left to undo. */
  | { kind: 'spent'; preferencesUrl: string | null };

export interface TopicChoice {
  documentId: string;
  name: string;
  description: string | null;
  checked: boolean;
}

/** Whether campaigns reach the address at all: what the page's last form offers. */
export type MailStatus = 'subscribed' | 'unsubscribed' | 'not-mailed';

export interface PreferencesView {
  kind: 'page';
  maskedEmail: string;
  /** Where both forms post (the page's own signed URL), and its token, repeated in each form. */
  action: string;
  token: string;
  topics: TopicChoice[];
  status: MailStatus;
  /** What the POST just did. */
  notice: 'saved' | 'unsubscribed' | 'resubscribed' | null;
}

/** Why a form was refused: nothing was changed. `back`: the page to start again from, when the link is genuine. */
export type RefusalView = {
  kind: 'refused';
  reason: 'malformed' | 'no-token' | 'other-token' | 'topic-not-offered' | 'too-large' | 'not-a-form';
  back: string | null;
};

/** The messages of the page's language (public-pages/locales). */
export interface Say {
  /** As HTML; `values` fill its {placeholders} and are HTML already (escaped by the caller). */
  (key: MessageKey, values?: Record<string, string>): string;
  /** As plain text (a page title, which the layout escapes). */
  text(key: MessageKey): string;
}

export const sayer = (context: PageContext): Say =>
  Object.assign((key: MessageKey, values: Record<string, string> = {}) => translateHtml(context, key, values), {
    text: (key: MessageKey) => translate(context, key),
  });

/** `ann@example.com` -> `a***@example.com`: enough for its owner to recognise, little for anyone who sees the screen. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

const strong = (value: string) => `<strong>${escapeHtml(value)}</strong>`;
const hidden = (name: string, value: string) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
const link = (href: string, text: string) => `<p><a href="${escapeHtml(href)}">${text}</a></p>`;
const preferencesLink = (say: Say, href: string | null) => (href ? link(href, say('preferences.link')) : '');

const page = (title: string, body: string): PageContent => ({ title, body });
const message = (say: Say, heading: MessageKey, text: MessageKey, extra = '') =>
  page(say.text(heading), `<h1>${say(heading)}</h1>\n<p>${say(text)}</p>${extra ? `\n${extra}` : ''}`);

export const testPage = (say: Say) => message(say, 'unsubscribe.test.title', 'unsubscribe.test.body');
export const invalidPage = (say: Say) => message(say, 'unsubscribe.invalid.title', 'unsubscribe.invalid.body');

export const unsubscribePage = (say: Say, view: UnsubscribeView): PageContent => {
  switch (view.kind) {
    case 'form':
      return page(
        say.text('unsubscribe.form.title'),
        `<h1>${say('unsubscribe.form.title')}</h1>
<p>${say('unsubscribe.form.question', { email: strong(view.maskedEmail) })}</p>
<form method="post" action="${escapeHtml(view.action)}">
${hidden('List-Unsubscribe', 'One-Click')}
<button type="submit">${say('unsubscribe.form.button')}</button>
</form>`
      );
    case 'done': {
      const undo = view.undo
        ? `<form method="post" action="${escapeHtml(view.undo.action)}">
${hidden('token', view.undo.token)}
<p>${say('unsubscribe.undo.hint')}</p>
<button type="submit">${say('unsubscribe.undo.button')}</button>
</form>\n`
        : '';
      return page(
        say.text('unsubscribe.done.title'),
        `<h1>${say('unsubscribe.done.heading')}</h1>
<p>${say('unsubscribe.done.body', { email: strong(view.maskedEmail) })}</p>
${undo}${preferencesLink(say, view.preferencesUrl)}`
      );
    }
    case 'test':
      return testPage(say);
    case 'invalid':
      return invalidPage(say);
  }
};

export const undoPage = (say: Say, view: UndoView): PageContent => {
  const back = preferencesLink(say, view.preferencesUrl);
  switch (view.kind) {
    case 'undone':
      return page(
        say.text('undo.done.title'),
        `<h1>${say('undo.done.title')}</h1>\n<p>${say('undo.done.body', { email: strong(view.maskedEmail) })}</p>\n${back}`
      );
    case 'expired':
      return message(say, 'undo.expired.title', 'undo.expired.body', back);
    case 'spent':
      return message(say, 'undo.spent.title', 'undo.spent.body', back);
  }
};

const REFUSAL_TEXT: Record<RefusalView['reason'], MessageKey> = {
  malformed: 'refused.malformed',
  'no-token': 'refused.noToken',
  'other-token': 'refused.otherToken',
  'topic-not-offered': 'refused.topicNotOffered',
  'too-large': 'refused.tooLarge',
  'not-a-form': 'refused.malformed',
};

export const refusalPage = (say: Say, view: RefusalView): PageContent =>
  message(say, 'refused.title', REFUSAL_TEXT[view.reason], view.back ? link(view.back, say('refused.back')) : '');

const topicList = (say: Say, view: PreferencesView) => {
  if (!view.topics.length) return `<p>${say('preferences.noTopics')}</p>`;
  const items = view.topics.map((topic, index) => {
    const id = `topic-${index}`;
    const description = topic.description ? `<br><span id="${id}-about">${escapeHtml(topic.description)}</span>` : '';
    return `<li><input type="checkbox" id="${id}" name="topics" value="${escapeHtml(topic.documentId)}"${topic.checked ? ' checked' : ''}${
      topic.description ? ` aria-describedby="${id}-about"` : ''
    }> <label for="${id}">${escapeHtml(topic.name)}</label>${description}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
};

const NOTICE: Record<NonNullable<PreferencesView['notice']>, MessageKey> = {
  saved: 'preferences.saved',
  unsubscribed: 'preferences.unsubscribedNotice',
  resubscribed: 'preferences.resubscribedNotice',
};

const everything = (say: Say, view: PreferencesView) => {
  const form = (action: 'unsubscribe' | 'resubscribe', button: MessageKey) => `<form method="post" action="${escapeHtml(view.action)}">
${hidden('token', view.token)}
${hidden('action', action)}
<button type="submit">${say(button)}</button>
</form>`;
  switch (view.status) {
    case 'subscribed':
      return `<p>${say('preferences.everythingHint')}</p>\n${form('unsubscribe', 'preferences.unsubscribeAll')}`;
    case 'unsubscribed':
      return `<p>${say('preferences.unsubscribed')}</p>\n${form('resubscribe', 'preferences.resubscribe')}`;
    case 'not-mailed':
      return `<p>${say('preferences.notMailed')}</p>`;
  }
};

export const preferencesPage = (say: Say, view: PreferencesView): PageContent =>
  page(
    say.text('preferences.title'),
    `<h1>${say('preferences.title')}</h1>
${view.notice ? `<p role="status">${say(NOTICE[view.notice])}</p>\n` : ''}<p>${say('preferences.intro', { email: strong(view.maskedEmail) })}</p>
<form method="post" action="${escapeHtml(view.action)}">
${hidden('token', view.token)}
${hidden('action', 'save')}
<fieldset>
<legend>${say('preferences.topics')}</legend>
${topicList(say, view)}
</fieldset>
<button type="submit">${say('preferences.save')}</button>
</form>
<h2>${say('preferences.everything')}</h2>
${everything(say, view)}`
  );
