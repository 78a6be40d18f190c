import type { Messages } from './en';

export const fr: Messages = {
  'layout.logoAlt': 'Logo de {site}',
  'layout.siteHome': '{site}',

  'notFound.title': 'Page introuvable',
  'notFound.body': "Ce lien est incomplet ou n'est plus valide.",

  'unsubscribe.form.title': 'Se désabonner',
  'unsubscribe.form.question': "Ne plus envoyer d'e-mails à {email} ?",
  'unsubscribe.form.button': 'Se désabonner',
  'unsubscribe.done.title': 'Désabonnement confirmé',
  'unsubscribe.done.heading': 'Vous êtes désabonné',
  'unsubscribe.done.body': '{email} ne recevra plus nos e-mails.',
  'unsubscribe.test.title': 'Message de test',
  'unsubscribe.test.body': "Ce lien vient d'un test ou d'un aperçu : il n'y a rien à désabonner.",
  'unsubscribe.invalid.title': 'Lien non reconnu',
  'unsubscribe.invalid.body':
    "Ce lien est incomplet ou ne vient pas de nous : rien n'a été modifié. Utilisez le lien d'un message récent de notre part.",
};
