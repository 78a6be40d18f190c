import { asDriverSendsDate } from '../bulk-insert';

test.each([
  [0, '2026-12-05T13:04:05.678+00:00'],
  [60, '2026-12-05T14:04:05.678+01:00'],
  [-210, '2026-12-05T09:34:05.678-03:30'],
  [345, '2026-12-05T18:49:05.678+05:45'],
])('a date is written as the pg driver writes it: wall time and offset (%i minutes east)', (offset, expected) => {
  expect(asDriverSendsDate(new Date('2026-12-05T13:04:05.678Z'), offset)).toBe(expected);
});

test('by default, what the pg driver itself sends from this process', () => {
  const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string };
  for (const iso of ['2026-01-15T08:00:00.001Z', '2026-07-01T23:59:59.999Z']) {
    expect(asDriverSendsDate(new Date(iso))).toBe(prepareValue(new Date(iso)));
  }
});
