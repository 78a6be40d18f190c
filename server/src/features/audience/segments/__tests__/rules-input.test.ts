import { rulesInput } from '../rules';

const groups = (levels: number, inner: unknown = { field: 'email', operator: 'in', value: ['a@b.c'] }): unknown =>
  JSON.parse(`${'{"match":"all","rules":['.repeat(levels)}${JSON.stringify(inner)}${']}'.repeat(levels)}`);
const messages = (input: unknown) => rulesInput.safeParse(input).error?.issues.map((i) => i.message);

test('rules six groups deep with a value list at the bottom pass', () => {
  expect(rulesInput.safeParse(groups(6)).success).toBe(true);
});

test.each([7, 1000, 100_000])('rules %d groups deep are refused with the count, before the recursive schema runs', (levels) => {
  expect(messages(groups(levels))).toEqual([`rules are nested ${levels} groups deep; at most 6`]);
});

test('more than 200 conditions are refused before parsing', () => {
  const rules = {
    match: 'any',
    rules: Array.from({ length: 150 }, () => ({
      match: 'all',
      rules: [
        { field: 'email', operator: 'isSet' },
        { field: 'email', operator: 'isSet' },
      ],
    })),
  };
  expect(messages(rules)).toEqual(['rules hold 300 conditions; at most 200']);
});

test('a value nested deep inside a condition is refused by its JSON depth', () => {
  const deepValue = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  expect(messages({ match: 'all', rules: [{ field: 'email', operator: 'in', value: deepValue }] })).toEqual([
    'nested deeper than 15 levels (at rules.0.value…)',
  ]);
});

test('a cyclic object handed over by code ends', () => {
  const cyclic: { match: string; rules: unknown[] } = { match: 'all', rules: [] };
  cyclic.rules.push(cyclic);
  expect(messages(cyclic)?.[0]).toMatch(/^rules are nested \d+ groups deep; at most 6$/);
});
