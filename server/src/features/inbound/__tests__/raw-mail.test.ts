import { createHmac } from 'node:crypto';
import { assertRawMailSignature, rawMailSignature } from '../raw-mail';
import { RequestRefused } from '../webhooks/verification';

const secret = 'raw-mail-secret-0123456789';
const mail = Buffer.from('From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail\r\n\r\nbody\r\n');

test('the signature is sha256= and the hex HMAC-SHA256 of the exact bytes (what openssl dgst -hmac prints)', () => {
  expect(rawMailSignature(secret, mail)).toBe(`sha256=${createHmac('sha256', secret).update(mail).digest('hex')}`);
  expect(() => assertRawMailSignature(mail, rawMailSignature(secret, mail), secret)).not.toThrow();
  expect(() =>
    assertRawMailSignature(mail, ` ${rawMailSignature(secret, mail).toUpperCase().replace('SHA256', 'sha256')} `, secret)
  ).not.toThrow();
});

test('no signature, another secret, and one byte changed are refused', () => {
  expect(() => assertRawMailSignature(mail, undefined, secret)).toThrow('header is missing');
  expect(() => assertRawMailSignature(mail, rawMailSignature('another-secret-0123456789', mail), secret)).toThrow(RequestRefused);
  const lf = Buffer.from(mail.toString().replace(/\r\n/g, '\n'));
  expect(() => assertRawMailSignature(lf, rawMailSignature(secret, mail), secret)).toThrow('does not match the body');
});
