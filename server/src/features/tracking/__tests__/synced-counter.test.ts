import { createSyncedCounter } from '../synced-counter';
import type { WindowAdd } from '../window-counter';

/** Redis as the script sees it: one count and one window end per key, shared by every "instance". */
const fakeRedis = (clock: () => number) => {
  const keys = new Map<string, { count: number; end: number }>();
  const calls: WindowAdd[][] = [];
  let down = false;
  return {
    keys,
    calls,
    setDown: (value: boolean) => (down = value),
    counter: {
      add: async (adds: readonly WindowAdd[]) => {
        if (down) throw new Error('connection refused');
        calls.push([...adds]);
        return adds.map(({ key, by, windowMs }) => {
          let k = keys.get(key);
          if (!k || k.end <= clock()) k = { count: 0, end: clock() + windowMs };
          k.count += by;
          keys.set(key, k);
          return { count: k.count, ttlMs: k.end - clock() };
        });
      },
    },
  };
};

const setup = () => {
  let clock = 1_000_000;
  const now = () => clock;
  const redis = fakeRedis(now);
  const warnings: string[] = [];
  const make = () => createSyncedCounter({ counter: redis.counter, log: { warn: (m) => void warnings.push(m) }, syncEveryMs: 60_000, now });
  return { redis, make, warnings, advance: (ms: number) => (clock += ms) };
};

test('a hit is counted at once in process, without waiting for Redis; the sync sends the sum', async () => {
  const { redis, make } = setup();
  const counter = make();
  expect(counter.hit('t', 60_000)).toEqual({ count: 1, ttlMs: 60_000 });
  expect(counter.hit('ip', 60_000)).toEqual({ count: 1, ttlMs: 60_000 });
  expect(counter.hit('t', 60_000).count).toBe(2);
  expect(redis.calls).toEqual([]);
  await counter.sync();
  expect(redis.calls).toEqual([
    [
      { key: 't', by: 2, windowMs: 60_000 },
      { key: 'ip', by: 1, windowMs: 60_000 },
    ],
  ]);
  expect(redis.keys.get('t')!.count).toBe(2);
  // Nothing new: nothing sent.
  await counter.sync();
  expect(redis.calls).toHaveLength(1);
  await counter.close();
});

test("two instances see each other's counts after a sync, and the window Redis keeps", async () => {
  const { make, advance } = setup();
  const a = make();
  const b = make();
  for (let i = 0; i < 3; i++) a.hit('t', 60_000);
  await a.sync();
  advance(10_000);
  // b has not synced yet: it knows only its own request (the documented tolerance)...
  expect(b.hit('t', 60_000).count).toBe(1);
  await b.sync();
  // ...and after its sync, the shared count and what is left of the window a started.
  expect(b.hit('t', 60_000)).toEqual({ count: 5, ttlMs: 50_000 });
  await Promise.all([a.close(), b.close()]);
});

test('a window ends in process as in Redis, and its keys are forgotten', async () => {
  const { make, advance } = setup();
  const counter = make();
  counter.hit('t', 1_000);
  await counter.sync();
  advance(1_000);
  await counter.sync();
  expect(counter.size).toBe(0);
  expect(counter.hit('t', 1_000)).toEqual({ count: 1, ttlMs: 1_000 });
  await counter.close();
});

test('a sync sends only the keys counted since the last one, and forgets each key when its own window ends', async () => {
  const { redis, make, advance } = setup();
  const counter = make();
  counter.hit('a', 1_000);
  counter.hit('b', 1_000);
  await counter.sync();
  advance(500);
  counter.hit('c', 1_000);
  counter.hit('a', 1_000);
  await counter.sync();
  expect(redis.calls.map((call) => call.map((add) => `${add.key}+${add.by}`))).toEqual([
    ['a+1', 'b+1'],
    ['c+1', 'a+1'],
  ]);
  advance(500);
  await counter.sync();
  // a and b started their windows together: both ended; c's has half to go.
  expect(counter.size).toBe(1);
  advance(500);
  await counter.sync();
  expect(counter.size).toBe(0);
  await counter.close();
});

test('while Redis is down the counts hold in process, are sent once it answers, and the log says it once', async () => {
  const { redis, make, warnings, advance } = setup();
  const counter = make();
  redis.setDown(true);
  counter.hit('t', 60_000);
  await counter.sync();
  counter.hit('t', 60_000);
  await counter.sync();
  expect(counter.hit('t', 60_000).count).toBe(3);
  // A window that ends while Redis is down keeps its key until its counts are sent.
  counter.hit('short', 1_000);
  await counter.sync();
  advance(1_000);
  await counter.sync();
  expect(counter.size).toBe(2);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/counted in this process only.*connection refused/);
  redis.setDown(false);
  await counter.close();
  expect(redis.keys.get('t')!.count).toBe(3);
  expect(redis.calls).toEqual([
    [
      { key: 't', by: 3, windowMs: 60_000 },
      { key: 'short', by: 1, windowMs: 1_000 },
    ],
  ]);
});

test('a key kept in process up to a count goes to Redis only once it passes, with all it counted', async () => {
  const { redis, make } = setup();
  const counter = make();
  for (let i = 1; i <= 5; i++) expect(counter.hit('t', 60_000, 5).count).toBe(i);
  await counter.sync();
  expect(redis.calls).toEqual([]);
  expect(counter.hit('t', 60_000, 5).count).toBe(6);
  await counter.sync();
  expect(redis.calls).toEqual([[{ key: 't', by: 6, windowMs: 60_000 }]]);
  // Known to Redis now: every further request is sent.
  counter.hit('t', 60_000, 5);
  await counter.sync();
  expect(redis.calls[1]).toEqual([{ key: 't', by: 1, windowMs: 60_000 }]);
  await counter.close();
});

test('a key that stayed in process is forgotten when its window ends, and holds back no other', async () => {
  const { redis, make, advance } = setup();
  const counter = make();
  counter.hit('local', 1_000, 5);
  counter.hit('shared', 1_000);
  await counter.sync();
  advance(1_000);
  await counter.sync();
  expect(counter.size).toBe(0);
  expect(redis.calls).toEqual([[{ key: 'shared', by: 1, windowMs: 1_000 }]]);
  await counter.close();
});
