import { createBufferedWriter } from '../buffered-writer';

const setup = (write: (items: number[]) => Promise<void> = async () => undefined) => {
  const batches: number[][] = [];
  const warnings: string[] = [];
  const writer = createBufferedWriter<number>({
    write: async (items) => {
      batches.push(items);
      await write(items);
    },
    maxItems: 3,
    maxDelayMs: 20,
    log: { warn: (m) => void warnings.push(m) },
  });
  return { writer, batches, warnings };
};

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

test('adding never waits; what arrives within the delay is written as one batch', async () => {
  const { writer, batches } = setup();
  writer.add(1);
  writer.add(2);
  expect(batches).toEqual([]);
  expect(writer.size).toBe(2);
  await until(() => batches.length > 0);
  expect(batches).toEqual([[1, 2]]);
  expect(writer.size).toBe(0);
});

test('reaching maxItems writes at once, in batches of at most maxItems', async () => {
  const { writer, batches } = setup();
  for (let i = 1; i <= 7; i++) writer.add(i);
  await writer.flush();
  expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
});

test('what arrives during a write waits for its own delay, so a busy buffer writes full batches, not a few items each', async () => {
  let release: () => void = () => undefined;
  const { writer, batches } = setup(() => new Promise<void>((resolve) => (release = resolve)));
  writer.add(1);
  await until(() => batches.length === 1);
  writer.add(2);
  const writeEnded = performance.now();
  release();
  await new Promise((resolve) => setImmediate(resolve));
  expect(batches).toEqual([[1]]);
  expect(writer.size).toBe(1);
  await until(() => batches.length === 2);
  release();
  expect(batches).toEqual([[1], [2]]);
  // The timer's own clock may round a millisecond down.
  expect(performance.now() - writeEnded).toBeGreaterThanOrEqual(19);
  writer.add(3);
  writer.add(4);
  writer.add(5);
  await until(() => batches.length === 3);
  expect(batches[2]).toEqual([3, 4, 5]);
  release();
  await writer.flush();
});

test('a failed batch is tried again with the next, and given up after three tries', async () => {
  let failures = 1;
  const { writer, batches, warnings } = setup(async () => {
    if (failures-- > 0) throw new Error('database is locked');
  });
  writer.add(1);
  await writer.flush();
  expect(writer.size).toBe(1);
  writer.add(2);
  await writer.flush();
  expect(batches).toEqual([[1], [1, 2]]);
  expect(warnings).toEqual([expect.stringContaining('database is locked); 1 will be tried again')]);

  const broken = setup(() => Promise.reject(new Error('gone')));
  broken.writer.add(9);
  await broken.writer.close();
  expect(broken.batches).toEqual([[9], [9], [9]]);
  expect(broken.warnings[2]).toMatch(/0 will be tried again, 1 are lost/);
});

test('close writes what is held, and writes anything added later at once', async () => {
  let release: () => void = () => undefined;
  const { writer, batches } = setup(() => new Promise<void>((resolve) => (release = resolve)));
  writer.add(1);
  const closing = writer.close();
  await until(() => batches.length === 1);
  release();
  await closing;
  writer.add(2);
  await until(() => batches.length === 2);
  release();
  expect(batches).toEqual([[1], [2]]);
});

test('a flush of an empty buffer leaves the writer working', async () => {
  const { writer, batches } = setup();
  await writer.flush();
  await writer.flush();
  writer.add(1);
  await writer.flush();
  writer.add(2);
  await until(() => batches.length === 2);
  expect(batches).toEqual([[1], [2]]);
});
