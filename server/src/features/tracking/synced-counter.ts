import { createEarlyCounts } from './early-counts';
import type { WindowCount } from './public-limits';
import type { WindowAdd, WindowCounter } from './window-counter';

/** How often the counts of this process go to Redis and the other instances' come back. */
export const SYNC_EVERY_MS = 100;
/** Keys per script call: one sync stays a short command however many clients there are. */
const SYNC_CHUNK = 200;

interface Entry {
  /** The shared count Redis answered at the last sync, this process's synced requests included. */
  base: number;
  /** Counted here since, not yet in Redis. */
  pending: number;
  /** Sent to Redis, its answer not back yet. */
  sending: number;
  /** Waiting in `dirty` for the next sync. */
  queued: boolean;
  windowMs: number;
  windowEnd: number;
}

export interface SyncedCounterOptions {
  counter: Pick<WindowCounter, 'add'>;
  log: { warn(message: string): void };
  syncEveryMs?: number;
  now?: () => number;
}

/**
 * Fixed-window counts that a request reads and adds to in process, without waiting for Redis, and
 * that a background sync adds to Redis (every SYNC_EVERY_MS, one script per SYNC_CHUNK keys) to
 * learn the other instances' counts. A request's count is what Redis said at the last sync plus
 * what this process counted since: exact on one instance; across instances a key can pass its
 * limit by what the others let through between two syncs (SYNC_EVERY_MS and a round trip). While
 * Redis does not answer, each instance still limits with its own counts and sends them once it
 * is back. A key can stay in process up to a count (`localUpTo`): most tokens are used once or
 * twice, and a limit that lets their first requests through whatever the count needs no shared
 * count for them. Such a key is counted in a sketch of fixed size (early-counts.ts: never below
 * its count, in windows aligned to the clock) and has no entry of its own; once it passes, it
 * gets one, goes to Redis with all it counted, and is counted exactly from then on.
 */
export const createSyncedCounter = ({ counter, log, syncEveryMs = SYNC_EVERY_MS, now = Date.now }: SyncedCounterOptions) => {
  // In the order their windows started (a new window moves its key to the end), so the ended ones
  // are at the front. A campaign's first minute holds hundreds of thousands of keys: a sync must
  // touch only what changed since the last one (`dirty`) and what ended, never all of them.
  const entries = new Map<string, Entry>();
  const dirty = new Map<string, Entry>();
  const early = createEarlyCounts({ now });
  let syncing: Promise<void> | undefined;
  let lastWarning = 0;

  const queue = (key: string, entry: Entry) => {
    entry.queued = true;
    dirty.set(key, entry);
  };

  const syncChunk = async (chunk: Array<[string, Entry]>) => {
    const adds: WindowAdd[] = chunk.map(([key, entry]) => {
      entry.queued = false;
      entry.sending = entry.pending;
      entry.pending = 0;
      return { key, by: entry.sending, windowMs: entry.windowMs };
    });
    try {
      const counts = await counter.add(adds);
      const at = now();
      chunk.forEach(([key, entry], i) => {
        entry.sending = 0;
        // A window that ended here meanwhile started afresh: the answer was the old one's.
        if (entries.get(key) !== entry) return;
        entry.base = counts[i].count;
        entry.windowEnd = at + counts[i].ttlMs;
      });
    } catch (error) {
      for (const [key, entry] of chunk) {
        entry.pending += entry.sending;
        entry.sending = 0;
        if (entries.get(key) === entry) queue(key, entry);
      }
      if (now() - lastWarning > 60_000) {
        lastWarning = now();
        log.warn(`campaigns: public limits counted in this process only until Redis answers: ${(error as Error).message}`);
      }
    }
  };

  /** Forgets the keys whose window ended with nothing left to send, from the front until one has not. */
  const forgetEnded = (at: number) => {
    for (const [key, entry] of entries) {
      if (entry.windowEnd > at || entry.queued || entry.sending > 0) return;
      entries.delete(key);
    }
  };

  const syncOnce = async () => {
    forgetEnded(now());
    const due = [...dirty];
    dirty.clear();
    for (let i = 0; i < due.length; i += SYNC_CHUNK) await syncChunk(due.slice(i, i + SYNC_CHUNK));
  };

  /** One sync at a time; a call while one runs waits for it and then runs its own. */
  const sync = async (): Promise<void> => {
    while (syncing) await syncing;
    syncing = syncOnce().finally(() => (syncing = undefined));
    return syncing;
  };

  const timer = setInterval(() => void sync(), syncEveryMs);
  timer.unref();

  return {
    /**
     * Counts one request on the key and answers its count and time left, at once. `localUpTo`: the
     * count up to which the key is this process's alone, never sent to Redis.
     */
    hit(key: string, windowMs: number, localUpTo = 0): WindowCount {
      const at = now();
      let entry = entries.get(key);
      if (!entry || entry.windowEnd <= at) {
        let before = 0;
        if (localUpTo > 0) {
          const counted = early.add(key, windowMs);
          if (counted.count <= localUpTo) return counted;
          // The entry starts from what the sketch knew before this request, and its window as Redis will start it at the sync.
          before = counted.count - 1;
        }
        entry = { base: 0, pending: before, sending: 0, queued: false, windowMs, windowEnd: at + windowMs };
        entries.delete(key);
        entries.set(key, entry);
      }
      entry.pending += 1;
      const count = entry.base + entry.sending + entry.pending;
      if (!entry.queued && count > localUpTo) queue(key, entry);
      return { count, ttlMs: entry.windowEnd - at };
    },

    /** Sends what was counted here and learns the shared counts now (tests, and the last one at shutdown). */
    sync,

    /** Stops the background sync after a last one. */
    async close() {
      clearInterval(timer);
      await sync();
    },

    get size() {
      return entries.size;
    },
  };
};

export type SyncedCounter = ReturnType<typeof createSyncedCounter>;
