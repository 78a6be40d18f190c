import { formatAttributes, parseAttributes } from '../attributes-json';

test('an empty box clears the attributes', () => {
  expect(parseAttributes('  \n')).toEqual({ ok: true, value: null });
});

test('a JSON object is taken as it is, and shown back indented', () => {
  const parsed = parseAttributes('{"plan": "pro", "seats": 3}');
  expect(parsed).toEqual({ ok: true, value: { plan: 'pro', seats: 3 } });
  expect(formatAttributes({ plan: 'pro' })).toBe('{\n  "plan": "pro"\n}');
  expect(formatAttributes(null)).toBe('');
});

test('text that is not JSON is refused with the parser’s reason', () => {
  const parsed = parseAttributes('{plan: pro}');
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.error.id).toBe('contacts.form.attributesInvalid');
  expect(parsed.error.values?.reason).toMatch(/JSON/);
});

test.each(['[1, 2]', '"pro"', '42', 'null'])('JSON that is not an object (%s) is refused', (text) => {
  const parsed = parseAttributes(text);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.error.id).toBe('contacts.form.attributesNotObject');
});
