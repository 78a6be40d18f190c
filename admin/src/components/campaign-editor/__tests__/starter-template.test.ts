import { compileContent } from '../../../../../server/src/content/compile';
import { renderMessage } from '../../../../../server/src/content/render';
import { STARTER_MJML } from '../starter-template';

test("the starter template carries the unsubscribe link and the sender's postal address", async () => {
  const compiled = await compileContent({ subject: 'Hi', preheader: null, content: STARTER_MJML, plainText: null });
  const { html, text } = renderMessage(compiled, {
    contact: { email: 'ann@example.org', firstName: 'Ann', lastName: null, locale: null, timezone: null, attributes: {} },
    campaign: { name: 'c', subject: 'Hi', fromName: null, fromEmail: null },
    urls: {
      unsubscribe: 'https://t.example/u/1',
      preferences: 'https://t.example/p/1',
      viewInBrowser: 'https://t.example/v/1',
      open: 'https://t.example/o/1',
      links: {},
    },
    postalAddress: '12 Harbour Street, Portland',
  });
  expect(html).toContain('<a href="https://t.example/u/1">Unsubscribe</a>');
  expect(html).toContain('12 Harbour Street, Portland');
  expect(text).toContain('12 Harbour Street, Portland');
});
