import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';
import type { RateStatus, RateTally, RatedTally } from '../../../../shared/contracts/inbound';
import type { PluginConfig } from '../../config/schema';

/**
 * The rate guard's arithmetic, without a database: hard-bounce and complaint rates over the
 * deliveries that reached the mail server, judged against the Gmail and Yahoo bulk sender rules
 * (keep spam complaints under 0.1%, never reach 0.3%) and against the site's own pause limits.
 */

/** Gmail and Yahoo: under 0.1% is healthy, 0.3% and above gets the sender blocked. */
export const RATE_THRESHOLDS = { warning: 0.001, danger: 0.003 } as const;

export type RateGuardOptions = PluginConfig['inbound']['rateGuard'];

/** A share of the sent deliveries; null when nothing was sent (no rate, rather than 0%). */
export const rateOf = (count: number, sent: number): number | null => (sent > 0 ? count / sent : null);

export const statusOf = (rate: number | null): RateStatus => {
  if (rate === null || rate < RATE_THRESHOLDS.warning) return 'ok';
  return rate < RATE_THRESHOLDS.danger ? 'warning' : 'danger';
};

/** A tally with its two rates and how each stands against the thresholds. */
export const rated = (tally: RateTally): RatedTally => {
  const hardBounceRate = rateOf(tally.hardBounces, tally.sent);
  const complaintRate = rateOf(tally.complaints, tally.sent);
  return {
    ...tally,
    hardBounceRate,
    complaintRate,
    hardBounceStatus: statusOf(hardBounceRate),
    complaintStatus: statusOf(complaintRate),
  };
};

/** Tallies added up (the campaigns of a window). */
export const sumTallies = (tallies: Iterable<RateTally>): RateTally => {
  const sum: RateTally = { sent: 0, hardBounces: 0, complaints: 0 };
  for (const t of tallies) {
    sum.sent += t.sent;
    sum.hardBounces += t.hardBounces;
    sum.complaints += t.complaints;
  }
  return sum;
};

const percent = (rate: number) => `${(rate * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * Whether a sending campaign must stop: its complaint rate (judged first: complaints are what
 * gets a domain blocked) or its hard-bounce rate above the configured limit, once at least
 * `minDeliveries` were sent. A limit of 0 stops at the first one. Null when it may go on.
 */
export const verdictOf = (tally: RateTally, options: RateGuardOptions, now: Date): CampaignPauseReason | null => {
  if (!options.enabled || tally.sent < options.minDeliveries) return null;
  const checks = [
    { cause: 'complaint-rate', count: tally.complaints, limit: options.complaintRate, noun: 'complaint' },
    { cause: 'hard-bounce-rate', count: tally.hardBounces, limit: options.hardBounceRate, noun: 'hard-bounce' },
  ] as const;
  for (const { cause, count, limit, noun } of checks) {
    const rate = count / tally.sent;
    if (rate > limit) {
      return {
        cause,
        message: `${noun} rate ${percent(rate)} (${count} of ${tally.sent} sent) is above the limit of ${percent(limit)}`,
        at: now.toISOString(),
        rate: { value: rate, limit, count, sent: tally.sent },
      };
    }
  }
  return null;
};
