import type { Messages } from './en';

export const es: Messages = {
  'layout.logoAlt': 'Logotipo de {site}',
  'layout.siteHome': '{site}',

  'notFound.title': 'No encontrado',
  'notFound.body': 'Este enlace está incompleto o ya no es válido.',

  'unsubscribe.form.title': 'Darse de baja',
  'unsubscribe.form.question': '¿Dejar de enviar correos a {email}?',
  'unsubscribe.form.button': 'Darse de baja',
  'unsubscribe.done.title': 'Baja confirmada',
  'unsubscribe.done.heading': 'Se ha dado de baja',
  'unsubscribe.done.body': '{email} ya no recibirá nuestros correos.',
  'unsubscribe.test.title': 'Mensaje de prueba',
  'unsubscribe.test.body': 'Este enlace procede de una prueba o una vista previa: no hay nada de lo que darse de baja.',
  'unsubscribe.invalid.title': 'Enlace no reconocido',
  'unsubscribe.invalid.body':
    'Este enlace está incompleto o no es nuestro, así que no se ha cambiado nada. Use el enlace de un mensaje reciente nuestro.',

  'unsubscribe.undo.hint': '¿Ha sido un error? Puede deshacerlo durante unos minutos.',
  'unsubscribe.undo.button': 'Deshacer',
  'undo.done.title': 'Vuelve a estar suscrito',
  'undo.done.body': '{email} volverá a recibir nuestros correos.',
  'undo.expired.title': 'Demasiado tarde para deshacer',
  'undo.expired.body':
    'Los pocos minutos para deshacer esta baja han pasado, así que no se ha cambiado nada. Puede volver a suscribirse desde sus preferencias.',
  'undo.spent.title': 'Nada que deshacer',
  'undo.spent.body': 'Esta baja ya se deshizo o la sustituyó otra posterior, así que no se ha cambiado nada.',
  'preferences.link': 'Gestionar sus preferencias de correo',
  'preferences.title': 'Sus preferencias de correo',
  'preferences.intro': 'Elija qué enviamos a {email}.',
  'preferences.topics': 'Temas',
  'preferences.noTopics': 'No hay temas entre los que elegir.',
  'preferences.save': 'Guardar mis opciones',
  'preferences.saved': 'Sus opciones se han guardado.',
  'preferences.everything': 'Todos los correos',
  'preferences.everythingHint': 'Para no recibir ninguno de nuestros correos:',
  'preferences.unsubscribeAll': 'Darme de baja de todo',
  'preferences.unsubscribedNotice': 'Se ha dado de baja de todo.',
  'preferences.unsubscribed': 'Está dado de baja: no recibe ninguno de nuestros correos.',
  'preferences.resubscribe': 'Volver a suscribirme',
  'preferences.resubscribedNotice': 'Vuelve a estar suscrito.',
  'preferences.notMailed': 'Por ahora no enviamos correos a esta dirección.',
  'refused.title': 'No se ha cambiado nada',
  'refused.malformed': 'No se ha podido leer este formulario. Abra la página desde el enlace de nuestro mensaje e inténtelo de nuevo.',
  'refused.noToken':
    'Este formulario llegó sin su enlace, así que no se puede aplicar. Abra la página desde el enlace de nuestro mensaje e inténtelo de nuevo.',
  'refused.otherToken':
    'Este formulario no pertenece a esta página. Abra la página desde el enlace de nuestro mensaje e inténtelo de nuevo.',
  'refused.topicNotOffered': 'Uno de los temas elegidos no se puede elegir. Elija entre los temas que muestra la página.',
  'refused.tooLarge':
    'Este formulario es mucho más grande que los nuestros. Abra la página desde el enlace de nuestro mensaje e inténtelo de nuevo.',
  'refused.back': 'Volver a sus preferencias',
};
