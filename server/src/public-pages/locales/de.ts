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

  'unsubscribe.undo.hint': 'Versehentlich geklickt? Sie können das einige Minuten lang rückgängig machen.',
  'unsubscribe.undo.button': 'Rückgängig machen',
  'undo.done.title': 'Sie sind wieder angemeldet',
  'undo.done.body': '{email} erhält wieder E-Mails von uns.',
  'undo.expired.title': 'Zu spät zum Rückgängigmachen',
  'undo.expired.body':
    'Die wenigen Minuten zum Rückgängigmachen dieser Abmeldung sind vorbei, daher wurde nichts geändert. Sie können sich in Ihren Einstellungen wieder anmelden.',
  'undo.spent.title': 'Nichts rückgängig zu machen',
  'undo.spent.body': 'Diese Abmeldung wurde bereits rückgängig gemacht oder durch eine spätere ersetzt, daher wurde nichts geändert.',
  'preferences.link': 'E-Mail-Einstellungen verwalten',
  'preferences.title': 'Ihre E-Mail-Einstellungen',
  'preferences.intro': 'Wählen Sie, was wir an {email} senden.',
  'preferences.topics': 'Themen',
  'preferences.noTopics': 'Es gibt keine Themen zur Auswahl.',
  'preferences.save': 'Auswahl speichern',
  'preferences.saved': 'Ihre Auswahl ist gespeichert.',
  'preferences.everything': 'Alle E-Mails',
  'preferences.everythingHint': 'Um keine unserer E-Mails mehr zu erhalten:',
  'preferences.unsubscribeAll': 'Von allem abmelden',
  'preferences.unsubscribedNotice': 'Sie sind von allem abgemeldet.',
  'preferences.unsubscribed': 'Sie sind abgemeldet: Sie erhalten keine unserer E-Mails.',
  'preferences.resubscribe': 'Wieder anmelden',
  'preferences.resubscribedNotice': 'Sie sind wieder angemeldet.',
  'preferences.notMailed': 'An diese Adresse senden wir derzeit keine E-Mails.',
  'refused.title': 'Es wurde nichts geändert',
  'refused.malformed':
    'Dieses Formular konnte nicht gelesen werden. Öffnen Sie die Seite über den Link in unserer Nachricht und versuchen Sie es erneut.',
  'refused.noToken':
    'Dieses Formular kam ohne seinen Link und kann nicht angewendet werden. Öffnen Sie die Seite über den Link in unserer Nachricht und versuchen Sie es erneut.',
  'refused.otherToken':
    'Dieses Formular gehört nicht zu dieser Seite. Öffnen Sie die Seite über den Link in unserer Nachricht und versuchen Sie es erneut.',
  'refused.topicNotOffered': 'Eines der gewählten Themen kann nicht gewählt werden. Wählen Sie unter den Themen, die die Seite zeigt.',
  'refused.tooLarge':
    'Dieses Formular ist weit größer als unsere. Öffnen Sie die Seite über den Link in unserer Nachricht und versuchen Sie es erneut.',
  'refused.back': 'Zurück zu Ihren Einstellungen',
};
