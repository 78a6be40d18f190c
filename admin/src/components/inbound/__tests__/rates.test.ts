import { formatRate, RATE_VARIANT } from '../rates';

test('a rate reads as a percentage with at most two decimals, a dash when nothing was sent', () => {
  expect(formatRate(0.003)).toBe('0.3%');
  expect(formatRate(0.0025)).toBe('0.25%');
  expect(formatRate(2 / 9)).toBe('22.22%');
  expect(formatRate(0)).toBe('0%');
  expect(formatRate(null)).toBe('—');
});

test('each status has its colour', () => {
  expect(RATE_VARIANT).toEqual({ ok: 'success', warning: 'warning', danger: 'danger' });
});
