import { thompsonShares } from '../thompson';
import { tally } from './simulate';

describe('thompsonShares', () => {
  it('favours the better variant and sums to 1', () => {
    const shares = thompsonShares(
      [tally('A', { sent: 2000, clicks: 60 }), tally('B', { sent: 2000, clicks: 75 }), tally('C', { sent: 2000, clicks: 58 })],
      'click'
    );
    expect(shares.B).toBeGreaterThan(shares.A);
    expect(shares.B).toBeGreaterThan(shares.C);
    expect(shares.A + shares.B + shares.C).toBeCloseTo(1, 12);
  });

  it('keeps every variant at or above the floor, even a hopeless one', () => {
    const shares = thompsonShares([tally('A', { sent: 10000, clicks: 500 }), tally('B', { sent: 10000, clicks: 100 })], 'click', {
      floor: 0.1,
    });
    expect(shares.B).toBeGreaterThanOrEqual(0.1);
    expect(shares.B).toBeCloseTo(0.1, 6);
    expect(shares.A).toBeCloseTo(0.9, 6);
    const defaults = thompsonShares([tally('A', { sent: 10000, clicks: 500 }), tally('B', { sent: 10000, clicks: 100 })], 'click');
    expect(defaults.B).toBeCloseTo(0.05, 6);
  });

  it('splits evenly before any result, and the same way every time for the same tallies', () => {
    const fresh = ['A', 'B', 'C', 'D'].map((key) => tally(key, {}));
    const shares = thompsonShares(fresh, 'open', { draws: 50_000, seed: 9 });
    for (const share of Object.values(shares)) expect(share).toBeCloseTo(0.25, 2);
    expect(thompsonShares(fresh, 'open', { draws: 50_000, seed: 9 })).toEqual(shares);
  });

  it('refuses a floor the variants cannot all have, and duplicate keys', () => {
    const two = [tally('A', { sent: 10 }), tally('B', { sent: 10 })];
    expect(() => thompsonShares(two, 'click', { floor: 0.6 })).toThrow(RangeError);
    expect(() => thompsonShares(two, 'click', { floor: -0.1 })).toThrow(RangeError);
    expect(() => thompsonShares([two[0], two[0]], 'click')).toThrow(/unique/);
    expect(() => thompsonShares([], 'click')).toThrow(RangeError);
  });
});
