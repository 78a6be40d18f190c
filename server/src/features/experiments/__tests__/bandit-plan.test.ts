import type { VariantTally } from '../stats';
import { evenShares, nextWaveShares, waveStep, type BanditFacts } from '../bandit-plan';

const tally = (key: string, sent: number, clicks: number): VariantTally => ({
  key,
  sent,
  opens: clicks,
  clicks,
  replies: 0,
  unsubscribes: 0,
  complaints: 0,
});

test('wave 1 splits evenly', () => {
  expect(evenShares(['A', 'B', 'C', 'D'])).toEqual({ A: 0.25, B: 0.25, C: 0.25, D: 0.25 });
});

test("a later wave's shares favour the variant doing best, keep a floor for the others, sum to 1, and are the same when recomputed", () => {
  const tallies = [tally('A', 100, 2), tally('B', 100, 15), tally('C', 100, 3)];
  const { shares, figures } = nextWaveShares(tallies, 'click', { experimentId: 7, wave: 2 });
  expect(shares.B).toBeGreaterThan(0.8);
  expect(shares.A).toBeGreaterThanOrEqual(0.05);
  expect(shares.C).toBeGreaterThanOrEqual(0.05);
  expect(shares.A + shares.B + shares.C).toBeCloseTo(1, 12);
  expect(nextWaveShares(tallies, 'click', { experimentId: 7, wave: 2 })).toEqual({ shares, figures });
  expect(figures).toMatchObject({ wave: 2, metric: 'click', floor: 0.05 });
  expect(figures.variants.map((v) => [v.key, v.sent, v.trials, v.successes, v.share])).toEqual([
    ['A', 100, 100, 2, shares.A],
    ['B', 100, 100, 15, shares.B],
    ['C', 100, 100, 3, shares.C],
  ]);
  expect(figures.variants[1].probabilityBest).toBeGreaterThan(0.9);
});

describe('waveStep', () => {
  const MIN = 60_000;
  const facts = (over: Partial<BanditFacts> = {}, record: Partial<BanditFacts['record']> = {}): BanditFacts => ({
    waves: 3,
    waveMinutes: 10,
    stored: [{ wave: 1, sentAt: null }],
    record: { wave: 1, dispatched: true, winner: null, finished: false, ...record },
    pending: false,
    ...over,
  });

  it('waits while a wave goes out, then marks it sent', () => {
    expect(waveStep(facts({}, { dispatched: false }), 0)).toEqual({ kind: 'none' });
    expect(waveStep(facts({ pending: true }), 0)).toEqual({ kind: 'none' });
    expect(waveStep(facts(), 0)).toEqual({ kind: 'sent', wave: 1, last: false });
  });

  it('starts the next wave once the pause is over, never past the last', () => {
    const sent = facts({ stored: [{ wave: 1, sentAt: 1000 }] });
    expect(waveStep(sent, 1000 + 10 * MIN - 1)).toEqual({ kind: 'none' });
    expect(waveStep(sent, 1000 + 10 * MIN)).toEqual({ kind: 'next', wave: 2 });
    const last = facts(
      {
        stored: [
          { wave: 1, sentAt: 0 },
          { wave: 2, sentAt: 0 },
          { wave: 3, sentAt: null },
        ],
      },
      { wave: 3 }
    );
    expect(waveStep(last, 0)).toEqual({ kind: 'sent', wave: 3, last: true });
    // Its send completes the campaign's: its pause starts all the same.
    expect(waveStep({ ...last, record: { ...last.record, finished: true } }, 0)).toEqual({ kind: 'sent', wave: 3, last: true });
    expect(waveStep({ ...last, stored: last.stored.map((w) => ({ ...w, sentAt: 0 })) }, 100 * MIN)).toEqual({ kind: 'none' });
  });

  it("resumes a stored wave whose dispatch never started, once the previous one's is done", () => {
    const stored = [
      { wave: 1, sentAt: 0 },
      { wave: 2, sentAt: null },
    ];
    expect(waveStep(facts({ stored }), 0)).toEqual({ kind: 'resume', wave: 2 });
    expect(waveStep(facts({ stored }, { dispatched: false }), 0)).toEqual({ kind: 'none' });
  });

  it("does nothing once a winner's rest took over or the send is over", () => {
    expect(waveStep(facts({ stored: [{ wave: 1, sentAt: 0 }] }, { winner: 'B' }), 100 * MIN)).toEqual({ kind: 'none' });
    expect(waveStep(facts({ stored: [{ wave: 1, sentAt: 0 }] }, { finished: true }), 100 * MIN)).toEqual({ kind: 'none' });
    expect(waveStep(facts({ stored: [] }), 0)).toEqual({ kind: 'none' });
  });
});
