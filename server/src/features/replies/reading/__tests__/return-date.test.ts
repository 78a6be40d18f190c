import { findReturnDate } from '../return-date';

// Thursday 3 December 2026, 10:00 UTC.
const SENT = Date.parse('2026-12-03T10:00:00Z');

it.each([
  ['I will be back on Monday, December 14.', '2026-12-14'],
  ['I am returning on 14 December 2026.', '2026-12-14'],
  ['I am out of the office until Friday, December 11.', '2026-12-14'],
  ['I am away through December 9.', '2026-12-10'],
  ['I am out from December 7 to December 18.', '2026-12-21'],
  ['Out of office. I will be back on 12/18/2026.', '2026-12-18'],
  ['Out of office. I will be back on 18/12/2026.', '2026-12-18'],
  ['Je suis absent jusqu’au 18 décembre.', '2026-12-21'],
  ["Je suis absente jusqu'au vendredi 11 décembre inclus.", '2026-12-14'],
  ['Je serai de retour le 4 janvier 2027.', '2027-01-04'],
  ['Je suis absente du 7 au 18 décembre.', '2026-12-21'],
  ['Ich bin bis zum 18.12.2026 nicht im Büro.', '2026-12-21'],
  ['Ich bin vom 7. bis zum 18. Dezember im Urlaub.', '2026-12-21'],
  ['Ab dem 21.12.2026 bin ich wieder erreichbar.', '2026-12-21'],
  ['Ich bin ab dem 7. Dezember im Urlaub und zurück am 4. Januar.', '2027-01-04'],
  ['Estoy de vacaciones hasta el 8 de enero.', '2027-01-11'],
  ['De vuelta el 11 de enero de 2027.', '2027-01-11'],
  ['Estaré fuera del 7 al 18 de diciembre.', '2026-12-21'],
  ['I am on leave. Back tomorrow.', '2026-12-04'],
])('%s → %s', (text, expected) => {
  expect(findReturnDate(text, SENT)).toBe(expected);
});

it.each([
  ['a date before the mail', 'I was back on 1 December 2026.'],
  ['a date more than a year on', 'Back on 1 March 2029.'],
  ['an ambiguous numeric date in English', 'I will be back on 03/04/2027.'],
  ['a date without a return or until word', 'I am away from 7 December, on holiday in Spain.'],
  ['an impossible date', 'Back on 31/02/2027.'],
  ['no date at all', 'I am out of the office.'],
])('%s: null', (_, text) => {
  expect(findReturnDate(text, SENT)).toBeNull();
});

it('reads the same numeric date day first in French', () => {
  expect(findReturnDate('Je serai de retour le 03/04/2027.', SENT)).toBe('2027-04-03');
});
