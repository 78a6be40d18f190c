import { createEarlyCounts } from '../early-counts';
import { createSyncedCounter } from '../synced-counter';

const clockAt = (start: number) => {
  let clock = start;
  return { now: () => clock, advance: (ms: number) => (clock += ms) };
};

test('a key is counted exactly, until the window aligned to the clock ends, then afresh', () => {
  const { now, advance } = clockAt(120_000 + 15_000);
  const counts = createEarlyCounts({ now });
  expect(counts.add('click:1.2', 60_000)).toEqual({ count: 1, ttlMs: 45_000 });
  advance(44_999);
  expect(counts.add('click:1.2', 60_000)).toEqual({ count: 2, ttlMs: 1 });
  expect(counts.add('open:7', 60_000).count).toBe(1);
  advance(1);
  expect(counts.add('click:1.2', 60_000)).toEqual({ count: 1, ttlMs: 60_000 });
});

test('a count stops at 255 instead of wrapping round', () => {
  const counts = createEarlyCounts({ now: () => 0 });
  let last = 0;
  for (let i = 0; i < 300; i++) last = counts.add('flood', 60_000).count;
  expect(last).toBe(255);
});

test('among 200,000 keys in a window no count is below its own, and few are above it, by little', () => {
  const counts = createEarlyCounts({ now: () => 0 });
  const own = new Map<string, number>();
  for (let i = 0; i < 200_000; i++) {
    const key = `click:${i.toString(36)}.${i % 5}`;
    // Once or twice each, as a campaign's readers use their links.
    const times = 1 + (i % 2);
    own.set(key, times);
    for (let t = 0; t < times; t++) counts.add(key, 60_000);
  }
  let under = 0;
  let over = 0;
  let overBy3 = 0;
  for (const [key, times] of own) {
    // One more add to read it: its count is then its own plus one, and never less.
    const counted = counts.add(key, 60_000).count - 1;
    if (counted < times) under += 1;
    if (counted > times) over += 1;
    if (counted >= times + 3) overBy3 += 1;
  }
  expect(under).toBe(0);
  // Measured: about 1.5% one or two high, a few keys in 100,000 three or more.
  expect(over / own.size).toBeLessThan(0.03);
  expect(overBy3 / own.size).toBeLessThan(0.0002);
});

test('the synced counter keeps no entry for a key while it is early, and one from the request that passes', async () => {
  const { now } = clockAt(1_000_000);
  const adds: unknown[] = [];
  const counter = createSyncedCounter({
    counter: { add: async (batch) => (adds.push(...batch), batch.map(() => ({ count: 0, ttlMs: 60_000 }))) },
    log: { warn: () => undefined },
    syncEveryMs: 60_000,
    now,
  });
  for (let i = 0; i < 1000; i++) for (let t = 0; t < 2; t++) counter.hit(`token:${i}`, 60_000, 5);
  expect(counter.size).toBe(0);
  await counter.sync();
  expect(adds).toEqual([]);
  await counter.close();
});
