import { confirmsErasure, eraseInput } from '../erase-input';

describe('erasure confirmation', () => {
  test('the address in any case, or ERASE as shown, confirms', () => {
    expect(confirmsErasure('Ann@Example.com ', 'ann@example.com')).toBe(true);
    expect(confirmsErasure('ERASE', 'ann@example.com')).toBe(true);
  });

  test('another address, part of it, or the word in lower case does not', () => {
    expect(confirmsErasure('bob@example.com', 'ann@example.com')).toBe(false);
    expect(confirmsErasure('ann', 'ann@example.com')).toBe(false);
    expect(confirmsErasure('erase', 'ann@example.com')).toBe(false);
  });

  test('the body needs a non-empty confirm and nothing else', () => {
    expect(eraseInput.safeParse({ confirm: '  ' }).success).toBe(false);
    expect(eraseInput.safeParse({}).success).toBe(false);
    expect(eraseInput.safeParse({ confirm: 'ERASE', force: true }).success).toBe(false);
    expect(eraseInput.safeParse({ confirm: 'ERASE' }).success).toBe(true);
  });
});
