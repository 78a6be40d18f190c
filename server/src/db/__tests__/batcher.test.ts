import { batcher } from '../batcher';

test('calls made while idle wait the linger and go in one flush; each caller gets its own answer', async () => {
  const flushes: number[][] = [];
  const double = batcher<number, number>(
    async (items) => {
      flushes.push(items);
      return items.map((n) => n * 2);
    },
    { lingerMs: 5 }
  );
  expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
  expect(flushes).toEqual([[1, 2, 3]]);
});

test('no more than maxItems per flush; what arrives during a flush goes into the next', async () => {
  const flushes: number[][] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const echo = batcher<number, number>(
    async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await gate;
      return items;
    },
    { maxItems: 2 }
  );
  const first = echo(0);
  const later = [1, 2, 3].map(echo);
  release();
  expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3]);
  expect(flushes).toEqual([[0], [1, 2], [3]]);
});

test('a failed flush fails its own items only', async () => {
  let calls = 0;
  const run = batcher<string, string>(async (items) => {
    calls += 1;
    if (calls === 1) throw new Error('disk full');
    return items;
  });
  await expect(run('a')).rejects.toThrow('disk full');
  expect(await run('b')).toBe('b');
});
