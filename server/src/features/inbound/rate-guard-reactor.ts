import type { RateTally } from '../../../../shared/contracts/inbound';
import type { Reactor } from '../../events/reactors';
import type { CampaignLifecycle } from '../campaigns/lifecycle';
import { verdictOf, type RateGuardOptions } from './rate-guard';

export interface RateGuardDependencies {
  options: RateGuardOptions;
  lifecycle: Pick<CampaignLifecycle, 'stateOf' | 'halt'>;
  /** The campaign's deliveries sent and what came back for them (rate-guard-tallies.ts). */
  tally(campaignId: number): Promise<RateTally>;
  log: { warn(message: string): void };
  now?: () => Date;
}

/**
 * One check per key at a time. Events arriving while a check runs share the one check queued
 * after it, which starts once they are recorded: a burst of a thousand complaints costs a few
 * checks, and the last one always sees every event before it.
 */
export const coalescePerKey = <K>(run: (key: K) => Promise<void>) => {
  const pending = new Map<K, { tail: Promise<void>; next: Promise<void> | null }>();
  return (key: K): Promise<void> => {
    const entry = pending.get(key) ?? { tail: Promise.resolve(), next: null };
    if (entry.next) return entry.next;
    const next = entry.tail
      .catch(() => undefined)
      .then(() => {
        entry.next = null;
        return run(key);
      });
    entry.next = next;
    entry.tail = next;
    pending.set(key, entry);
    next
      .finally(() => {
        if (entry.tail === next) pending.delete(key);
      })
      .catch(() => undefined);
    return next;
  };
};

/**
 * The rate guard on the events queue: after a bounce or a complaint of a campaign that is still
 * sending, its rates are counted again, and a campaign past a configured limit is paused through
 * the lifecycle's `halt` with the reason stored and logged. A campaign in any other state costs
 * one read of its state.
 */
export const rateGuardReactor = (deps: RateGuardDependencies): Reactor => {
  const now = deps.now ?? (() => new Date());
  const check = coalescePerKey(async (campaignId: number) => {
    if ((await deps.lifecycle.stateOf(campaignId)) !== 'sending') return;
    const reason = verdictOf(await deps.tally(campaignId), deps.options, now());
    if (reason && (await deps.lifecycle.halt(campaignId, reason))) {
      deps.log.warn(`campaigns: campaign ${campaignId} paused by the rate guard: ${reason.message}`);
    }
  });
  return (event) => {
    if (!deps.options.enabled || (event.type !== 'bounce' && event.type !== 'complaint')) return;
    return check(event.campaignId);
  };
};
