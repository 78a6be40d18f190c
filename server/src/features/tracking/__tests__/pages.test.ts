import { maskEmail, unsubscribePage } from '../pages';

test('an address is masked down to its first letter and its domain', () => {
  expect(maskEmail('ann@example.com')).toBe('a***@example.com');
  expect(maskEmail('a@example.com')).toBe('a***@example.com');
  expect(maskEmail('first.last@sub.example.org')).toBe('f***@sub.example.org');
  expect(maskEmail('@example.com')).toBe('***');
});

test('the unsubscribe page escapes what it shows and posts the one-click body', () => {
  const html = unsubscribePage({
    kind: 'form',
    maskedEmail: '<***@example.com',
    action: 'https://news.example.com/api/campaigns/t/u/1.x"y',
  });
  expect(html).toContain('&lt;***@example.com');
  expect(html).toContain('action="https://news.example.com/api/campaigns/t/u/1.x&quot;y"');
  expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
  expect(html).not.toContain('<script');
  expect(unsubscribePage({ kind: 'invalid' })).toContain('nothing was changed');
});
