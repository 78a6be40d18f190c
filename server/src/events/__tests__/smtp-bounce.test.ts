import { isHardBounce } from '../smtp-bounce';

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
