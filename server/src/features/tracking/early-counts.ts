import { randomInt } from 'node:crypto';
import type { WindowCount } from './public-limits';

/** Slots per row: at a million keys a window, a key's two slots are both shared with others in ~1 case in 5. */
const SLOTS = 1 << 20;
const MASK = SLOTS - 1;
/** A slot stops counting here (one byte); no key is early for that long. */
const SATURATED = 255;

/** 32-bit FNV-1a of a key's UTF-16 code units, from a seed. */
const fnv1a = (key: string, seed: number) => {
  let hash = seed;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash >>> 0;
};

/** Spreads a hash's bits (murmur3's finaliser): the second slot must not follow the first. */
const mix = (hash: number) => {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * How often each key was counted in the current window, in a fixed 2 MB whatever the number of
 * keys: a count-min sketch (two rows of one-byte slots, a key's count the smaller of its two
 * slots, each raised only as far as that count), in windows aligned to the clock (all keys start afresh together). A count is never
 * below the key's own, and above it only by what keys sharing both of its slots counted.
 *
 * For the public limits' first requests of each token: a campaign's first minute brings hundreds
 * of thousands of tokens, nearly every one used once or twice, and a count kept per token in a Map
 * was an entry, its key and its window for each request, alive for the whole window, which the
 * garbage collector then walked over and over (bench:tracking). The seed is drawn per process, so
 * which keys share slots cannot be planned from outside.
 */
export const createEarlyCounts = ({ now = Date.now }: { now?: () => number } = {}) => {
  const rows = [new Uint8Array(SLOTS), new Uint8Array(SLOTS)];
  const seed = randomInt(2 ** 32);
  let window = { index: -1, windowMs: 0 };

  return {
    /**
     * Counts the key once and answers its count in the window (at most SATURATED) and the
     * milliseconds until the window ends. Keys that do not stop being early soon belong elsewhere
     * (synced-counter.ts): the count is only ever raised.
     */
    add(key: string, windowMs: number): WindowCount {
      const at = now();
      const index = Math.floor(at / windowMs);
      if (index !== window.index || windowMs !== window.windowMs) {
        for (const row of rows) row.fill(0);
        window = { index, windowMs };
      }
      const first = fnv1a(key, seed);
      const a = first & MASK;
      const b = mix(first) & MASK;
      const [one, two] = rows;
      // Raised only where below the key's new count (conservative update): a shared slot grows by what its keys need, not by their sum.
      const count = Math.min(Math.min(one[a], two[b]) + 1, SATURATED);
      if (one[a] < count) one[a] = count;
      if (two[b] < count) two[b] = count;
      return { count, ttlMs: (index + 1) * windowMs - at };
    },
  };
};

export type EarlyCounts = ReturnType<typeof createEarlyCounts>;
