import { reasonOfStatus, statusIn } from '../status-reason';
import { assertFresh, sameSecret } from '../verification';
import { contextOf } from './signers';

test('sameSecret compares secrets of any lengths', () => {
  expect(sameSecret('abc', 'abc')).toBe(true);
  expect(sameSecret('abc', 'abcd')).toBe(false);
  expect(sameSecret('', 'a')).toBe(false);
  expect(sameSecret(Buffer.from('x'), 'x')).toBe(true);
});

test('assertFresh takes the age limit both ways, in Unix seconds', () => {
  const { context } = contextOf(1_000_000_000_000, {}, 300);
  expect(() => assertFresh('1000000000', context, 't')).not.toThrow();
  expect(() => assertFresh(999_999_700, context, 't')).not.toThrow();
  expect(() => assertFresh(999_999_699, context, 't')).toThrow('301 s old');
  expect(() => assertFresh('1000000301', context, 't')).toThrow('301 s in the future');
  expect(() => assertFresh('1000000000000', context, 't')).toThrow('in the future');
  expect(() => assertFresh('-5', context, 't')).toThrow('not a Unix time');
  expect(() => assertFresh('1e9', context, 't')).toThrow('not a Unix time');
});

test('enhanced status codes and their reasons', () => {
  expect(statusIn('smtp; 550 5.1.1 <a@b>: user unknown')).toBe('5.1.1');
  expect(statusIn('421 try later')).toBeNull();
  expect(statusIn('version 15.20.7 of Exchange')).toBeNull();
  expect(reasonOfStatus('5.1.1')).toBe('userunknown');
  expect(reasonOfStatus('4.2.2')).toBe('mailboxfull');
  expect(reasonOfStatus('5.7.26')).toBe('authfailure');
  expect(reasonOfStatus('5.4.9')).toBe('networkerror');
  expect(reasonOfStatus('5.0.0')).toBeNull();
  expect(reasonOfStatus(null)).toBeNull();
});
