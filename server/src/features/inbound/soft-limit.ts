/** One counted soft bounce of an address: which campaign it was on, and when. */
export interface SoftBounce {
  campaignId: number;
  at: number;
}

/** How many distinct campaigns these bounces (of one address) fall on within the window that ends at `at`. */
export const campaignsBefore = (bounces: readonly SoftBounce[], at: number, windowMs: number) =>
  new Set(bounces.filter((b) => b.at <= at && b.at >= at - windowMs).map((b) => b.campaignId)).size;

/**
 * The bounces, in time order, at which an address's soft bounces reach `count` distinct campaigns
 * within the window before them: each one suppresses the address. A retry of one campaign adds
 * nothing; after a crossing the count starts again, so the bounces that arrive late for mail
 * already sent do not suppress the address again and again.
 */
export const limitCrossings = <B extends SoftBounce>(bounces: readonly B[], count: number, windowMs: number): B[] => {
  const inOrder = [...bounces].sort((a, b) => a.at - b.at);
  const crossings: B[] = [];
  let from = 0;
  inOrder.forEach((bounce, i) => {
    if (campaignsBefore(inOrder.slice(from, i + 1), bounce.at, windowMs) < count) return;
    crossings.push(bounce);
    from = i + 1;
  });
  return crossings;
};
