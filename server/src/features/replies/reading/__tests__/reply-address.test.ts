import { deliveryOfVerp, verpAddress } from '../../../../mail/verp';
import { deliveryOfReplyAddress, replyAddressOf } from '../reply-address';

const SECRET = 'reply-test-secret-0123456789abcdef';
const BASE = 'replies@example.com';

it('round-trips a delivery id through the signed reply address', () => {
  for (const id of [0, 1, 42, 123_456_789, Number.MAX_SAFE_INTEGER]) {
    const address = replyAddressOf(SECRET, BASE, id);
    expect(address).toMatch(/^replies\+[0-9a-z]+-[0-9a-f]{10}@example\.com$/);
    expect(deliveryOfReplyAddress(SECRET, BASE, address)).toBe(id);
  }
});

it('takes the domain and the case as mail servers may change them', () => {
  const address = replyAddressOf(SECRET, BASE, 4711);
  expect(deliveryOfReplyAddress(SECRET, BASE, address.toUpperCase())).toBe(4711);
  expect(deliveryOfReplyAddress(SECRET, 'Replies@EXAMPLE.com', ` ${address} `)).toBe(4711);
});

it('refuses forgeries and other addresses', () => {
  const address = replyAddressOf(SECRET, BASE, 4711);
  const [local, domain] = address.split('@');
  const mac = local.slice(-10);
  const flipped = `${local.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}@${domain}`;
  expect(deliveryOfReplyAddress(SECRET, BASE, flipped)).toBeNull();
  expect(deliveryOfReplyAddress('another-secret', BASE, address)).toBeNull();
  expect(deliveryOfReplyAddress(SECRET, BASE, `${local}@example.org`)).toBeNull();
  expect(deliveryOfReplyAddress(SECRET, BASE, address.replace('replies+', 'bounces+'))).toBeNull();
  expect(deliveryOfReplyAddress(SECRET, BASE, address.replace(/\+[0-9a-z]+-/, `+${(4712).toString(36)}-`))).toBeNull();
  expect(deliveryOfReplyAddress(SECRET, BASE, 'replies@example.com')).toBeNull();
  expect(deliveryOfReplyAddress(SECRET, BASE, 'not an address')).toBeNull();
});

it('never accepts a VERP token as a reply token, nor the reverse', () => {
  const verp = verpAddress(SECRET, BASE, 4711);
  const reply = replyAddressOf(SECRET, BASE, 4711);
  expect(verp).not.toBe(reply);
  expect(deliveryOfReplyAddress(SECRET, BASE, verp)).toBeNull();
  expect(deliveryOfVerp(SECRET, BASE, reply)).toBeNull();
});

it('refuses a base address that cannot carry a token', () => {
  expect(() => replyAddressOf(SECRET, 'no-at-sign', 1)).toThrow(/reply address "no-at-sign" must be local@domain/);
  expect(() => replyAddressOf(SECRET, 'a+b@example.com', 1)).toThrow(/without a "\+"/);
  expect(() => replyAddressOf(SECRET, BASE, 1.5)).toThrow(/non-negative integer/);
});
