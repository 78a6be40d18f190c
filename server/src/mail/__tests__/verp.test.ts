import { deliveryOfVerp, verpAddress } from '../verp';

const SECRET = 'a-signing-secret-of-at-least-32-characters';
const BOUNCES = 'Bounces@Mail.Example.com';

test('a delivery id goes out in the Return-Path and comes back from the bounce address', () => {
  const address = verpAddress(SECRET, BOUNCES, 123456);
  expect(address).toMatch(/^Bounces\+2n9c-[0-9a-f]{10}@Mail\.Example\.com$/);
  expect(deliveryOfVerp(SECRET, BOUNCES, address)).toBe(123456);
  // Servers may fold the case of the local part or add spaces around it.
  expect(deliveryOfVerp(SECRET, BOUNCES, ` ${address.toUpperCase()} `)).toBe(123456);
});

test('a forged, foreign or altered address names no delivery', () => {
  const address = verpAddress(SECRET, BOUNCES, 77);
  const [local, domain] = address.split('@');
  const mac = local.split('-')[1];
  for (const candidate of [
    `Bounces+2a-${mac}@${domain}`,
    `Bounces+21-0000000000@${domain}`,
    `${local}@other.example.com`,
    `Other+${local.split('+')[1]}@${domain}`,
    `${local}x@${domain}`,
    'Bounces@Mail.Example.com',
    'not an address',
  ]) {
    expect(deliveryOfVerp(SECRET, BOUNCES, candidate)).toBeNull();
  }
  expect(deliveryOfVerp(`${SECRET}!`, BOUNCES, address)).toBeNull();
});

test('bad bounce addresses and ids are refused when sending, saying why', () => {
  expect(() => verpAddress(SECRET, 'no-at-sign', 1)).toThrow(/must be local@domain/);
  expect(() => verpAddress(SECRET, 'a+b@example.com', 1)).toThrow(/without a "\+"/);
  expect(() => verpAddress(SECRET, `${'x'.repeat(55)}@example.com`, 1)).toThrow(/64-character local part/);
  expect(() => verpAddress(SECRET, BOUNCES, -1)).toThrow(/non-negative integer/);
});
