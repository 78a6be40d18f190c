import { DEFAULT_SITE_SETTINGS } from '../../../../../shared/contracts/site-settings';
import { pageContextOf, renderPage } from '../../../public-pages';
import { maskEmail, notFoundContent, unsubscribeContent } from '../pages';

const contextIn = (contactLocale: string | null) =>
  pageContextOf(DEFAULT_SITE_SETTINGS, null, { contactLocale, acceptLanguage: undefined });

test('an address is masked down to its first letter and its domain', () => {
  expect(maskEmail('ann@example.com')).toBe('a***@example.com');
  expect(maskEmail('a@example.com')).toBe('a***@example.com');
  expect(maskEmail('first.last@sub.example.org')).toBe('f***@sub.example.org');
  expect(maskEmail('@example.com')).toBe('***');
});

test('the unsubscribe page escapes what it shows and posts the one-click body', () => {
  const context = contextIn(null);
  const html = renderPage(
    context,
    unsubscribeContent(context, {
      kind: 'form',
      maskedEmail: '<***@example.com',
      action: 'https://news.example.com/api/campaigns/t/u/1.x"y',
      contactLocale: null,
    })
  );
  expect(html).toContain('<strong>&lt;***@example.com</strong>');
  expect(html).toContain('action="https://news.example.com/api/campaigns/t/u/1.x&quot;y"');
  expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
  expect(html).not.toContain('<script');
  expect(renderPage(context, unsubscribeContent(context, { kind: 'invalid' }))).toContain('nothing was changed');
});

test("every page speaks the contact's language", () => {
  const done = { kind: 'done', maskedEmail: 'a***@example.com', contactLocale: 'de-AT' } as const;
  const german = contextIn(done.contactLocale);
  expect(unsubscribeContent(german, done)).toEqual({
    title: 'Abgemeldet',
    body: '<h1>Sie sind abgemeldet</h1>\n<p><strong>a***@example.com</strong> erhält keine E-Mails mehr von uns.</p>',
  });
  expect(notFoundContent(contextIn('es')).title).toBe('No encontrado');
  expect(renderPage(contextIn('fr'), unsubscribeContent(contextIn('fr'), { kind: 'test' }))).toContain('<html lang="fr">');
});
