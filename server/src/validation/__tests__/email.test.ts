import { hashEmail, normalizeEmail } from '../email';

describe('normalizeEmail', () => {
  test.each([
    ['  jane@example.com  ', 'jane@example.com'],
    ['Jane.Doe@EXAMPLE.COM', 'Jane.Doe@example.com'],
    ['user+tag@sub.example.co.uk', 'user+tag@sub.example.co.uk'],
    ['hans@bücher.de', 'hans@xn--bcher-kva.de'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email: expected });
  });

  test.each([
    [42, 'must be a string'],
    ['', 'must not be empty'],
    ['plainaddress', 'not an email address'],
    ['@example.com', 'not an email address'],
    ['jane@', 'not an email address'],
    ['jane..doe@example.com', 'not allowed before "@"'],
    ['.jane@example.com', 'not allowed before "@"'],
    ['jäne@example.com', 'not allowed before "@"'],
    ['jane@localhost', 'is not a valid domain'],
    ['jane@-example.com', 'is not a valid domain'],
    ['jane@example..com', 'is not a valid domain'],
    ['jane@10.0.0.1', 'is not a valid domain'],
    ['jane@example.com\r\nBcc: x@example.com', 'line breaks'],
    [`${'a'.repeat(65)}@example.com`, 'longer than 64'],
    [`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(10)}.com`, 'longer than 254'],
  ])('refuses %j (%s)', (input, reason) => {
    const result = normalizeEmail(input);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toContain(reason);
  });
});

test('hashEmail ignores case, so a suppression matches however the address is written', () => {
  expect(hashEmail('Jane@example.com')).toBe(hashEmail('jane@example.com'));
  expect(hashEmail('jane@example.com')).not.toBe(hashEmail('john@example.com'));
  expect(hashEmail('jane@example.com')).toMatch(/^[0-9a-f]{64}$/);
});
