import { addDays, daysOfView, rangeOf, stepAnchor } from '../calendar-grid';

test('a month view is the full weeks, Monday first, that touch the month', () => {
  const weeks = daysOfView('month', '2026-12-17');
  expect(weeks).toHaveLength(5);
  expect(weeks[0][0]).toBe('2026-11-30');
  expect(weeks[4][6]).toBe('2027-01-03');
  expect(weeks.flat()).toContain('2026-12-01');
  // February 2027 starts on a Monday and takes exactly four weeks.
  expect(daysOfView('month', '2027-02-10').map((week) => week[0])).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
  // A month that starts on a Sunday spills over six rows.
  expect(daysOfView('month', '2026-03-05')).toHaveLength(6);
});

test('a week view is the week of its anchor, Monday to Sunday', () => {
  expect(daysOfView('week', '2026-12-09')).toEqual([
    ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'],
  ]);
  expect(daysOfView('week', '2026-12-13')[0][0]).toBe('2026-12-07');
});

test('stepping moves by a week or to the first of the next or previous month, across years', () => {
  expect(stepAnchor('week', '2026-12-30', 1)).toBe('2027-01-06');
  expect(stepAnchor('month', '2026-12-30', 1)).toBe('2027-01-01');
  expect(stepAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
});

test("the range asked of the server is a day wider than the view's days on each side", () => {
  expect(rangeOf(daysOfView('week', '2026-12-09'))).toEqual({ from: '2026-12-06T00:00:00.000Z', to: '2026-12-15T00:00:00.000Z' });
});
