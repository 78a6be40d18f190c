/** How long after an unsubscribe its page offers "Undo": long enough to notice a wrong click. */
export const UNDO_WINDOW_MS = 5 * 60 * 1000;

/**
 * When the undo of an unsubscribe expires, in epoch seconds (what its token carries): counted from
 * the suppression the unsubscribe wrote, so showing the page again does not extend it.
 */
export const undoExpiry = (suppressedAt: Date | string | number) => Math.floor((new Date(suppressedAt).getTime() + UNDO_WINDOW_MS) / 1000);

export const undoOpen = (expiresAtSeconds: number, now = Date.now()) => now < expiresAtSeconds * 1000;

/** The sourceEvent of the global suppression a delivery's unsubscribe writes: what its undo removes. */
export const unsubscribeSourceEvent = (deliveryId: number) => `unsubscribe:${deliveryId}`;
