import { simpleParser } from 'mailparser';
import { buildMime, encodeBody, formatAddress } from '../mime';

const base = {
  from: { name: 'Shop News', email: 'news@example.com' },
  to: { name: 'Ann', email: 'ann@example.org' },
  subject: 'Hello',
  messageId: '<1.2@example.com>',
  text: 'Hi Ann\nSee https://example.com',
  html: '<p>Hi Ann</p>',
};

test('ASCII bodies with short lines go as 7bit, anything else as base64 that decodes back', () => {
  expect(encodeBody('a\nb')).toEqual({ encoding: '7bit', content: 'a\r\nb', dataSafe: true });
  expect(encodeBody('a\r\nb\nc')).toEqual({ encoding: '7bit', content: 'a\r\nb\r\nc', dataSafe: true });
  expect(encodeBody('Zoë').encoding).toBe('base64');
  expect(encodeBody('x'.repeat(1200)).encoding).toBe('base64');
  // SMTP allows 998 octets before the CRLF.
  expect(encodeBody(`${'x'.repeat(998)}\r\n`).encoding).toBe('7bit');
  expect(encodeBody(`${'x'.repeat(999)}\r\n`).encoding).toBe('base64');
  const { content } = encodeBody('é'.repeat(200));
  expect(content.split('\r\n').every((line) => line.length <= 76)).toBe(true);
  expect(Buffer.from(content.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('é'.repeat(200));
});

test('UTF-8 bodies go as 8bit when allowed, unless a line would pass 998 bytes', () => {
  expect(encodeBody('Zoë\nhi', true)).toEqual({ encoding: '8bit', content: 'Zoë\r\nhi', dataSafe: true });
  // 400 characters, 800 bytes: fits.
  expect(encodeBody('é'.repeat(400), true).encoding).toBe('8bit');
  // 500 characters, 1,000 bytes: too long for one SMTP line.
  expect(encodeBody('é'.repeat(500), true).encoding).toBe('base64');
  expect(encodeBody(`${'x'.repeat(900)}\n${'é'.repeat(500)}`, true).encoding).toBe('base64');
  expect(encodeBody('plain', true).encoding).toBe('7bit');
  expect(encodeBody(`${'é'.repeat(499)}\r\n`, true).encoding).toBe('8bit');
  expect(encodeBody(`${'é'.repeat(499)}x\r\n`, true).encoding).toBe('base64');
});

test('addresses: plain names bare, specials quoted, non-ASCII encoded, line breaks gone', () => {
  expect(formatAddress({ email: 'a@b.c' })).toBe('<a@b.c>');
  expect(formatAddress({ name: 'Ann Lee', email: 'a@b.c' })).toBe('Ann Lee <a@b.c>');
  expect(formatAddress({ name: 'Lee, Ann "AL"', email: 'a@b.c' })).toBe('"Lee, Ann \\"AL\\"" <a@b.c>');
  expect(formatAddress({ name: 'Zoë', email: 'a@b.c' })).toMatch(/^=\?UTF-8\?Q\?Zo=C3=AB\?= <a@b.c>$/);
  expect(formatAddress({ name: 'Eve\r\nBcc: x@y.z', email: 'a@b.c' })).not.toMatch(/[\r\n]/);
});

test('a parser reads back every header and both parts, and injected headers stay text', async () => {
  const { raw } = buildMime({
    ...base,
    to: { name: 'Zoë Ünal', email: 'zoe@example.org' },
    replyTo: { email: 'reply@example.com' },
    subject: 'Grüße, Zoë\r\nBcc: victim@example.net',
    html: '<p>Grüße</p>',
    headers: [
      ['List-Unsubscribe', '<https://example.com/u/abc>, <mailto:u@example.com?subject=abc>'],
      ['Precedence', 'bulk'],
      ['X-Injected', 'one\r\nBcc: victim@example.net'],
    ],
  });
  const mail = await simpleParser(raw);
  expect(mail.subject).toBe('Grüße, Zoë Bcc: victim@example.net');
  expect(mail.headers.get('bcc')).toBeUndefined();
  expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0]).toEqual({ name: 'Zoë Ünal', address: 'zoe@example.org' });
  expect(mail.from?.value[0]).toEqual({ name: 'Shop News', address: 'news@example.com' });
  expect(mail.replyTo?.value[0].address).toBe('reply@example.com');
  expect(mail.messageId).toBe('<1.2@example.com>');
  expect(mail.headers.get('precedence')).toBe('bulk');
  expect(mail.headers.get('x-injected')).toBe('one Bcc: victim@example.net');
  expect(mail.text?.trim()).toBe('Hi Ann\nSee https://example.com');
  expect(mail.html).toBe('<p>Grüße</p>');
  expect(
    raw
      .toString()
      .split('\r\n')
      .every((line) => line.length <= 998)
  ).toBe(true);
});

test('an 8-bit message carries its UTF-8 bytes as they are, and a parser reads the same text back', async () => {
  const { raw, dataSafe } = buildMime({ ...base, subject: 'Grüße', text: 'Grüße, Zoë\nBis bald', html: '<p>Grüße — Zoë</p>' }, true);
  expect(dataSafe).toBe(true);
  expect(raw.includes(Buffer.from('<p>Grüße — Zoë</p>'))).toBe(true);
  expect(raw.toString()).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n/);
  expect(raw.toString()).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
  const mail = await simpleParser(raw);
  expect(mail.text?.trim()).toBe('Grüße, Zoë\nBis bald');
  expect(mail.html).toBe('<p>Grüße — Zoë</p>');
  expect(
    raw
      .toString('latin1')
      .split('\r\n')
      .every((line) => line.length <= 998)
  ).toBe(true);
});

test('a message is DATA-safe unless a body line starts with a dot or holds a bare CR', () => {
  expect(buildMime(base).dataSafe).toBe(true);
  expect(buildMime({ ...base, text: 'one\n.two' }).dataSafe).toBe(false);
  expect(buildMime({ ...base, html: '.x{}' }).dataSafe).toBe(false);
  // Base64 has no dots and no line breaks of its own.
  expect(buildMime({ ...base, text: 'Zoë\n.two' }).dataSafe).toBe(true);
  expect(buildMime({ ...base, text: 'Zoë\n.two' }, true).dataSafe).toBe(false);
});

test('bare CRs and LFs in a body become CRLF, so the message stays DATA-safe', () => {
  expect(encodeBody('one\r\ntwo\rthree\nfour')).toEqual({ encoding: '7bit', content: 'one\r\ntwo\r\nthree\r\nfour', dataSafe: true });
  expect(encodeBody('one\r\ntwo\r').content).toBe('one\r\ntwo\r\n');
  expect(buildMime({ ...base, html: '<p>a</p>\r\n<p>b\r</p>' }).raw.toString()).toContain('<p>a</p>\r\n<p>b\r\n</p>');
  expect(encodeBody('one\r.two').dataSafe).toBe(false);
});
