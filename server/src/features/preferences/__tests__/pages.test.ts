import { DEFAULT_SITE_SETTINGS } from '../../../../../shared/contracts/site-settings';
import { pageContextOf } from '../../../public-pages';
import { BUILT_IN_LANGUAGES } from '../../../public-pages/locales';
import { maskEmail, preferencesPage, refusalPage, sayer, undoPage, unsubscribePage } from '../pages';

const sayIn = (contactLocale: string | null) =>
  sayer(pageContextOf(DEFAULT_SITE_SETTINGS, null, { contactLocale, acceptLanguage: undefined }));
const say = sayIn(null);

test('an address is masked down to its first letter and its domain', () => {
  expect(maskEmail('ann@example.com')).toBe('a***@example.com');
  expect(maskEmail('a@example.com')).toBe('a***@example.com');
  expect(maskEmail('first.last@sub.example.org')).toBe('f***@sub.example.org');
  expect(maskEmail('@example.com')).toBe('***');
});

test('the unsubscribe page escapes what it shows and posts the one-click body', () => {
  const { body } = unsubscribePage(say, {
    kind: 'form',
    maskedEmail: '<***@example.com',
    action: 'https://news.example.com/api/campaigns/t/u/1.x"y',
  });
  expect(body).toContain('<strong>&lt;***@example.com</strong>');
  expect(body).toContain('action="https://news.example.com/api/campaigns/t/u/1.x&quot;y"');
  expect(body).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
  expect(body).not.toContain('<script');
  expect(unsubscribePage(say, { kind: 'invalid' }).body).toContain('nothing was changed');
});

test('the done page offers the undo form with its token, and the preferences link', () => {
  const { title, body } = unsubscribePage(say, {
    kind: 'done',
    maskedEmail: 'a***@example.com',
    preferencesUrl: 'https://news.example.com/api/campaigns/t/p/1.abc',
    undo: { action: 'https://news.example.com/api/campaigns/t/u/1.2.3.abc/undo', token: '1.2.3.abc' },
  });
  expect(title).toBe('Unsubscribed');
  expect(body).toContain('<form method="post" action="https://news.example.com/api/campaigns/t/u/1.2.3.abc/undo">');
  expect(body).toContain('<input type="hidden" name="token" value="1.2.3.abc">');
  expect(body).toContain('<a href="https://news.example.com/api/campaigns/t/p/1.abc">');
});

test('the preference page has a labelled checkbox per topic, its choices ticked, and the right last form', () => {
  const view = {
    kind: 'page' as const,
    maskedEmail: 'a***@example.com',
    action: 'https://news.example.com/api/campaigns/t/p/1.abc',
    token: '1.abc',
    topics: [
      { documentId: 'doc1', name: 'News & <views>', description: 'Weekly', checked: true },
      { documentId: 'doc2', name: 'Offers', description: null, checked: false },
    ],
    status: 'subscribed' as const,
    notice: 'saved' as const,
  };
  const { body } = preferencesPage(say, view);
  expect(body).toContain(
    '<input type="checkbox" id="topic-0" name="topics" value="doc1" checked aria-describedby="topic-0-about"> <label for="topic-0">News &amp; &lt;views&gt;</label>'
  );
  expect(body).toContain('<input type="checkbox" id="topic-1" name="topics" value="doc2"> <label for="topic-1">Offers</label>');
  expect(body).toContain('<p role="status">Your choices are saved.</p>');
  expect(body.match(/<input type="hidden" name="token" value="1.abc">/g)).toHaveLength(2);
  expect(body).toContain('value="unsubscribe"');
  expect(body).not.toContain('value="resubscribe"');
  expect(preferencesPage(say, { ...view, status: 'unsubscribed' }).body).toContain('value="resubscribe"');
  const notMailed = preferencesPage(say, { ...view, status: 'not-mailed' }).body;
  expect(notMailed).not.toContain('value="resubscribe"');
  expect(notMailed).not.toContain('value="unsubscribe"');
});

test('every page speaks the contact’s language, in each built-in one', () => {
  expect(Object.keys(BUILT_IN_LANGUAGES).sort()).toEqual(['de', 'en', 'es', 'fr']);
  const german = sayIn('de-AT');
  expect(undoPage(german, { kind: 'expired', preferencesUrl: null }).title).toBe('Zu spät zum Rückgängigmachen');
  expect(refusalPage(sayIn('fr'), { kind: 'refused', reason: 'other-token', back: null }).title).toBe("Rien n'a été modifié");
  const spanish = preferencesPage(sayIn('es'), {
    kind: 'page',
    maskedEmail: 'a***@example.com',
    action: 'https://news.example.com/api/campaigns/t/p/1.abc',
    token: '1.abc',
    topics: [],
    status: 'unsubscribed',
    notice: null,
  });
  expect(spanish.title).toBe('Sus preferencias de correo');
  expect(spanish.body).toContain('Elija qué enviamos a <strong>a***@example.com</strong>.');
  expect(spanish.body).toContain('Volver a suscribirme');
});
