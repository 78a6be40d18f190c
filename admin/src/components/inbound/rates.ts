import type { RateStatus } from '../../../../shared/contracts/inbound';
import type { StateVariant } from '../StateBadge';

/** A rate as the page writes it: a percentage with up to two decimals ("0.25%"), a dash when nothing was sent. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Number((rate * 100).toFixed(2)).toLocaleString()}%`);

/** The colour of a rate against the Gmail and Yahoo thresholds. */
export const RATE_VARIANT: Record<RateStatus, StateVariant> = { ok: 'success', warning: 'warning', danger: 'danger' };
