import { readTextRecipients } from '../text-notice';

/** Layouts notices use to name a failed recipient and what the server said, written for this test. */
const LAYOUTS: ReadonlyArray<readonly [string, string]> = [
  ['Recipient: [SMTP:jo@example.org]\nReason: 550 5.1.1 user unknown', '550 5.1.1 user unknown'],
  ['Failed Recipient: SMTP:jo@example.org\n  550 5.1.1 no such user', '550 5.1.1 no such user'],
  ['"Jo Bloggs" <jo@example.org> - 550 5.1.1 user unknown', '550 5.1.1 user unknown'],
  ['mailto:jo@example.org: 550 user unknown', '550 user unknown'],
  ['Destinataire : jo@example.org\nRaison : 550 5.1.1 utilisateur inconnu', '550 5.1.1 utilisateur inconnu'],
  ['Empfänger: <jo@example.org>\nGrund: 550 Benutzer unbekannt', '550 Benutzer unbekannt'],
  ['Adresat: jo@example.org\nPowód: 550 nie ma takiego użytkownika', '550 nie ma takiego użytkownika'],
  ['收件人：jo@example.org\n原因：550 用户不存在', '550 用户不存在'],
  ['受信者: jo@example.org\n理由: 550 User unknown', '550 User unknown'],
];

it.each(LAYOUTS)('%s', (notice, diagnostic) => {
  expect(readTextRecipients(notice, new Set())).toEqual([{ address: 'jo@example.org', diagnostic }]);
});
