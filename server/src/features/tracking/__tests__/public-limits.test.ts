import { parseConfig } from '../../../config/parse';
import { clientKey, decide, type PublicLimits } from '../public-limits';

const limits: PublicLimits = { enabled: true, windowSeconds: 60, firstPerToken: 2, perToken: 4, perIp: 10, invalidPerIp: 3 };
const at = (count: number, ttlMs = 30_000) => ({ count, ttlMs });

test("a token's first requests pass even when its IP is far over its limit (shared office IPs, image proxies)", () => {
  expect(decide(limits, { valid: true, token: at(1), ip: at(5000) })).toEqual({ limited: false });
  expect(decide(limits, { valid: true, token: at(2), ip: at(5000) })).toEqual({ limited: false });
  expect(decide(limits, { valid: true, token: at(3), ip: at(11, 1500) })).toEqual({ limited: true, reason: 'ip', retryAfterSeconds: 2 });
});

test('a token is limited past perToken, with the seconds left in its window', () => {
  expect(decide(limits, { valid: true, token: at(4), ip: at(4) })).toEqual({ limited: false });
  expect(decide(limits, { valid: true, token: at(5, 59_001), ip: at(5) })).toEqual({
    limited: true,
    reason: 'token',
    retryAfterSeconds: 60,
  });
});

test('invalid tokens count per IP only, and Retry-After is at least one second', () => {
  expect(decide(limits, { valid: false, invalid: at(3) })).toEqual({ limited: false });
  expect(decide(limits, { valid: false, invalid: at(4, 0) })).toEqual({ limited: true, reason: 'invalid', retryAfterSeconds: 1 });
});

test('the defaults are generous and firstPerToken cannot exceed perToken', () => {
  expect(parseConfig({}).publicLimits).toEqual({
    enabled: true,
    windowSeconds: 60,
    firstPerToken: 5,
    perToken: 30,
    perIp: 300,
    invalidPerIp: 30,
  });
  expect(() => parseConfig({ publicLimits: { firstPerToken: 9, perToken: 3 } })).toThrow(
    'campaigns.publicLimits.firstPerToken: firstPerToken cannot exceed perToken'
  );
  expect(() => parseConfig({ publicLimits: { perIp: 0 } })).toThrow('campaigns.publicLimits.perIp');
});

test('clients are keyed by IPv4 address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
  expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
  expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  expect(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
  expect(clientKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
  expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(clientKey('::1')).toBe('0:0:0:0::/64');
  expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  expect(clientKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  expect(clientKey('')).toBe('unknown');
  expect(clientKey(undefined)).toBe('unknown');
  expect(clientKey('not-an-ip')).toBe('unknown');
});

test('each address keeps its own key when clients alternate (the last one is remembered)', () => {
  const addresses = ['203.0.113.7', '2001:db8:1:2::1', '203.0.113.7', '203.0.113.7', undefined, '::ffff:198.51.100.2', '2001:db8:1:2::1'];
  expect(addresses.map(clientKey)).toEqual([
    '203.0.113.7',
    '2001:db8:1:2::/64',
    '203.0.113.7',
    '203.0.113.7',
    'unknown',
    '198.51.100.2',
    '2001:db8:1:2::/64',
  ]);
});
