import { createLinkCache, type LinkRow } from '../link-cache';

const campaigns: Record<number, LinkRow[]> = {
  1: [
    { id: 10, url: 'https://a.example/1', campaignId: 1 },
    { id: 11, url: 'https://a.example/2', campaignId: 1 },
  ],
  2: [{ id: 20, url: 'https://b.example/', campaignId: 2 }],
};

const setup = (options: { maxEntries?: number } = {}) => {
  let clock = 1_000;
  const reads: number[] = [];
  const cache = createLinkCache({
    load: async (linkId) => {
      reads.push(linkId);
      return Object.values(campaigns).find((links) => links.some((l) => l.id === linkId)) ?? [];
    },
    ttlMs: 1_000,
    missTtlMs: 100,
    now: () => clock,
    ...options,
  });
  return { cache, reads, advance: (ms: number) => (clock += ms) };
};

test("a miss loads the campaign's links in one read; its other links are then answered from memory", async () => {
  const { cache, reads } = setup();
  expect(cache.peek(10)).toBeUndefined();
  expect(await cache.get(10)).toEqual({ url: 'https://a.example/1', campaignId: 1 });
  expect(cache.peek(11)).toEqual({ url: 'https://a.example/2', campaignId: 1 });
  expect(await cache.get(11)).toEqual({ url: 'https://a.example/2', campaignId: 1 });
  expect(reads).toEqual([10]);
});

test('concurrent misses of one link share one read', async () => {
  const { cache, reads } = setup();
  await Promise.all([cache.get(20), cache.get(20), cache.get(20)]);
  expect(reads).toEqual([20]);
});

test('an unknown id is null, remembered for a short while, then asked again', async () => {
  const { cache, reads, advance } = setup();
  expect(await cache.get(99)).toBeNull();
  expect(cache.peek(99)).toBeNull();
  expect(await cache.get(99)).toBeNull();
  expect(reads).toEqual([99]);
  advance(100);
  expect(cache.peek(99)).toBeUndefined();
  await cache.get(99);
  expect(reads).toEqual([99, 99]);
});

test('a loaded link expires after its time, and the cache never holds more than its bound', async () => {
  const { cache, reads, advance } = setup({ maxEntries: 2 });
  await cache.get(10);
  advance(1_000);
  expect(cache.peek(10)).toBeUndefined();
  await cache.get(20);
  await cache.get(10);
  expect(cache.size).toBe(2);
  // The campaign-2 link went first: it was loaded before campaign 1's two.
  expect(cache.peek(20)).toBeUndefined();
  expect(reads).toEqual([10, 20, 10]);
});
