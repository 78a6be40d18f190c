import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIMITS, parseGenerated, parseTemplate, renderRuns, renderTemplate } from '../liquid';

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
  ['{% if contact.firstName %}unclosed', /not closed/],
])('refuses %s when it is parsed', (source, message) => {
  expect(() => parseTemplate('content', source, 'html')).toThrow(message);
});

// The file sits in the working directory, where liquidjs looks by default: only the engine's empty
// roots keep it out of reach.
describe('a template cannot read a file, even one that exists', () => {
  const cwd = process.cwd();
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'liquid-files-'));
    fs.writeFileSync(path.join(folder, 'secrets'), 'TOP SECRET');
    process.chdir(folder);
  });
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test.each(['include', 'render', 'layout'])('%s of an existing file is refused when parsed', (tag) => {
    expect(() => parseTemplate('content', `{% ${tag} "secrets" %}`, 'html')).toThrow('content: ENOENT: Failed to lookup "secrets" in ""');
  });

  test('nor through a template the plugin generates, which is parsed without checks', () => {
    const templates = parseGenerated('content', '[{% include "secrets" %}]', 'html');
    expect(() => renderTemplate('content', templates, {}, 'html')).toThrow('content: ENOENT: Failed to lookup "secrets" in ""');
  });
});

test('a loop over a huge range stops at the render limit with a clear error, on its second try', () => {
  // The limit is on time; the test sets the time: each reading of the clock is a millisecond later.
  let now = 0;
  const clock = jest.spyOn(performance, 'now').mockImplementation(() => ++now);
  try {
    const templates = parseTemplate('content', '{% for i in (1..100000) %}{{ i }}{% endfor %}', 'html');
    expect(() => renderTemplate('content', templates, { contact }, 'html')).toThrow('content: template render limit exceeded');
    expect(now).toBeGreaterThan(2 * LIMITS.render);
    expect(now).toBeLessThan(2 * LIMITS.render + 20);
  } finally {
    clock.mockRestore();
  }
});

describe('a pause of the machine during a render is not the template’s fault', () => {
  const source = '{% for i in (1..3) %}{{ i }}{% endfor %} {{ contact.firstName }}';
  /** A clock that jumps once, by more than the limit, at its `at`th reading: a collection, or the process off the cores. */
  const pausedOnce = (at: number) => {
    let readings = 0;
    let now = 0;
    return jest.spyOn(performance, 'now').mockImplementation(() => {
      readings += 1;
      now += readings === at ? LIMITS.render * 4 : 1;
      return now;
    });
  };

  test('renderTemplate renders it on its second try', () => {
    const clock = pausedOnce(3);
    try {
      expect(render(source, { contact })).toBe('123 Ann');
    } finally {
      clock.mockRestore();
    }
  });

  test('renderRuns renders every run again in a new context, its assigns from the start', () => {
    // Runs of one template, as the plugin cuts them: parsed without the per-source checks.
    const runs = ['{% assign greeting = "Hi" %}{% for i in (1..3) %}{{ i }}{% endfor %}', '{{ greeting }} {{ contact.firstName }}'].map(
      (run) => parseGenerated('content', run, 'text')
    );
    const clock = pausedOnce(4);
    try {
      expect(renderRuns('content', runs, { contact }, 'text')).toEqual(['123', 'Hi Ann']);
    } finally {
      clock.mockRestore();
    }
  });
});

test('a dynamic key cannot walk the prototype either', () => {
  expect(render('{% assign k = "constructor" %}[{{ contact[k] }}]', { contact })).toBe('[]');
});
