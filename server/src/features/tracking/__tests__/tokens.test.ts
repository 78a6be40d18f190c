import { signToken, verifyToken } from '../tokens';

const SECRET = 'a-signing-secret-of-at-least-32-characters';

test('a token carries its ids and comes back from verification', () => {
  const token = signToken(SECRET, 'click', [123456, 7]);
  expect(token).toMatch(/^2n9c\.7\.[A-Za-z0-9_-]{22}$/);
  expect(verifyToken(SECRET, 'click', token, 2)).toEqual([123456, 7]);
  expect(verifyToken(SECRET, 'unsubscribe', signToken(SECRET, 'unsubscribe', [Number.MAX_SAFE_INTEGER]), 1)).toEqual([
    Number.MAX_SAFE_INTEGER,
  ]);
});

test('a token is refused for another purpose, under another secret, or with another id count', () => {
  const token = signToken(SECRET, 'open', [42]);
  expect(verifyToken(SECRET, 'click', token, 1)).toBeNull();
  expect(verifyToken(`${SECRET}!`, 'open', token, 1)).toBeNull();
  expect(verifyToken(SECRET, 'open', token, 2)).toBeNull();
});

test('any change to a token is refused', () => {
  const token = signToken(SECRET, 'unsubscribe', [1000, 20]);
  const [a, b, mac] = token.split('.');
  const forged = [
    `${(parseInt(a, 36) + 1).toString(36)}.${b}.${mac}`,
    `${a}.${b}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
    `${a}.${b}.${mac}=`,
    `${a}.${b}.${mac}.x`,
    `${a.toUpperCase()}.${b}.${mac}`,
    `${a}.${b}`,
    '',
    '.'.repeat(300),
    `${a}.${b}.${Buffer.alloc(16).toString('base64url')}`,
  ];
  for (const candidate of forged) expect(verifyToken(SECRET, 'unsubscribe', candidate, 2)).toBeNull();
});

test('ids must be non-negative safe integers', () => {
  for (const bad of [[], [-1], [1.5], [Number.MAX_SAFE_INTEGER + 2], [Number.NaN]]) {
    expect(() => signToken(SECRET, 'view', bad)).toThrow(/non-negative integers/);
  }
});
