import { RATE_THRESHOLDS, rated, rateOf, statusOf, sumTallies, verdictOf, type RateGuardOptions } from '../rate-guard';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const guard = (options: Partial<RateGuardOptions> = {}): RateGuardOptions => ({
  enabled: true,
  minDeliveries: 500,
  complaintRate: 0.003,
  hardBounceRate: 0.05,
  ...options,
});

describe('rates', () => {
  it('are shares of the sent deliveries, and none when nothing was sent', () => {
    expect(rateOf(3, 1000)).toBe(0.003);
    expect(rateOf(0, 1000)).toBe(0);
    expect(rateOf(0, 0)).toBeNull();
  });

  it('stand against the Gmail and Yahoo thresholds: under 0.1% ok, under 0.3% a warning, 0.3% and above danger', () => {
    expect(RATE_THRESHOLDS).toEqual({ warning: 0.001, danger: 0.003 });
    expect(statusOf(null)).toBe('ok');
    expect(statusOf(0)).toBe('ok');
    expect(statusOf(0.000999)).toBe('ok');
    expect(statusOf(0.001)).toBe('warning');
    expect(statusOf(0.002999)).toBe('warning');
    expect(statusOf(0.003)).toBe('danger');
    expect(statusOf(0.5)).toBe('danger');
  });

  it('rate a tally, each rate with its status', () => {
    expect(rated({ sent: 2000, hardBounces: 1, complaints: 6 })).toEqual({
      sent: 2000,
      hardBounces: 1,
      complaints: 6,
      hardBounceRate: 0.0005,
      complaintRate: 0.003,
      hardBounceStatus: 'ok',
      complaintStatus: 'danger',
    });
    expect(rated({ sent: 0, hardBounces: 0, complaints: 0 })).toMatchObject({ hardBounceRate: null, complaintStatus: 'ok' });
  });

  it('add up the tallies of a window', () => {
    expect(
      sumTallies([
        { sent: 10, hardBounces: 1, complaints: 0 },
        { sent: 5, hardBounces: 0, complaints: 2 },
      ])
    ).toEqual({ sent: 15, hardBounces: 1, complaints: 2 });
    expect(sumTallies([])).toEqual({ sent: 0, hardBounces: 0, complaints: 0 });
  });
});

describe('the pause verdict', () => {
  it('judges nothing before minDeliveries were sent, however bad the rate', () => {
    expect(verdictOf({ sent: 499, hardBounces: 400, complaints: 99 }, guard(), NOW)).toBeNull();
  });

  it('pauses when the complaint rate passes its limit, and says so with the figures', () => {
    expect(verdictOf({ sent: 1000, hardBounces: 0, complaints: 4 }, guard(), NOW)).toEqual({
      cause: 'complaint-rate',
      message: 'complaint rate 0.4% (4 of 1000 sent) is above the limit of 0.3%',
      at: '2026-12-05T10:00:00.000Z',
      rate: { value: 0.004, limit: 0.003, count: 4, sent: 1000 },
    });
  });

  it('lets a rate equal to its limit go on: the limit is passed, not reached', () => {
    expect(verdictOf({ sent: 1000, hardBounces: 50, complaints: 3 }, guard(), NOW)).toBeNull();
  });

  it('pauses for hard bounces past their limit', () => {
    expect(verdictOf({ sent: 1000, hardBounces: 51, complaints: 0 }, guard(), NOW)).toMatchObject({
      cause: 'hard-bounce-rate',
      message: 'hard-bounce rate 5.1% (51 of 1000 sent) is above the limit of 5%',
    });
  });

  it('names complaints first when both rates are past their limits', () => {
    expect(verdictOf({ sent: 1000, hardBounces: 900, complaints: 10 }, guard(), NOW)?.cause).toBe('complaint-rate');
  });

  it('with a limit of 0, pauses at the first one; never when the guard is off', () => {
    expect(verdictOf({ sent: 1, hardBounces: 0, complaints: 1 }, guard({ minDeliveries: 1, complaintRate: 0 }), NOW)?.cause).toBe(
      'complaint-rate'
    );
    expect(verdictOf({ sent: 1, hardBounces: 0, complaints: 0 }, guard({ minDeliveries: 1, complaintRate: 0 }), NOW)).toBeNull();
    expect(verdictOf({ sent: 1000, hardBounces: 1000, complaints: 1000 }, guard({ enabled: false }), NOW)).toBeNull();
  });
});
