import { z } from 'zod';
import { boundedJson, describeJsonPath, findJsonBoundsProblem, type JsonBounds } from '../json-bounds';

const bounds: JsonBounds = { maxDepth: 4, maxEntries: 10, maxStringLength: 8, maxLength: 60 };
const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

test('counts depth as JSON_DEPTH does: a scalar or an empty container is one level', () => {
  expect(findJsonBoundsProblem(1, { ...bounds, maxDepth: 1 })).toBeNull();
  expect(findJsonBoundsProblem({}, { ...bounds, maxDepth: 1 })).toBeNull();
  expect(findJsonBoundsProblem({ a: 1 }, { ...bounds, maxDepth: 1 })).toEqual({ path: ['a'], message: 'nested deeper than 1 levels' });
  expect(findJsonBoundsProblem(nested(3), bounds)).toBeNull();
  expect(findJsonBoundsProblem(nested(4), bounds)).toEqual({ path: ['a', 'a', 'a', 'a'], message: 'nested deeper than 4 levels' });
  expect(findJsonBoundsProblem([[[[]]]], bounds)).toBeNull();
  expect(findJsonBoundsProblem([[[[1]]]], bounds)?.path).toEqual([0, 0, 0, 0]);
});

test('walks a million levels without recursion', () => {
  const deep = nested(1_000_000);
  expect(findJsonBoundsProblem(deep, bounds)?.message).toBe('nested deeper than 4 levels');
});

test('counts keys and array items over the whole value', () => {
  expect(findJsonBoundsProblem({ a: [1, 2, 3], b: [4, 5, 6, 7] }, bounds)).toBeNull();
  expect(findJsonBoundsProblem({ a: [1, 2, 3], b: [4, 5, 6, 7, 8, 9] }, bounds)?.message).toBe('more than 10 keys and items');
  expect(
    findJsonBoundsProblem(
      Array.from({ length: 1_000_000 }, () => 0),
      bounds
    )?.message
  ).toBe('more than 10 keys and items');
});

test('an object graph with a cycle ends at the entry bound', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(findJsonBoundsProblem(cyclic, { ...bounds, maxDepth: 1000, maxLength: 1e9 })?.message).toBe('more than 10 keys and items');
});

test('bounds every string, keys included', () => {
  expect(findJsonBoundsProblem({ a: '12345678' }, bounds)).toBeNull();
  expect(findJsonBoundsProblem({ a: ['123456789'] }, bounds)).toEqual({ path: ['a', 0], message: 'holds a text longer than 8 characters' });
  expect(findJsonBoundsProblem({ abcdefghi: 1 }, bounds)).toEqual({ path: ['abcdefghi'], message: 'has a key longer than 8 characters' });
});

test('measures the length JSON.stringify gives', () => {
  const values: unknown[] = [
    { a: 'x"y\\z\n', b: [1, 2.5, -3e21, true, false, null], c: {}, d: [] },
    ['é', '\u2028', 'ok'],
    { a: { b: { c: 'x' } } },
  ];
  for (const value of values) {
    const length = JSON.stringify(value).length;
    const at = { maxDepth: 10, maxEntries: 100, maxStringLength: 100 };
    expect(findJsonBoundsProblem(value, { ...at, maxLength: length })).toBeNull();
    expect(findJsonBoundsProblem(value, { ...at, maxLength: length - 1 })?.message).toBe(
      `must stay under ${length - 1} characters of JSON`
    );
  }
  expect(
    findJsonBoundsProblem('x'.repeat(20_000), { maxDepth: 1, maxEntries: 1, maxStringLength: 20_000, maxLength: 16 * 1024 })?.message
  ).toBe('must stay under 16 KB of JSON');
});

test('a path for a message keeps its first segments', () => {
  expect(describeJsonPath(['profile', 'a', 0])).toBe('profile.a.0');
  expect(describeJsonPath(['profile', 'a', 'b', 'c'])).toBe('profile.a.b…');
  expect(describeJsonPath(['k'.repeat(100)])).toBe('k'.repeat(40));
});

test('boundedJson stops a recursive schema from ever seeing a value out of bounds', () => {
  const inner = jest.fn(() => true);
  const schema = z.object({
    attributes: boundedJson({ ...bounds, maxDepth: 32, maxEntries: 1000, maxLength: 1e9 }).pipe(z.json().refine(inner)),
  });
  const result = schema.safeParse({ attributes: nested(100_000) });
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[['attributes'], 'nested deeper than 32 levels (at a.a.a…)']]);
  expect(inner).not.toHaveBeenCalled();
  expect(schema.safeParse({ attributes: { a: [1, 'x'] } }).success).toBe(true);
});
