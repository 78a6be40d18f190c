import { roundTripLoss, unrepresentableParts } from '../representable';
import { STARTER_MJML } from '../../starter-template';

const body = (inner: string, head = '') => `<mjml>${head ? `<mj-head>${head}</mj-head>` : ''}<mj-body>${inner}</mj-body></mjml>`;
const section = (inner: string) => `<mj-section><mj-column>${inner}</mj-column></mj-section>`;

describe('unrepresentableParts', () => {
  test.each([
    ['the starter template', STARTER_MJML],
    ['an empty document (the builder starts one)', ''],
    [
      'Liquid in text, in a link and in an attribute',
      body(
        section(
          `<mj-text>Hi {{ contact.firstName | default: 'there' }} <a href="{{ unsubscribe_url }}">x</a></mj-text><mj-button href="{{ preferences_url }}">Prefs</mj-button>`
        )
      ),
    ],
    ['a Liquid block inside a text', body(section('<mj-text>{% if contact.firstName %}Hi {{ contact.firstName }}{% endif %}</mj-text>'))],
    ['Liquid inside raw HTML', body('<mj-raw>{% for i in (1..2) %}<p>{{ i }}</p>{% endfor %}</mj-raw>')],
    [
      'a filter in single quotes with a Liquid brace in an attribute value',
      body(`<mj-strapi-entries type="api::article.article" latest="3" filter='{"tag":{"$eq":"a"}}' />`),
    ],
    ['comments between sections', body(`<!-- top -->${section('<mj-text>x</mj-text>')}`)],
    [
      'the head parts the builder keeps',
      body(
        section('<mj-text>x</mj-text>'),
        '<mj-title>T</mj-title><mj-preview>P {{ contact.firstName }}</mj-preview><mj-attributes><mj-all font-family="Arial" /><mj-class name="blue" color="blue" /></mj-attributes><mj-style>.a { color: red; }</mj-style><mj-breakpoint width="320px" />'
      ),
    ],
    ['HTML named like MJML inside a text', body(section('<mj-text><mj-whatever>kept as HTML</mj-whatever></mj-text>'))],
  ])('%s opens in the builder', (_, mjml) => {
    expect(unrepresentableParts(mjml)).toEqual([]);
  });

  test('a Liquid condition around a section stays in code', () => {
    const mjml = body(`{% if contact.locale == "fr" %}${section('<mj-text>Bonjour</mj-text>')}{% endif %}`);
    expect(unrepresentableParts(mjml)).toEqual([
      { kind: 'liquid-outside-text', code: '{% if contact.locale == "fr" %}' },
      { kind: 'liquid-outside-text', code: '{% endif %}' },
    ]);
  });

  test('Liquid between columns or as an output among sections stays in code', () => {
    expect(unrepresentableParts(body(`<mj-section>{% for x in (1..2) %}<mj-column></mj-column>{% endfor %}</mj-section>`))).toContainEqual({
      kind: 'liquid-outside-text',
      code: '{% for x in (1..2) %}',
    });
    expect(unrepresentableParts(body('{{ campaign.name }}'))).toEqual([{ kind: 'liquid-outside-text', code: '{{ campaign.name }}' }]);
  });

  test('Liquid among the attributes of an element, not in a value, stays in code', () => {
    expect(unrepresentableParts(body(section('<mj-text {% if x %}color="red"{% endif %}>x</mj-text>')))).toEqual([
      { kind: 'liquid-in-tag', code: '{% if x %}' },
      { kind: 'liquid-in-tag', code: '{% endif %}' },
    ]);
  });

  test('elements without a builder component stay in code, their insides not reported again', () => {
    const mjml = body(section('<mj-table><tr><td>{{ x }}</td></tr></mj-table><mj-accordion><mj-accordion-element /></mj-accordion>'));
    expect(unrepresentableParts(mjml)).toEqual([
      { kind: 'unsupported-element', tag: 'mj-table' },
      { kind: 'unsupported-element', tag: 'mj-accordion' },
    ]);
  });

  test('a head part the builder does not keep stays in code', () => {
    expect(unrepresentableParts(body('', '<mj-include path="./header.mjml" />'))).toEqual([{ kind: 'head-part', tag: 'mj-include' }]);
  });

  test('characters the builder would write as entities stay in code', () => {
    expect(unrepresentableParts(body(section('<mj-text>{% if a > b %}x{% endif %}</mj-text>')))).toEqual([
      { kind: 'escaped-characters', code: '{% if a > b %}' },
    ]);
    expect(unrepresentableParts(body('', '<mj-style>.a > p { color: red; }</mj-style>'))).toEqual([
      { kind: 'escaped-characters', code: '.a > p { color: red; }' },
    ]);
  });

  test('a document that is not MJML stays in code', () => {
    expect(unrepresentableParts('<html><body>Hello</body></html>')).toEqual([{ kind: 'not-mjml' }]);
    expect(unrepresentableParts('Hello {{ contact.firstName }}')).toEqual([{ kind: 'not-mjml' }]);
  });

  test('the same problem twice is reported once', () => {
    expect(unrepresentableParts(body(`{% endif %}${section('<mj-text>x</mj-text>')}{% endif %}`))).toHaveLength(1);
  });
});

describe('roundTripLoss', () => {
  const before = body(
    section(`<mj-text>Hi {{ contact.firstName | default: 'there' }}</mj-text><mj-button href="{{ unsubscribe_url }}">x</mj-button>`)
  );

  test('the same Liquid and elements, however laid out, is no loss', () => {
    const after = before.replace(/></g, '>\n  <');
    expect(roundTripLoss(before, after)).toBeNull();
  });

  test('a changed, lost or added Liquid tag is a loss', () => {
    expect(roundTripLoss(before, before.replace("'there'", '&#039;there&#039;'))).toEqual({
      kind: 'round-trip',
      detail: "{{ contact.firstName | default: 'there' }}",
    });
    expect(roundTripLoss(before, before.replace('{{ unsubscribe_url }}', ''))).toEqual({
      kind: 'round-trip',
      detail: '{{ unsubscribe_url }}',
    });
    expect(roundTripLoss(before, before.replace('Hi', 'Hi {{ x }}'))).toMatchObject({ kind: 'round-trip' });
  });

  test('a lost element is a loss', () => {
    const withDivider = body(section('<mj-text>x</mj-text><mj-divider />'));
    expect(roundTripLoss(withDivider, withDivider.replace('<mj-divider />', ''))).toEqual({ kind: 'round-trip', detail: '<mj-divider>' });
  });
});
