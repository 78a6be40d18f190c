import { joinHtmlBytes, joinHtmlText, splitHtml } from '../html-bytes';
import { parseGenerated, renderRuns } from '../liquid';

const pieces = (source: string) => splitHtml(parseGenerated('content', source, 'html'));
const render = (source: string, data: object, eightBit = true) => {
  const html = pieces(source);
  const rendered = renderRuns('content', html.runs, data, 'html');
  return { html, rendered, text: joinHtmlText(html, rendered), bytes: joinHtmlBytes(html, rendered, eightBit) };
};

test('fixed HTML and rendered runs join into the same bytes as the rendered text', () => {
  const source =
    '<p>Hello {{ contact.firstName }},</p>\r\n{% if contact.plan == "pro" %}<p>Pro</p>\r\n{% else %}<p>Free</p>\r\n{% endif %}<a href="{{ _links.l0 }}">go</a>';
  const html = pieces(source);
  expect(html.runs).toHaveLength(3);
  for (const contact of [
    { firstName: 'Ann', plan: 'pro' },
    { firstName: 'Zoë <b>', plan: 'free' },
  ]) {
    const { text, bytes } = render(source, { contact, _links: { l0: 'https://t.example/c/1' } });
    expect(Buffer.concat(bytes!.chunks).toString()).toBe(text);
    expect(bytes!.encoding).toBe(contact.firstName === 'Ann' ? '7bit' : '8bit');
  }
  expect(render(source, { contact: { firstName: 'Ann' } }).text).toContain('Hello Ann,</p>\r\n<p>Free</p>');
});

test('an assign in one run is seen by the next, as in one template', () => {
  const { text } = render('{% assign who = contact.firstName | upcase %}<p>x</p>{{ who }}', { contact: { firstName: 'ann' } });
  expect(text).toBe('<p>x</p>ANN');
});

test('the text path takes over for 8-bit text without 8BITMIME, bare line breaks and long lines', () => {
  expect(render('<p>{{ contact.firstName }}</p>', { contact: { firstName: 'Zoë' } }, false).bytes).toBeNull();
  expect(render('<p>{{ contact.note | raw }}</p>', { contact: { note: 'a\nb' } }).bytes).toBeNull();
  // A merged value that makes its line longer than 998 octets, though each piece is short.
  expect(render(`<p>${'x'.repeat(600)}{{ contact.note }}</p>`, { contact: { note: 'y'.repeat(400) } }).bytes).toBeNull();
  expect(render(`<p>${'x'.repeat(500)}{{ contact.note }}</p>`, { contact: { note: 'y'.repeat(400) } }).bytes).not.toBeNull();
});

test('a merged value that starts a line with a dot makes the body unsafe for raw DATA', () => {
  expect(render('<p>a</p>\r\n{{ contact.note }}', { contact: { note: '.x' } }).bytes?.dataSafe).toBe(false);
  expect(render('<p>a</p>{{ contact.note }}', { contact: { note: '.x' } }).bytes?.dataSafe).toBe(true);
  expect(render('{{ contact.note }}<p>a</p>', { contact: { note: '.x' } }).bytes?.dataSafe).toBe(false);
});
