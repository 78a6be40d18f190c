import { importOptionsSchema, planColumns } from '../options';

const header = ['Email', 'First name', 'Plan', 'Notes'];

test('plans columns by index', () => {
  expect(planColumns(header, { Email: 'email', 'First name': 'firstName', Plan: 'attribute:plan', Notes: 'ignore' })).toEqual({
    email: 0,
    fields: { firstName: 1 },
    attributes: [['plan', 2]],
  });
});

test.each([
  [{ Mail: 'email' }, /column "Mail" is not in the file \(its columns: "Email", "First name", "Plan", "Notes"\)/],
  [{ 'First name': 'firstName' }, /no column maps to email/],
  [{ Email: 'email', Notes: 'email' }, /columns "Email" and "Notes" both map to email/],
  [{ Email: 'email', Plan: 'attribute:x', Notes: 'attribute:x' }, /both map to attribute:x/],
])('refuses %j', (mapping, message) => {
  expect(() => planColumns(header, mapping as never)).toThrow(message);
});

test('a duplicated header column cannot be mapped', () => {
  expect(() => planColumns(['Email', 'Email'], { Email: 'email' })).toThrow(/appears twice/);
});

test('options: defaults, and targets checked', () => {
  expect(importOptionsSchema.parse({ mapping: { Email: 'email' }, consent: { source: 'fair' } })).toEqual({
    mapping: { Email: 'email' },
    topics: [],
    updateExisting: false,
    consent: { source: 'fair', text: null },
  });
  const bad = importOptionsSchema.safeParse({ mapping: { Email: 'mail', X: 'attribute:1x' }, consent: { source: '' }, delimiter: ':' });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['consent.source', 'delimiter', 'mapping.Email', 'mapping.X']);
});
