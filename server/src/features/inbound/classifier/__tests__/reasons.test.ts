import { bounceTypeOf, decideReason } from '../reasons';

/**
 * What remote servers answer, in the languages they answer in, and the reason each one gives. The
 * answers are written for this test (no server's exact words), the way such answers are phrased.
 */
const ANSWERS: ReadonlyArray<readonly [string, string | null, string]> = [
  // userunknown
  ['550 Benutzer jo@example.com ist nicht im Domino-Verzeichnis aufgefuehrt', '5.0.0', 'userunknown'],
  ["550 L'utilisateur ne figure pas dans l'annuaire de la messagerie", null, 'userunknown'],
  ['550 5.1.1 Unbekannter Empfänger', null, 'userunknown'],
  ['550 5.1.1 Adresse e-mail inconnue', null, 'userunknown'],
  ['550 La cuenta de correo no existe', null, 'userunknown'],
  ['550 Casella di posta inesistente', null, 'userunknown'],
  ['550 Endereço de e-mail inexistente', null, 'userunknown'],
  ['550 Ontvanger onbekend', null, 'userunknown'],
  ['550 Nie ma takiego użytkownika', null, 'userunknown'],
  ['550 Пользователь не существует', null, 'userunknown'],
  ['550 指定されたユーザーは存在しません', null, 'userunknown'],
  ['550 收件人不存在', null, 'userunknown'],
  ['550 존재하지 않는 사용자입니다', null, 'userunknown'],
  ['550 5.4.1 Recipient address rejected: Access denied', '5.4.1', 'userunknown'],
  // hostunknown
  ['Unrouteable address', null, 'hostunknown'],
  ['The domain name (typo.example) does not appear to be registered', null, 'hostunknown'],
  ["Le domaine example.org n'existe pas", null, 'hostunknown'],
  ['El dominio example.org no existe', null, 'hostunknown'],
  ['Die Domain example.org existiert nicht', null, 'hostunknown'],
  ['Домен example.org не существует', null, 'hostunknown'],
  ['域名不存在', null, 'hostunknown'],
  // mailboxfull
  ["the recipient's mail file exceeds its quota", null, 'mailboxfull'],
  ['552 Das Postfach hat sein Kontingent überschritten', null, 'mailboxfull'],
  ['552 Espace de stockage insuffisant', null, 'mailboxfull'],
  ['552 Cuota excedida', null, 'mailboxfull'],
  ['552 La casella ha superato la quota', null, 'mailboxfull'],
  ['552 Skrzynka przepełniona', null, 'mailboxfull'],
  ['552 Почтовый ящик переполнен', null, 'mailboxfull'],
  ['552 メールボックスの容量がいっぱいです', null, 'mailboxfull'],
  ['552 邮箱空间不足', null, 'mailboxfull'],
  ['552 메일함 용량 초과', null, 'mailboxfull'],
  // suspend, not "does not accept mail"
  ['550 5.2.1 <x@example.net>: Mailbox disabled, not accepting messages', '5.2.1', 'suspend'],
  ['550 Konto ist gesperrt', null, 'suspend'],
  ['550 Cuenta suspendida', null, 'suspend'],
  ['550 Учетная запись заблокирована', null, 'suspend'],
  // blocked: never hard
  ['554 comcast 203.0.113.10 found on one or more DNSBLs', '5.0.0', 'blocked'],
  ['554 Votre IP est sur liste noire', null, 'blocked'],
  ['554 Su servidor está en una lista negra', null, 'blocked'],
  ['554 IP在黑名单中', null, 'blocked'],
  // filtered, not userunknown
  ['554 5.7.1 <x@example.net>: Recipient address rejected: recipient has refused mail from this sender', '5.7.1', 'filtered'],
  ['550 受信拒否設定により拒否されました', null, 'filtered'],
  // spam
  ['554 Message refusé : pourriel', null, 'spamdetected'],
  ['554 Сообщение похоже на спам', null, 'spamdetected'],
  ['554 垃圾邮件', null, 'spamdetected'],
  // an address unknown only for now says nothing of the address
  ['450 4.1.1 <x@example.net>: Recipient address rejected: User unknown, try again later', '4.1.1', 'onhold'],
  ['450 4.1.2 <x@example.net>: Recipient address rejected: Domain not found, temporary lookup failure', '4.1.2', 'networkerror'],
  ['450 4.1.1 <x@example.net>: unverified address: host mx.example.net said: 550 5.1.1 user unknown', '4.1.1', 'userunknown'],
];

it.each(ANSWERS)('%s (%s) -> %s', (diagnostic, status, reason) => {
  expect(decideReason(diagnostic, status)).toBe(reason);
});

it('never calls a blocklist or a temporary lookup failure hard', () => {
  expect(bounceTypeOf(decideReason('554 found on one or more DNSBLs', '5.0.0'), '5.0.0', '554')).toBe('soft');
  expect(bounceTypeOf(decideReason('450 4.1.1 User unknown, try again later', '4.1.1'), '4.1.1', '450')).toBe('soft');
});
