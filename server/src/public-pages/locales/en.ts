/**
 * The English text of the public pages: the reference every other language must match key for key
 * (and placeholder for placeholder). `{name}` is a placeholder the page fills in; text only, no
 * markup (the page escapes it and puts the filled-in values in their own elements).
 */
export const en = {
  'layout.logoAlt': '{site} logo',
  'layout.siteHome': '{site}',

  'notFound.title': 'Not found',
  'notFound.body': 'This link is incomplete or no longer valid.',

  'unsubscribe.form.title': 'Unsubscribe',
  'unsubscribe.form.question': 'Stop sending campaigns to {email}?',
  'unsubscribe.form.button': 'Unsubscribe',
  'unsubscribe.done.title': 'Unsubscribed',
  'unsubscribe.done.heading': 'You are unsubscribed',
  'unsubscribe.done.body': '{email} will not receive our campaigns any more.',
  'unsubscribe.test.title': 'Test message',
  'unsubscribe.test.body': 'This link comes from a test or a preview: there is nothing to unsubscribe.',
  'unsubscribe.invalid.title': 'Link not recognised',
  'unsubscribe.invalid.body': 'This link is incomplete or not ours, so nothing was changed. Use the link in a recent message from us.',
} as const;

export type MessageKey = keyof typeof en;

/** One language's text: every key English has. */
export type Messages = Readonly<Record<MessageKey, string>>;
