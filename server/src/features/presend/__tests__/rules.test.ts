import { errorsFirst, GMAIL_CLIP_BYTES, linkFindings, messageFindings, webLinksOf, type CheckedMessage } from '../rules';

const UNSUBSCRIBE = 'https://site.example/api/campaigns/t/u/abc';
// The site's own links are over plain http here (a local site): not the editor's to fix.
const VIEW = 'http://site.example/api/campaigns/v/abc';
const FOOTER = `<p>Northwind Coffee, 1 Main Street, Springfield</p><a href="${UNSUBSCRIBE}">Unsubscribe</a> <a href="${VIEW}">View online</a>`;
const TEXT = 'Our spring menu is here. '.repeat(20) + 'Northwind Coffee, 1 Main Street, Springfield';

const message = (over: Partial<CheckedMessage> = {}): CheckedMessage => ({
  subject: 'Spring is here',
  preheader: 'The new menu',
  html: `<html><body><p>Our spring menu</p><img src="https://cdn.example/menu.png" alt="The menu" width="600">${FOOTER}<img src="data:," width="1" height="1" alt=""></body></html>`,
  text: TEXT,
  sources: [{ part: 'content', source: '<mj-text>Hello {{ contact.firstName | default: "friend" }}</mj-text>' }],
  optOutUrls: [UNSUBSCRIBE],
  ownUrls: [UNSUBSCRIBE, VIEW],
  postalAddress: '1 Main Street,\n Springfield',
  ...over,
});
const rules = (over: Partial<CheckedMessage> = {}) => messageFindings(message(over)).map((f) => [f.rule, f.severity, f.part, f.at]);

test('a campaign with a subject, a preheader, its opt-out and postal address, described images and enough text passes', () => {
  expect(messageFindings(message())).toEqual([]);
});

test('the subject: empty is an error; too long, shouting or with spam phrases a warning', () => {
  expect(rules({ subject: '  ' })).toEqual([['subject-empty', 'error', 'subject', null]]);
  expect(rules({ subject: 'x'.repeat(81) })).toEqual([['subject-long', 'warning', 'subject', null]]);
  expect(rules({ subject: 'BIG SALE TODAY ONLY' })).toEqual([['subject-caps', 'warning', 'subject', null]]);
  expect(rules({ subject: 'A GREAT day' })).toEqual([]);
  expect(rules({ subject: 'Click here: you are a WINNER' })).toEqual([
    ['subject-spam-phrase', 'warning', 'subject', 'click here'],
    ['subject-spam-phrase', 'warning', 'subject', 'winner'],
  ]);
});

test('no preheader, and HTML Gmail would clip, are found', () => {
  expect(rules({ preheader: null })).toEqual([['preheader-missing', 'warning', 'preheader', null]]);
  const big = message().html.replace('<p>', `<p>${'a'.repeat(GMAIL_CLIP_BYTES)}`);
  expect(rules({ html: big })).toEqual([['html-clipped', 'error', 'content', null]]);
});

test('the law: a body without its unsubscribe link, or without the postal address (or a site without one), is an error', () => {
  expect(rules({ html: message().html.replace(`href="${UNSUBSCRIBE}"`, 'href="https://site.example/"') })).toEqual([
    ['unsubscribe-missing', 'error', 'content', null],
  ]);
  expect(rules({ text: 'Our spring menu is here. '.repeat(20) })).toEqual([['postal-address-missing', 'error', 'content', null]]);
  expect(messageFindings(message({ postalAddress: null }))).toEqual([
    expect.objectContaining({ rule: 'postal-address-missing', message: expect.stringMatching(/sending\.postalAddress/) }),
  ]);
});

test('images without alternative text, and too little text for the images, are warnings; the open pixel is no image', () => {
  const html = message().html.replace('alt="The menu"', 'alt=""').replace('<p>', '<p><img src="https://cdn.example/a.png">');
  expect(rules({ html, text: 'Short. Northwind Coffee, 1 Main Street, Springfield' })).toEqual([
    ['image-alt-missing', 'warning', 'content', 'https://cdn.example/a.png'],
    ['image-alt-missing', 'warning', 'content', 'https://cdn.example/menu.png'],
    ['image-text-ratio', 'warning', 'content', null],
  ]);
});

test('links that are not web addresses are errors, unencrypted ones warnings; mailto and tel are fine', () => {
  const html = message().html.replace(
    '<p>',
    '<p><a href="javascript:alert(1)">x</a><a href="http://old.example/">y</a><a href="mailto:hi@example.com">z</a><a href="tel:+331">t</a>'
  );
  expect(rules({ html })).toEqual([
    ['link-unsafe', 'error', 'content', 'javascript:alert(1)'],
    ['link-insecure', 'warning', 'content', 'http://old.example/'],
  ]);
});

test('merge tags without a fallback are warnings where they are written; the address and defaulted ones are not', () => {
  expect(
    rules({
      sources: [
        { part: 'subject', source: 'Hi {{ contact.firstName }}, {{contact.email}}' },
        { part: 'content', source: '{{ contact.attributes.city }} {{ contact.lastName | default: "" }} {{ contact.attributes.city }}' },
        { part: 'plainText', source: null },
      ],
    })
  ).toEqual([
    ['merge-tag-fallback', 'warning', 'subject', '{{ contact.firstName }}'],
    ['merge-tag-fallback', 'warning', 'content', '{{ contact.attributes.city }}'],
  ]);
});

test("the links to fetch are the message's web links, each once, not the plugin's own; a link check's verdicts become findings", () => {
  const html = `<a href="https://a.example/?x=1&amp;y=2">a</a><a href='https://a.example/?x=1&y=2'>again</a><a href="${UNSUBSCRIBE}">u</a><a href="mailto:x@y.z">m</a>`;
  expect(webLinksOf(html, [UNSUBSCRIBE])).toEqual(['https://a.example/?x=1&y=2']);
  const findings = linkFindings([
    { url: 'https://ok.example/', outcome: 'ok', status: 200, detail: 'answered 200' },
    { url: 'https://gone.example/', outcome: 'broken', status: 404, detail: 'answered 404' },
    { url: 'http://10.0.0.1/', outcome: 'unsafe', status: null, detail: '10.0.0.1 is a private or reserved address' },
    { url: 'https://slow.example/', outcome: 'unchecked', status: null, detail: 'slow.example could not be reached: timeout' },
  ]);
  expect(findings.map((f) => [f.rule, f.severity, f.part, f.at])).toEqual([
    ['link-broken', 'error', 'links', 'https://gone.example/'],
    ['link-unsafe', 'error', 'links', 'http://10.0.0.1/'],
    ['link-unchecked', 'warning', 'links', 'https://slow.example/'],
  ]);
  expect(errorsFirst([findings[2], findings[0]]).map((f) => f.rule)).toEqual(['link-broken', 'link-unchecked']);
});
