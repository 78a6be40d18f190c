import { z } from 'zod';

/**
 * Bounds of a JSON value, checked before anything recursive (a zod schema, JSON.stringify, the
 * database's JSON functions) sees it: JSON.parse builds values of any depth without complaint,
 * but those recurse once per level and overflow the stack, or refuse the document (SQLite past
 * 1,000 levels, MariaDB past 32).
 */
export interface JsonBounds {
  /** Levels as JSON_DEPTH counts them: a scalar or an empty container is 1, {"a":1} is 2. */
  maxDepth: number;
  /** Object keys plus array items, over the whole value. */
  maxEntries: number;
  /** Characters of any one string, keys included. */
  maxStringLength: number;
  /** Characters of the whole value written as JSON (what JSON.stringify would give). */
  maxLength: number;
}

export interface JsonBoundsProblem {
  /** Where the limit was crossed, from the checked value down. */
  path: Array<string | number>;
  /** Names the limit: "nested deeper than 32 levels". */
  message: string;
}

const describeLength = (chars: number) =>
  chars % (1024 * 1024) === 0 ? `${chars / (1024 * 1024)} MB` : chars % 1024 === 0 ? `${chars / 1024} KB` : `${chars} characters`;

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A scalar's length as JSON text; undefined and functions count as nothing, as JSON.stringify leaves them out. */
const scalarLength = (value: unknown) => JSON.stringify(value)?.length ?? 0;

/**
 * The first bound `value` crosses, or null. Walks with its own stack, never recursion, so any
 * depth is safe; every step counts against maxEntries, so even a cyclic object graph ends.
 */
export const findJsonBoundsProblem = (value: unknown, bounds: JsonBounds): JsonBoundsProblem | null => {
  const stack: Array<{ value: unknown; depth: number; path: Array<string | number> }> = [{ value, depth: 1, path: [] }];
  let entries = 0;
  let length = 0;
  const tooLong = (path: Array<string | number>) => ({ path, message: `must stay under ${describeLength(bounds.maxLength)} of JSON` });

  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (depth > bounds.maxDepth) return { path, message: `nested deeper than ${bounds.maxDepth} levels` };
    if (!isContainer(current)) {
      // A text's own length is a floor of its JSON length: a huge one is refused before it is escaped.
      if (typeof current === 'string' && length + current.length + 2 > bounds.maxLength) return tooLong(path);
      if (typeof current === 'string' && current.length > bounds.maxStringLength) {
        return { path, message: `holds a text longer than ${bounds.maxStringLength} characters` };
      }
      length += scalarLength(current);
      if (length > bounds.maxLength) return tooLong(path);
      continue;
    }
    entries += Array.isArray(current) ? current.length : Object.keys(current).length;
    if (entries > bounds.maxEntries) return { path, message: `more than ${bounds.maxEntries} keys and items` };
    const children: Array<[string | number, unknown]> = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    // Brackets and commas, then each key with its colon.
    length += 2 + Math.max(children.length - 1, 0);
    for (const [key, child] of children) {
      if (typeof key === 'string') {
        if (length + key.length + 3 > bounds.maxLength) return tooLong([...path, key]);
        if (key.length > bounds.maxStringLength)
          return { path: [...path, key], message: `has a key longer than ${bounds.maxStringLength} characters` };
        length += JSON.stringify(key).length + 1;
      }
      stack.push({ value: child, depth: depth + 1, path: [...path, key] });
    }
    if (length > bounds.maxLength) return tooLong(path);
  }
  return null;
};

/** A path for a message: its first segments only, as a deep one is the very thing being refused. */
export const describeJsonPath = (path: ReadonlyArray<string | number>, shown = 3) =>
  path
    .slice(0, shown)
    .map((key) => String(key).slice(0, 40))
    .join('.') + (path.length > shown ? '…' : '');

/** "nested deeper than 32 levels (at profile.a.a…)" */
export const describeJsonBoundsProblem = (problem: JsonBoundsProblem) =>
  problem.path.length ? `${problem.message} (at ${describeJsonPath(problem.path)})` : problem.message;

/**
 * A zod schema that lets through only values within `bounds`: put it in front of a recursive
 * schema with `.pipe(...)`, which then never runs on a value out of bounds. The issue sits on the
 * field itself (so forms find it) and says where inside the value the limit was crossed.
 */
export const boundedJson = (bounds: JsonBounds) =>
  z.unknown().check((ctx) => {
    const problem = findJsonBoundsProblem(ctx.value, bounds);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: describeJsonBoundsProblem(problem) });
  });
