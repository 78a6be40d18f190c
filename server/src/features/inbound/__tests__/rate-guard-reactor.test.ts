import type { CampaignState } from '../../../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../../../shared/contracts/campaigns';
import type { RateTally } from '../../../../../shared/contracts/inbound';
import type { DeliveryEventType, RecordedEvent } from '../../../events/delivery-event';
import { coalescePerKey, rateGuardReactor } from '../rate-guard-reactor';

const eventOf = (type: DeliveryEventType, campaignId = 1): RecordedEvent => ({
  id: 1,
  type,
  deliveryId: 1,
  campaignId,
  contactId: 1,
  at: 0,
});

/** The reactor over one campaign's state and tally, counting how often it was tallied. */
const world = (state: CampaignState, tally: RateTally, options = {}) => {
  const halts: Array<[number, CampaignPauseReason]> = [];
  const warnings: string[] = [];
  let tallies = 0;
  const react = rateGuardReactor({
    options: { enabled: true, minDeliveries: 10, complaintRate: 0.003, hardBounceRate: 0.05, ...options },
    lifecycle: {
      stateOf: async () => state,
      halt: async (id, reason) => {
        if (state !== 'sending') return false;
        state = 'paused';
        halts.push([id, reason]);
        return true;
      },
    },
    tally: async () => {
      tallies += 1;
      return tally;
    },
    log: { warn: (message) => void warnings.push(message) },
    now: () => new Date('2026-12-05T10:00:00.000Z'),
  });
  return { react, halts, warnings, tallies: () => tallies, state: () => state };
};

describe('the rate guard reactor', () => {
  it('pauses a sending campaign past its complaint limit, with the reason, and logs it', async () => {
    const w = world('sending', { sent: 100, hardBounces: 0, complaints: 1 });
    await w.react(eventOf('complaint', 7));
    expect(w.state()).toBe('paused');
    expect(w.halts).toEqual([
      [7, expect.objectContaining({ cause: 'complaint-rate', rate: { value: 0.01, limit: 0.003, count: 1, sent: 100 } })],
    ]);
    expect(w.warnings).toEqual([
      'campaigns: campaign 7 paused by the rate guard: complaint rate 1% (1 of 100 sent) is above the limit of 0.3%',
    ]);
  });

  it('leaves a campaign within its limits sending', async () => {
    const w = world('sending', { sent: 100, hardBounces: 5, complaints: 0 });
    await w.react(eventOf('bounce'));
    expect(w.state()).toBe('sending');
    expect(w.warnings).toEqual([]);
  });

  it('counts nothing for a campaign that is not sending, nor for other events, nor when it is off', async () => {
    const paused = world('sent', { sent: 100, hardBounces: 0, complaints: 50 });
    await paused.react(eventOf('complaint'));
    expect(paused.tallies()).toBe(0);

    const sending = world('sending', { sent: 100, hardBounces: 0, complaints: 50 });
    for (const type of ['open', 'click', 'sent', 'unsubscribe', 'delivered'] as const) await sending.react(eventOf(type));
    expect(sending.tallies()).toBe(0);

    const off = world('sending', { sent: 100, hardBounces: 0, complaints: 50 }, { enabled: false });
    await off.react(eventOf('complaint'));
    expect(off.tallies()).toBe(0);
    expect(off.state()).toBe('sending');
  });

  it('counts a burst of events of one campaign once, not once per event', async () => {
    const w = world('sending', { sent: 1000, hardBounces: 0, complaints: 1 });
    await Promise.all(Array.from({ length: 50 }, () => w.react(eventOf('complaint'))));
    expect(w.tallies()).toBe(1);
  });
});

describe('coalescePerKey', () => {
  /** A check that waits for `release` on its first run, and says when it started. */
  const gated = (outcome: 'resolve' | 'reject') => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const check = coalescePerKey(async (key: string) => {
      log.push(`start ${key}`);
      if (log.length === 1) {
        started();
        await gate;
        if (outcome === 'reject') throw new Error('database went away');
      }
      log.push(`end ${key}`);
    });
    return { check, log, release, firstStarted };
  };

  it('calls made before a check starts share it', async () => {
    const { check, log, release } = gated('resolve');
    const calls = [check('a'), check('a'), check('a')];
    expect(new Set(calls).size).toBe(1);
    release();
    await Promise.all(calls);
    expect(log).toEqual(['start a', 'end a']);
  });

  it('calls made while a check runs share one check after it; other keys do not wait', async () => {
    const { check, log, release, firstStarted } = gated('resolve');
    const first = check('a');
    await firstStarted;
    const [second, third] = [check('a'), check('a')];
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await check('b');
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a', 'start a', 'end a']);
  });

  it('runs the next check even when the one before it failed', async () => {
    const { check, release, firstStarted } = gated('reject');
    const failed = check('a');
    await firstStarted;
    const next = check('a');
    release();
    await expect(failed).rejects.toThrow('database went away');
    await expect(next).resolves.toBeUndefined();
  });
});
