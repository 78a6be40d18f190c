import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV, unescapeFormula } from '../../../../csv/safe-csv';
import { EXPORT_COLUMNS, toCsvRecord } from '../contact-record';

const contact = {
  id: 1,
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: null,
  state: 'subscribed',
  timezone: 'Europe/Paris',
  locale: null,
  attributes: '{"plan": "pro"}',
  createdAt: 1795636389487,
};

test('maps a contact to the export columns, whatever form the driver returns', () => {
  expect(EXPORT_COLUMNS).toHaveLength(9);
  expect(toCsvRecord(contact, ['news', 'offers'])).toEqual([
    'ann@example.com',
    'Ann',
    '',
    'subscribed',
    'Europe/Paris',
    '',
    'news|offers',
    '{"plan":"pro"}',
    '2026-11-25T19:53:09.487Z',
  ]);
  expect(toCsvRecord({ ...contact, attributes: { plan: 'pro' }, createdAt: new Date(0) }, [])).toEqual(
    expect.arrayContaining(['{"plan":"pro"}', '1970-01-01T00:00:00.000Z'])
  );
  expect(toCsvRecord({ ...contact, attributes: null, createdAt: '1795636389487' }, [])[7]).toBe('');
});

test.each([
  ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
  ['+1+2', "'+1+2"],
  ['-2', "'-2"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', `"'\rx"`],
  ['\uFF1D1+1', "'\uFF1D1+1"],
  ['Ann', 'Ann'],
  ['a=b', 'a=b'],
])('formula-looking value %j is written as text', (value, written) => {
  expect(stringify([[value]], SAFE_CSV)).toBe(`${written}\n`);
});

test('what escape_formulas adds, unescapeFormula takes away, and nothing else', () => {
  for (const value of ['=HYPERLINK("x")', '+1', '-2', '@a', '\tx', '\uFF1Dx', "O'Brien", "'plain", 'plain']) {
    const [[written]] = parse(stringify([[value]], SAFE_CSV)) as string[][];
    expect(unescapeFormula(written)).toBe(value);
  }
  // The one value that does not come back: text that itself starts with a quote and a formula character.
  expect(unescapeFormula("'=already quoted")).toBe('=already quoted');
});
