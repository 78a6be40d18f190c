import { checkRow } from '../row';

const plan = {
  email: 0,
  fields: { firstName: 1, lastName: 2, timezone: 3, locale: 4 },
  attributes: [['plan', 5]] as Array<[string, number]>,
};
const row = (...fields: string[]) => checkRow(fields, plan, 6);

test('normalises a good row like the contacts API, empty cells becoming null', () => {
  expect(row(' Jane@Bücher.Example ', ' Jane ', '', 'Europe/Paris', 'fr-CA', 'pro')).toEqual({
    ok: true,
    contact: {
      email: 'Jane@xn--bcher-kva.example',
      emailHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      firstName: 'Jane',
      lastName: null,
      timezone: 'Europe/Paris',
      locale: 'fr-CA',
      attributes: { plan: 'pro' },
    },
  });
  expect(row('a@x.io', '', '', '', '', '')).toMatchObject({ ok: true, contact: { attributes: null, timezone: null } });
});

test('keeps a formula-looking name as text', () => {
  expect(row('f@x.io', '=HYPERLINK("http://evil.example","click")', '', '', '', '')).toMatchObject({
    ok: true,
    contact: { firstName: '=HYPERLINK("http://evil.example","click")' },
  });
});

test('reads back what an export escaped: the quote before a formula character goes', () => {
  expect(row("'-dash@x.io", "'=1+1", "'Brien", '', '', "'@x")).toMatchObject({
    ok: true,
    contact: { email: '-dash@x.io', firstName: '=1+1', lastName: "'Brien", attributes: { plan: '@x' } },
  });
});

test.each([
  [['not-an-email', '', '', '', '', ''], /^email: "not-an-email" is not an email address/],
  [['', 'A', '', '', '', ''], /^email: must not be empty/],
  [['a@x.io', 'x'.repeat(201), '', '', '', ''], /^firstName: at most 200 characters/],
  [['a@x.io', '', '', 'Mars/Olympus', '', ''], /^timezone: unknown time zone "Mars\/Olympus"/],
  [['a@x.io', '', '', '', 'not a locale', ''], /^locale: "not a locale" is not a BCP 47 locale/],
  [['a@x.io', '', '', '', '', 'x'.repeat(17 * 1024)], /^attributes: must stay under 16 KB/],
  [['a@x.io', 'too few'], /^the row has 2 values, the header has 6 columns/],
])('rejects %j with a reason', (fields, reason) => {
  const result = row(...fields);
  expect(result.ok).toBe(false);
  expect(result.ok ? '' : result.reason).toMatch(reason);
});
