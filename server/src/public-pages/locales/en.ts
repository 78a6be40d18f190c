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

  'unsubscribe.undo.hint': 'Clicked by mistake? You can undo this for a few minutes.',
  'unsubscribe.undo.button': 'Undo',
  'undo.done.title': 'You are subscribed again',
  'undo.done.body': '{email} will receive our campaigns again.',
  'undo.expired.title': 'Too late to undo',
  'undo.expired.body':
    'The few minutes to undo this unsubscribe are over, so nothing was changed. You can subscribe again from your preferences.',
  'undo.spent.title': 'Nothing to undo',
  'undo.spent.body': 'This unsubscribe was already undone or replaced by a later one, so nothing was changed.',
  'preferences.link': 'Manage your email preferences',
  'preferences.title': 'Your email preferences',
  'preferences.intro': 'Choose what we send to {email}.',
  'preferences.topics': 'Topics',
  'preferences.noTopics': 'There are no topics to choose from.',
  'preferences.save': 'Save my choices',
  'preferences.saved': 'Your choices are saved.',
  'preferences.everything': 'All campaigns',
  'preferences.everythingHint': 'To receive none of our campaigns at all:',
  'preferences.unsubscribeAll': 'Unsubscribe from everything',
  'preferences.unsubscribedNotice': 'You are unsubscribed from everything.',
  'preferences.unsubscribed': 'You are unsubscribed: you receive none of our campaigns.',
  'preferences.resubscribe': 'Subscribe again',
  'preferences.resubscribedNotice': 'You are subscribed again.',
  'preferences.notMailed': 'We do not send campaigns to this address at the moment.',
  'refused.title': 'Nothing was changed',
  'refused.malformed': 'This form could not be read. Open the page from the link in our message and try again.',
  'refused.noToken': 'This form came without its link, so it cannot be applied. Open the page from the link in our message and try again.',
  'refused.otherToken': 'This form does not belong to this page. Open the page from the link in our message and try again.',
  'refused.topicNotOffered': 'One of the chosen topics is not one you can choose. Choose among the topics the page shows.',
  'refused.tooLarge': 'This form is far larger than ours. Open the page from the link in our message and try again.',
  'refused.back': 'Back to your preferences',
} as const;

export type MessageKey = keyof typeof en;

/** One language's text: every key English has. */
export type Messages = Readonly<Record<MessageKey, string>>;
