export interface BufferedWriterOptions<T> {
  /** Writes one batch (at most maxItems); a batch that throws is retried with the next one. */
  write(items: T[]): Promise<void>;
  /** Items per write at most; reaching it writes at once. */
  maxItems: number;
  /** How long the first item of a batch waits for company before it is written. */
  maxDelayMs: number;
  /** Tries of one item before it is given up (and logged). */
  maxAttempts?: number;
  log: { warn(message: string): void };
}

interface Held<T> {
  item: T;
  attempts: number;
}

/**
 * Collects items and writes them in batches, at most every maxDelayMs or maxItems, one write at a
 * time; whoever adds never waits for a write. A batch whose write fails goes back in front of the
 * buffer and is tried again with the next one (the writes must be idempotent), up to maxAttempts.
 * close() writes what is held and, from then on, writes each later item at once (a request
 * answered while the process shuts down still counts) and waits for those writes too.
 */
export const createBufferedWriter = <T>({ write, maxItems, maxDelayMs, maxAttempts = 3, log }: BufferedWriterOptions<T>) => {
  let held: Held<T>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let closed = false;

  /** Writes the oldest batch; answers false when it failed (its items are held again, in front). */
  const writeOnce = async () => {
    const batch = held.slice(0, maxItems);
    held = held.slice(batch.length);
    try {
      await write(batch.map((h) => h.item));
      return true;
    } catch (error) {
      const again = batch.filter((h) => ++h.attempts < maxAttempts);
      const lost = batch.length - again.length;
      log.warn(
        `campaigns: writing ${batch.length} tracked events failed (${(error as Error).message}); ` +
          `${again.length} will be tried again${lost ? `, ${lost} are lost` : ''}`
      );
      held = [...again, ...held];
      return false;
    }
  };

  /**
   * The one writer. It writes the items held when it was started (what the timer or a flush
   * found), then goes on only while a full batch waits: what arrives during a write waits for its
   * own timer, so under load a batch fills to maxItems instead of the writes running back to back
   * with a few items each (each write is a transaction: on SQLite an fsync on the event loop).
   * After a failure a running process waits for the timer's next turn (a failing database is not
   * hammered); a closing one tries again at once, and gives each item up after maxAttempts.
   */
  const writeAll = async () => {
    let left = held.length;
    while (held.length && (left > 0 || held.length >= maxItems || closed)) {
      left -= Math.min(held.length, maxItems);
      if (!(await writeOnce()) && !closed) break;
    }
  };

  const drain = (): Promise<void> => {
    // Set before it can end: `writing` is never left holding a write that is over.
    writing ??= writeAll().finally(() => {
      writing = undefined;
      if (held.length) schedule();
    });
    return writing;
  };

  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, maxDelayMs);
  };

  return {
    /** Holds the item for the next batch; never throws, never waits. */
    add(item: T) {
      held.push({ item, attempts: 0 });
      if (closed || held.length >= maxItems) {
        if (timer) clearTimeout(timer);
        timer = undefined;
        void drain();
      } else schedule();
    },

    /** Writes what is held now, and waits for it. */
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (writing) await writing;
      await drain();
    },

    /** How many items wait for a write. */
    get size() {
      return held.length;
    },

    /** Writes what is held and switches to writing each later item at once. */
    async close() {
      closed = true;
      await this.flush();
      while (writing) await writing;
    },
  };
};

export type BufferedWriter<T> = ReturnType<typeof createBufferedWriter<T>>;
