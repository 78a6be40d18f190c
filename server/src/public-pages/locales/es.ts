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
};
