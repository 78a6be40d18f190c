import type { SendProgress } from '../../../../shared/contracts/sending';

/** Deliveries that reached an end: every targeted one that is neither queued nor being sent. */
export const settledCount = (p: SendProgress) => p.targeted - p.queued - p.sending;

/** 0-100; a dispatch still adding deliveries can make it step back, never past 100. */
export const percentDone = (p: SendProgress) => (p.targeted ? Math.min(100, Math.floor((settledCount(p) / p.targeted) * 100)) : 0);
