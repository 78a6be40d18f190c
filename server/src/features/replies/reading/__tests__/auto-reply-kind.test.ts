import { autoReplyKindOf } from '../auto-reply-kind';

const mail = (subject: string, text: string, headerNames: string[] = [], autoSubmitted: string | null = 'auto-replied') => ({
  subject,
  text,
  headerNames,
  autoSubmitted,
});

it.each([
  ['Automatic reply: update', 'I am currently out of the office with no access to email.', 'out-of-office'],
  ['Abwesenheitsnotiz', 'Ich bin derzeit nicht im Büro.', 'out-of-office'],
  ['Réponse automatique', 'Je suis absent, je vous répondrai dès mon retour.', 'out-of-office'],
  ['Respuesta automática', 'Estoy fuera de la oficina.', 'out-of-office'],
  ['Automatic reply: update', 'Jane has left the company. Please write to sales@x.test.', 'left-company'],
  ['Réponse automatique', "Marie ne fait plus partie de l'entreprise.", 'left-company'],
  ['Automatische Antwort', 'Herr Koch ist nicht mehr im Unternehmen tätig.', 'left-company'],
  ['Respuesta automática', 'Pedro ya no trabaja en la empresa.', 'left-company'],
  ['Re: update [#12345]', 'Thanks for writing.', 'ticket'],
  ['Ticket received', 'Your ticket #A-991 has been created.', 'ticket'],
  ['Re: update', 'Thanks for contacting us.', 'ticket', ['x-freshdesk-ticket-id']],
  ['Your support request', 'We will answer soon.', 'ticket', [], 'auto-generated'],
  ['Automatic reply', 'Thank you for your email.', 'other'],
])('%s / %s → %s', (subject, text, expected, headers: string[] = [], autoSubmitted: string | null = 'auto-replied') => {
  expect(autoReplyKindOf(mail(subject, text, headers, autoSubmitted), false)).toBe(expected);
});

it('takes a stated return date for an absence', () => {
  expect(autoReplyKindOf(mail('Automatic reply', 'Thank you for your email.'), true)).toBe('out-of-office');
});
