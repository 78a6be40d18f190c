import { classifyInboundMessage } from '..';

/** Notices that reach us inside another message, written for this test the way filters wrap them. */

const returned = [
  'Return-Path: <bounces+1a2b-3c4d@news.example.com>',
  'From: "Example News" <news@news.example.com>',
  'To: kim@dest.example',
  'Subject: Spring offers',
  'Message-ID: <campaign.7@news.example.com>',
  '',
  'Hello,',
].join('\n');

const bounce = [
  'Return-Path: <>',
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: bounces+1a2b-3c4d@news.example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Message-ID: <notice.1@mx.example.net>',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'This is the mail system at host mx.example.net.',
  '',
  '<kim@dest.example>: host mx.dest.example said: 550 5.1.1 <kim@dest.example>: User unknown (in reply to RCPT TO command)',
  '',
  '--- Original message headers ---',
  returned,
].join('\n');

const wrapper = (subject: string, inner: string, boundary = 'wrap') =>
  [
    'From: Mail Filter <filter@relay.example.org>',
    'To: bounces+1a2b-3c4d@news.example.com',
    `Subject: ${subject}`,
    'Message-ID: <wrapper.1@relay.example.org>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain',
    '',
    'Spam detection software has identified this incoming email as possible spam. The original is attached.',
    'Contact postmaster@relay.example.org for details.',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    inner,
    `--${boundary}--`,
    '',
  ].join('\r\n');

it('reads a bounce from the message a filter wrapped it in, never our own VERP address', async () => {
  const result = await classifyInboundMessage(wrapper('[SPAM] Undelivered Mail Returned to Sender', bounce));
  expect(result).toMatchObject({
    kind: 'bounce',
    recipients: ['kim@dest.example'],
    reason: 'userunknown',
    bounceType: 'hard',
    status: '5.1.1',
    originalMessageId: '<campaign.7@news.example.com>',
    messageId: '<wrapper.1@relay.example.org>',
  });
  expect(result.envelopeRecipients).toContain('bounces+1a2b-3c4d@news.example.com');
});

it('leaves a forwarded message that is no notice to the wrapper', async () => {
  const result = await classifyInboundMessage(wrapper('Fwd: Spring offers', returned));
  expect(result.kind).not.toBe('bounce');
  expect(result.recipients).not.toContain('bounces+1a2b-3c4d@news.example.com');
});

it('unwraps one level only, however deep the wrapping goes', async () => {
  let nested = bounce;
  for (let i = 0; i < 200; i += 1) nested = wrapper('Undelivered Mail Returned to Sender', nested, `level-${i}-end`);
  const result = await classifyInboundMessage(nested, { timeLimitMs: 60_000 });
  expect(result.recipients).not.toContain('bounces+1a2b-3c4d@news.example.com');
});
