/** `cancelled`: the campaign was cancelled before this delivery was tried. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
/** A delivery in one of these states is finished and never sent again. */
export const FINAL_DELIVERY_STATES = ['sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A delivery claimed this long ago by a job that no longer exists was lost with its worker (the sweep, an erasure's wait). */
export const STALE_SENDING_MS = 10 * 60_000;
