import { simpleParser, type AddressObject } from 'mailparser';
import { buildMime } from '../mime';

const SPOOF_FROM_NAME = 'Zoë <ceo@spoofed.example>, Team';
const SPOOF_FIRST_NAME = 'Zoë <other@spoofed.example>,';

const mailboxes = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);

const parse = (from: string, to: string, replyTo: string) =>
  simpleParser(
    buildMime({
      from: { name: from, email: 'news@example.com' },
      to: { name: to, email: 'ann@example.org' },
      replyTo: { name: replyTo, email: 'reply@example.com' },
      subject: 'Hi',
      messageId: '<1.2@example.com>',
      text: 'Hi',
      html: '<p>Hi</p>',
    }).raw
  );

test.each([
  ['non-ASCII names with address specials', SPOOF_FROM_NAME, SPOOF_FIRST_NAME],
  ['ASCII names with address specials', 'Eve <ceo@spoofed.example>, Team', 'Ann "x" (y); <z@spoofed.example>,'],
  ['names that look like encoded words', '=?UTF-8?Q?ceo=40spoofed.example=3E,?= Team', '=?UTF-8?B?PGNlb0BzcG9vZmVkLmV4YW1wbGU+LA==?='],
  ['names with a backslash and a tab', 'A\\"B\t<c@d.e>, x', 'Zoë\\'],
])('%s stay one phrase: exactly one mailbox in From, To and Reply-To, with the name intact', async (_case, fromName, toName) => {
  const mail = await parse(fromName, toName, fromName);
  expect(mailboxes(mail.from)).toEqual([{ name: fromName, address: 'news@example.com' }]);
  expect(mailboxes(mail.to)).toEqual([{ name: toName, address: 'ann@example.org' }]);
  expect(mailboxes(mail.replyTo)).toEqual([{ name: fromName, address: 'reply@example.com' }]);
});

test('control characters in a name become spaces, so the name still reads as one phrase', async () => {
  const mail = await parse('Eve\x01<ceo@spoofed.example>,\x7fTeam', 'Ann\x00Lee', 'Reply');
  expect(mailboxes(mail.from)).toEqual([{ name: 'Eve <ceo@spoofed.example>, Team', address: 'news@example.com' }]);
  expect(mailboxes(mail.to)).toEqual([{ name: 'Ann Lee', address: 'ann@example.org' }]);
});
