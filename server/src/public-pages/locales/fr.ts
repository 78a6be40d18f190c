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

  'unsubscribe.undo.hint': 'Une erreur ? Vous pouvez annuler pendant quelques minutes.',
  'unsubscribe.undo.button': 'Annuler',
  'undo.done.title': 'Vous êtes de nouveau abonné',
  'undo.done.body': '{email} recevra de nouveau nos e-mails.',
  'undo.expired.title': 'Trop tard pour annuler',
  'undo.expired.body':
    "Les quelques minutes pour annuler ce désabonnement sont passées : rien n'a été modifié. Vous pouvez vous réabonner depuis vos préférences.",
  'undo.spent.title': 'Rien à annuler',
  'undo.spent.body': "Ce désabonnement a déjà été annulé ou remplacé par un autre plus récent : rien n'a été modifié.",
  'preferences.link': 'Gérer vos préférences e-mail',
  'preferences.title': 'Vos préférences e-mail',
  'preferences.intro': 'Choisissez ce que nous envoyons à {email}.',
  'preferences.topics': 'Thèmes',
  'preferences.noTopics': "Il n'y a aucun thème à choisir.",
  'preferences.save': 'Enregistrer mes choix',
  'preferences.saved': 'Vos choix sont enregistrés.',
  'preferences.everything': 'Tous les e-mails',
  'preferences.everythingHint': 'Pour ne plus recevoir aucun de nos e-mails :',
  'preferences.unsubscribeAll': 'Me désabonner de tout',
  'preferences.unsubscribedNotice': 'Vous êtes désabonné de tout.',
  'preferences.unsubscribed': 'Vous êtes désabonné : vous ne recevez aucun de nos e-mails.',
  'preferences.resubscribe': "M'abonner de nouveau",
  'preferences.resubscribedNotice': 'Vous êtes de nouveau abonné.',
  'preferences.notMailed': "Nous n'envoyons pas d'e-mails à cette adresse pour le moment.",
  'refused.title': "Rien n'a été modifié",
  'refused.malformed': 'Ce formulaire est illisible. Ouvrez la page depuis le lien de notre message et réessayez.',
  'refused.noToken':
    'Ce formulaire est arrivé sans son lien : il ne peut pas être appliqué. Ouvrez la page depuis le lien de notre message et réessayez.',
  'refused.otherToken': "Ce formulaire n'appartient pas à cette page. Ouvrez la page depuis le lien de notre message et réessayez.",
  'refused.topicNotOffered': "L'un des thèmes choisis ne peut pas l'être. Choisissez parmi les thèmes que la page affiche.",
  'refused.tooLarge': 'Ce formulaire est bien plus grand que les nôtres. Ouvrez la page depuis le lien de notre message et réessayez.',
  'refused.back': 'Retour à vos préférences',
};
