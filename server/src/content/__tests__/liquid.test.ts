import { parseTemplate, renderTemplate } from '../liquid';

const render = (source: string, data: object = {}, kind: 'html' | 'text' = 'html') =>
  renderTemplate('content', parseTemplate('content', source, kind), data, kind);

const contact = { firstName: 'Ann', attributes: { items: ['a', 'b'], plan: 'pro' } };

test('merges contact fields, escaping them in HTML and not in text', () => {
  expect(render('Hi {{ contact.firstName }}', { contact: { firstName: '<b>Ann</b>' } })).toBe('Hi &lt;b&gt;Ann&lt;/b&gt;');
  expect(render('Hi {{ contact.firstName }}', { contact: { firstName: '<b>Ann</b>' } }, 'text')).toBe('Hi <b>Ann</b>');
  expect(render('{% if contact.attributes.plan == "pro" %}Pro{% else %}Free{% endif %}', { contact })).toBe('Pro');
  expect(render('{% for i in contact.attributes.items %}{{ i }}{% endfor %}', { contact })).toBe('ab');
  expect(render("{{ contact.lastName | default: 'friend' }}", { contact })).toBe('friend');
});

test.each([
  ['{{ constructor }}', /"constructor" reads "constructor", which templates may not read/],
  ['{{ process.env.HOME }}', /unknown variable "process.env.HOME"/],
  ['{{ contact.constructor.name }}', /reads "constructor"/],
  ["{{ contact['__proto__'] }}", /reads "__proto__"/],
  ['{% for i in contact.attributes.items %}{{ i.constructor }}{% endfor %}', /reads "constructor"/],
  ['{% assign p = contact %}{{ p.prototype }}', /reads "prototype"/],
  ['{{ contact.firstName | nofilter }}', /undefined filter: nofilter/],
  ['{% include "secrets" %}', /./],
  ['{% if contact.firstName %}unclosed', /not closed/],
])('refuses %s when it is parsed', (source, message) => {
  expect(() => parseTemplate('content', source, 'html')).toThrow(message);
});

test('a loop over a huge range stops at the render limit with a clear error', () => {
  const templates = parseTemplate('content', '{% for i in (1..100000000) %}{{ i }}{% endfor %}', 'html');
  const started = Date.now();
  expect(() => renderTemplate('content', templates, { contact }, 'html')).toThrow(/content: .*(limit|exceeded)/i);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('a dynamic key cannot walk the prototype either', () => {
  expect(render('{% assign k = "constructor" %}[{{ contact[k] }}]', { contact })).toBe('[]');
});
