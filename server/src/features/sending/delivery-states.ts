/** `cancelled`: the campaign was cancelled before this delivery was tried. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
/** A delivery in one of these states is finished and never sent again. */
export const FINAL_DELIVERY_STATES = ['sent', 'failed', 'suppressed', 'unknown', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
