/**
 * What the composition root opened, closed in the reverse order and once: a later object may use
 * an earlier one until it is closed (workers the transport, the queues Redis), never the other way.
 * A close that fails is reported and the others still run: Strapi closes the database only after
 * every plugin's destroy has returned, even after a boot that failed half-way.
 */
export const createCloseStack = (report: (message: string) => void) => {
  const opened: Array<{ name: string; close: () => Promise<void> | void }> = [];
  return {
    push(name: string, close: () => Promise<void> | void) {
      opened.push({ name, close });
    },
    async closeAll() {
      for (let next = opened.pop(); next; next = opened.pop()) {
        try {
          await next.close();
        } catch (error) {
          report(`campaigns: closing ${next.name} failed: ${(error as Error).message}`);
        }
      }
    },
  };
};
