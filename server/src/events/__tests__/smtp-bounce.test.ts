import { isHardBounce, smtpReasonOf } from '../smtp-bounce';

test.each([
  [550, '550 5.1.1 <x@example.com>: Recipient address rejected: User unknown', true],
  [550, '550 No such user here', true],
  [553, '553 mailbox name not allowed', true],
  [550, '550 5.7.1 Message rejected due to policy', false],
  [552, '552 5.2.2 Mailbox full', false],
  [554, '554 Transaction failed', false],
  [550, '550 Blocked for spam', false],
  [451, '451 4.1.1 try later', false],
  [null, 'connection lost', false],
])('%s %s -> hard bounce %s', (code, message, hard) => {
  expect(isHardBounce(code, message)).toBe(hard);
});

test.each([
  ['5.1.1', '550 5.1.1 User unknown', 'userunknown'],
  ['5.1.2', '550 5.1.2 Host unknown', 'hostunknown'],
  ['4.2.2', '452 4.2.2 Mailbox full', 'mailboxfull'],
  ['5.7.1', '554 5.7.1 Message rejected as spam', 'spamdetected'],
  ['5.7.1', '550 5.7.1 Relaying denied by policy', 'rejected'],
  ['5.7.26', '550 5.7.26 Unauthenticated email', 'policyviolation'],
  ['4.4.2', '421 4.4.2 Too many connections', 'networkerror'],
  ['5.0.0', '554 Transaction failed', 'undefined'],
] as const)('%s %s -> reason %s', (status, message, reason) => {
  expect(smtpReasonOf(status, message)).toBe(reason);
});
