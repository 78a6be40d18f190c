import type { Messages } from './en';

export const de: Messages = {
  'layout.logoAlt': 'Logo von {site}',
  'layout.siteHome': '{site}',

  'notFound.title': 'Nicht gefunden',
  'notFound.body': 'Dieser Link ist unvollständig oder nicht mehr gültig.',

  'unsubscribe.form.title': 'Abmelden',
  'unsubscribe.form.question': 'Keine E-Mails mehr an {email} senden?',
  'unsubscribe.form.button': 'Abmelden',
  'unsubscribe.done.title': 'Abgemeldet',
  'unsubscribe.done.heading': 'Sie sind abgemeldet',
  'unsubscribe.done.body': '{email} erhält keine E-Mails mehr von uns.',
  'unsubscribe.test.title': 'Testnachricht',
  'unsubscribe.test.body': 'Dieser Link stammt aus einem Test oder einer Vorschau: Es gibt nichts abzumelden.',
  'unsubscribe.invalid.title': 'Link nicht erkannt',
  'unsubscribe.invalid.body':
    'Dieser Link ist unvollständig oder stammt nicht von uns, daher wurde nichts geändert. Verwenden Sie den Link aus einer aktuellen Nachricht von uns.',
};
