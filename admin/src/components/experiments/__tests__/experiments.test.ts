import type { Experiment } from '../../../../../shared/contracts/experiments';
import { experimentInput } from '../../../../../server/src/validation/experiment-input';
import { actionMessage, percent, points, reasonMessage, ruleFiguresOf } from '../decision-words';
import { addVariant, experimentFormValuesOf, experimentInputOf, removeVariant, waitOf } from '../experiment-form';

describe('reasonMessage', () => {
  it('words a probable winner with its probability and its expected loss in points', () => {
    expect(
      reasonMessage({ code: 'probable-best', params: { variant: 'B', probability: 0.9712, expectedLoss: 0.0002, threshold: 0.975 } })
    ).toEqual({
      id: 'experiments.reason.probable-best',
      defaultMessage: expect.stringContaining('{variant} is best with {probability, number}% probability'),
      values: { variant: 'B', probability: 97, loss: 0.02 },
    });
  });

  it('says how far a variant is from the minimum sample', () => {
    expect(reasonMessage({ code: 'below-minimum', params: { variant: 'B', trials: 40, minimum: 100 } }).values).toEqual({
      variant: 'B',
      trials: 40,
      minimum: 100,
    });
  });

  it('names the breached guardrail in its own message', () => {
    const message = reasonMessage({
      code: 'guardrail-breached',
      params: { variant: 'C', guardrail: 'complaint', rate: 0.012, controlRate: 0.001, pValue: 0.003 },
    });
    expect(message.id).toBe('experiments.reason.guardrail-complaint');
    expect(message.values).toEqual({ variant: 'C', rate: 1.2, controlRate: 0.1 });
  });

  it('gives every code the rule makes a message of its own, and an unknown one its code', () => {
    const codes = [
      'below-minimum',
      'probable-best',
      'not-probable-enough',
      'loss-too-high',
      'significant-lift',
      'no-significant-lift',
      'control-leads',
    ];
    const ids = codes.map((code) => reasonMessage({ code, params: { variant: 'A' } }).id);
    expect(new Set(ids).size).toBe(codes.length);
    expect(ids).not.toContain('experiments.reason.unknown');
    expect(reasonMessage({ code: 'new-code', params: {} })).toMatchObject({
      id: 'experiments.reason.unknown',
      values: { code: 'new-code' },
    });
  });

  it('never rounds a probability short of certainty up to 100%', () => {
    expect(percent(0.9996)).toBe(99.9);
    expect(percent(1)).toBe(100);
    expect(percent(0.5)).toBe(50);
    expect(points(0.03125)).toBe(3.13);
  });
});

describe('actionMessage', () => {
  it('words each logged action with its winner', () => {
    expect(actionMessage('pickWinner', 'B').values).toEqual({ winner: 'B' });
    expect(actionMessage('cancel', null).id).toBe('experiments.action.cancel');
  });
});

describe('ruleFiguresOf', () => {
  it('reads the rule figures and refuses JSON of another shape', () => {
    const figures = { outcome: 'winner', winner: 'B', reason: { code: 'probable-best', params: {} }, variants: [] };
    expect(ruleFiguresOf(figures)).toBe(figures);
    expect(ruleFiguresOf(null)).toBeNull();
    expect(ruleFiguresOf({ variants: 'x' })).toBeNull();
    expect(ruleFiguresOf({ variants: [], reason: 'text' })).toBeNull();
  });
});

describe('experiment form', () => {
  it('states a wait in the largest exact unit', () => {
    expect(waitOf(1440)).toEqual({ waitAmount: '1', waitUnit: 'days' });
    expect(waitOf(240)).toEqual({ waitAmount: '4', waitUnit: 'hours' });
    expect(waitOf(90)).toEqual({ waitAmount: '90', waitUnit: 'minutes' });
  });

  it('makes a new test the server accepts: its defaults, a control and a variant with a subject of its own', () => {
    const values = experimentFormValuesOf(null);
    values.variants[1].subject = 'Another subject';
    const input = experimentInputOf(values);
    expect(input).toMatchObject({
      testShare: 20,
      waitMinutes: 240,
      probabilityToWin: 0.95,
      minSamplePerVariant: 100,
      defaultVariant: null,
    });
    expect(input.variants).toEqual([
      { key: 'A', name: 'Control' },
      { key: 'B', name: 'Variant B', subject: 'Another subject' },
    ]);
    expect(experimentInput.safeParse(input).success).toBe(true);
  });

  it('keeps a stored send time through the panel, and sends none for a variant left without one', () => {
    // A test saved with send times (through the API, say), as GET answers it: the settings are the defaults'.
    const stored = {
      ...experimentInputOf(experimentFormValuesOf(null)),
      variants: [
        { key: 'A', name: 'Morning', sendAt: '2027-01-04T08:00:00+01:00' },
        { key: 'B', name: 'Evening', sendAt: '2027-01-04T19:00:00+01:00' },
        { key: 'C', name: 'With the campaign', subject: 'Same time as the campaign' },
      ],
    } as unknown as Experiment;
    const values = experimentFormValuesOf(stored);
    expect(experimentInputOf(values).variants).toEqual([
      { key: 'A', name: 'Morning', sendAt: '2027-01-04T08:00:00+01:00' },
      { key: 'B', name: 'Evening', sendAt: '2027-01-04T19:00:00+01:00' },
      { key: 'C', name: 'With the campaign', subject: 'Same time as the campaign' },
    ]);
  });

  it('keeps keys in order when a variant is removed, and a default that went away falls back to A', () => {
    let values = addVariant(addVariant(experimentFormValuesOf(null)));
    values = { ...values, noWinner: 'send-default', defaultVariant: 'D' };
    values.variants[2].name = 'Third';
    values = removeVariant(values, 1);
    expect(values.variants.map((v) => [v.key, v.name])).toEqual([
      ['A', 'Control'],
      ['B', 'Third'],
      ['C', 'Variant D'],
    ]);
    expect(values.defaultVariant).toBe('A');
    expect(experimentInputOf(values).defaultVariant).toBe('A');
  });

  it('stops at 2 and at 8 variants', () => {
    const two = experimentFormValuesOf(null);
    expect(removeVariant(two, 1)).toBe(two);
    let eight = two;
    for (let i = 0; i < 10; i += 1) eight = addVariant(eight);
    expect(eight.variants.map((v) => v.key).join('')).toBe('ABCDEFGH');
  });

  it('converts the wait to minutes and the probability from percent, and sends what is not a number for the server to name', () => {
    const values = { ...experimentFormValuesOf(null), waitAmount: '2', waitUnit: 'days' as const, probabilityToWin: '97.5', testShare: '' };
    const input = experimentInputOf(values);
    expect(input.waitMinutes).toBe(2880);
    expect(input.probabilityToWin).toBe(0.975);
    expect(input.testShare).toBeNaN();
  });
});
