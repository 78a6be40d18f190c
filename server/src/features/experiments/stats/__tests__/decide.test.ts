import { decide } from '../decide';
import type { DecisionRule } from '../types';
import { tally } from './simulate';

const bayesian: DecisionRule = { rule: 'bayesian', metric: 'click', control: 'A', minSamplePerVariant: 1000 };
const frequentist: DecisionRule = { rule: 'frequentist', metric: 'click', control: 'A', minSamplePerVariant: 1000 };
const RULES = [bayesian, frequentist];

describe('decide', () => {
  it.each(RULES)('decides a 3-variant test for B, whose clicks are best ($rule)', (rule) => {
    const decision = decide(
      [
        tally('A', { sent: 10000, opens: 2500, clicks: 300, unsubscribes: 20 }),
        tally('B', { sent: 10000, opens: 2550, clicks: 420, unsubscribes: 22 }),
        tally('C', { sent: 10000, opens: 2480, clicks: 310, unsubscribes: 19 }),
      ],
      rule
    );
    expect(decision.outcome).toBe('winner');
    expect(decision.winner).toBe('B');
    const b = decision.variants.find((v) => v.key === 'B')!;
    expect(b).toMatchObject({ trials: 10000, successes: 420, rate: 0.042, eligible: true });
    expect(b.interval[0]).toBeLessThan(0.042);
    expect(b.interval[1]).toBeGreaterThan(0.042);
    if (rule.rule === 'bayesian') {
      expect(decision.reason.code).toBe('probable-best');
      expect(decision.reason.params).toMatchObject({ variant: 'B', threshold: 1 - 0.05 / 3 });
      expect(b.probabilityBest).toBeGreaterThan(0.99);
      expect(b.expectedLoss).toBeLessThan(0.001);
      expect(b.pValueVsControl).toBeNull();
      expect(decision.rule).toMatchObject({ probabilityToWin: 0.95, maxExpectedLoss: 0.001, guardrailAlpha: 0.05, draws: 20000 });
    } else {
      expect(decision.reason.code).toBe('significant-lift');
      expect(decision.reason.params).toMatchObject({ variant: 'B', rate: 0.042, controlRate: 0.03, alpha: 0.05 });
      expect(b.adjustedPValue).toBeLessThan(0.001);
      expect(b.adjustedPValue).toBeGreaterThanOrEqual(b.pValueVsControl!);
      expect(b.probabilityBest).toBeNull();
      expect(decision.variants.find((v) => v.key === 'A')!.pValueVsControl).toBeNull();
      expect(decision.rule).toMatchObject({ alpha: 0.05, guardrailAlpha: 0.05 });
    }
  });

  it.each(RULES)('never lets a variant with the best clicks and doubled unsubscribes win ($rule)', (rule) => {
    const decision = decide(
      [tally('A', { sent: 20000, clicks: 600, unsubscribes: 60 }), tally('B', { sent: 20000, clicks: 800, unsubscribes: 120 })],
      rule
    );
    expect(decision.outcome).toBe('no-clear-winner');
    expect(decision.winner).toBeNull();
    expect(decision.reason).toMatchObject({
      code: 'guardrail-breached',
      params: { variant: 'B', guardrail: 'unsubscribe', rate: 0.006, controlRate: 0.003 },
    });
    const b = decision.variants.find((v) => v.key === 'B')!;
    expect(b.eligible).toBe(false);
    expect(b.guardrails.unsubscribe.breached).toBe(true);
    expect(b.guardrails.unsubscribe.pValue).toBeLessThan(0.001);
    expect(b.guardrails.complaint).toEqual({ rate: 0, controlRate: 0, pValue: 0.5, breached: false });
  });

  it('blocks a variant whose complaints are significantly worse, and lets a slightly worse one through', () => {
    const blocked = decide(
      [tally('A', { sent: 20000, clicks: 600, complaints: 4 }), tally('B', { sent: 20000, clicks: 800, complaints: 30 })],
      frequentist
    );
    expect(blocked.reason).toMatchObject({ code: 'guardrail-breached', params: { guardrail: 'complaint' } });
    const allowed = decide(
      [tally('A', { sent: 20000, clicks: 600, unsubscribes: 60 }), tally('B', { sent: 20000, clicks: 800, unsubscribes: 66 })],
      frequentist
    );
    expect(allowed.winner).toBe('B');
  });

  it.each(RULES)("says 'not-enough-data' while any variant is below the minimum ($rule)", (rule) => {
    const decision = decide(
      [tally('A', { sent: 5000, clicks: 100 }), tally('B', { sent: 999, clicks: 80 }), tally('C', { sent: 800, clicks: 10 })],
      rule
    );
    expect(decision.outcome).toBe('not-enough-data');
    expect(decision.winner).toBeNull();
    expect(decision.reason).toEqual({ code: 'below-minimum', params: { variant: 'C', trials: 800, minimum: 1000 } });
    expect(decision.variants.map((v) => v.eligible)).toEqual([true, false, false]);
  });

  it('counts click-to-open among the openers, so the minimum applies to opens', () => {
    const rule: DecisionRule = { ...frequentist, metric: 'click-to-open' };
    const short = decide(
      [tally('A', { sent: 20000, opens: 900, clicks: 100 }), tally('B', { sent: 20000, opens: 5000, clicks: 700 })],
      rule
    );
    expect(short.outcome).toBe('not-enough-data');
    const enough = decide(
      [tally('A', { sent: 20000, opens: 4000, clicks: 400 }), tally('B', { sent: 20000, opens: 4000, clicks: 4200 })],
      rule
    );
    // Clicks without a recorded open (a blocked pixel) are capped at the opens.
    expect(enough.variants[1]).toMatchObject({ trials: 4000, successes: 4000, rate: 1 });
    expect(enough.winner).toBe('B');
  });

  it.each([
    ['open', { opens: 3000 }, { opens: 3300 }],
    ['reply', { replies: 100 }, { replies: 160 }],
  ] as const)('decides on %s out of the messages sent', (metric, a, b) => {
    const decision = decide([tally('A', { sent: 10000, ...a }), tally('B', { sent: 10000, ...b })], { ...frequentist, metric });
    expect(decision.variants[1].trials).toBe(10000);
    expect(decision.winner).toBe('B');
  });

  it.each(RULES)('does not crown the control when it leads ($rule)', (rule) => {
    const decision = decide([tally('A', { sent: 10000, clicks: 450 }), tally('B', { sent: 10000, clicks: 300 })], rule);
    expect(decision.outcome).toBe('no-clear-winner');
    expect(decision.reason).toMatchObject({ code: 'control-leads', params: { variant: 'A' } });
  });

  it('explains a lead too small to call', () => {
    const tallies = [tally('A', { sent: 10000, clicks: 300 }), tally('B', { sent: 10000, clicks: 320 })];
    const freq = decide(tallies, frequentist);
    expect(freq.reason.code).toBe('no-significant-lift');
    expect(freq.reason.params).toMatchObject({ variant: 'B', alpha: 0.05 });
    const bayes = decide(tallies, bayesian);
    expect(bayes.reason.code).toBe('not-probable-enough');
    expect(bayes.reason.params).toMatchObject({ variant: 'B', threshold: 0.975 });
    expect(bayes.reason.params.probability).toBeLessThan(0.975);
  });

  it('holds back a probable winner whose expected loss is above the limit', () => {
    const decision = decide([tally('A', { sent: 1000, clicks: 30 }), tally('B', { sent: 1000, clicks: 50 })], {
      ...bayesian,
      minSamplePerVariant: 100,
      maxExpectedLoss: 0.00002,
    });
    expect(decision.reason.code).toBe('loss-too-high');
    expect(decision.reason.params).toMatchObject({ variant: 'B', maxExpectedLoss: 0.00002 });
  });

  it('gives the same figures for the same tallies', () => {
    const tallies = ['A', 'B', 'C', 'D'].map((key, i) => tally(key, { sent: 5000, clicks: 150 + 10 * i }));
    expect(decide(tallies, bayesian)).toEqual(decide(tallies, bayesian));
  });

  it('refuses tallies and rules it cannot decide on', () => {
    const ok = [tally('A', { sent: 10, clicks: 1 }), tally('B', { sent: 10, clicks: 2 })];
    expect(() => decide([ok[0]], bayesian)).toThrow(RangeError);
    expect(() => decide([ok[0], ok[0]], bayesian)).toThrow(/unique/);
    expect(() => decide(ok, { ...bayesian, control: 'Z' })).toThrow(/control Z/);
    expect(() => decide([ok[0], tally('B', { sent: -1 })], bayesian)).toThrow(/sent/);
    expect(() => decide([ok[0], tally('B', { sent: 10, clicks: 1.5 })], bayesian)).toThrow(/clicks/);
    expect(() => decide([ok[0], tally('', { sent: 10 })], bayesian)).toThrow(/key/);
    expect(() => decide(ok, { ...bayesian, metric: 'conversion' as never })).toThrow(/metric/);
    expect(() => decide(ok, { ...bayesian, rule: 'vibes' as never })).toThrow(/rule/);
    expect(() => decide(ok, { ...bayesian, probabilityToWin: 1 })).toThrow(/probabilityToWin/);
    expect(() => decide(ok, { ...bayesian, minSamplePerVariant: -1 })).toThrow(/minSamplePerVariant/);
    expect(() => decide(ok, { ...frequentist, alpha: 0 })).toThrow(/alpha/);
    expect(() => decide(ok, { ...frequentist, guardrailAlpha: 2 })).toThrow(/guardrailAlpha/);
  });
});
