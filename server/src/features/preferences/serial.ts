/**
 * Runs work for one key after the work already queued for it, in this process: two POSTs of one
 * form (a double click, a reload) then read and write one after the other instead of both reading
 * the state before either writes.
 */
export const createSerial = () => {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
};
