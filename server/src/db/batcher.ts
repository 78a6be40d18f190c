interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export interface BatcherOptions {
  /** Items per flush at most; more wait for the next one. */
  maxItems?: number;
  /**
   * How long the first item of an idle batcher waits for company before its flush starts. Unset,
   * the flush starts at once and only what arrives while it runs is batched.
   */
  lingerMs?: number;
}

/**
 * Turns single calls into batches: what arrives while one batch is being flushed waits and goes,
 * together, into the next, and each caller gets its own item's answer. `flush` answers one output
 * per item, in order; a flush that throws fails every item of its batch. One flush runs at a time.
 */
export const batcher = <I, O>(flush: (items: I[]) => Promise<O[]>, options: BatcherOptions = {}) => {
  const maxItems = options.maxItems ?? Infinity;
  let queue: Pending<I, O>[] = [];
  let running = false;

  const drain = async () => {
    while (queue.length) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    running = false;
  };

  const start = () => {
    running = true;
    if (options.lingerMs === undefined) void drain();
    else setTimeout(() => void drain(), options.lingerMs);
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) start();
    });
};
