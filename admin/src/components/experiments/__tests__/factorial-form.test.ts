import type { Experiment } from '../../../../../shared/contracts/experiments';
import { experimentInput } from '../../../../../server/src/validation/experiment-input';
import { experimentFormValuesOf, experimentInputOf, variantsOf } from '../experiment-form';
import { addFactor, addLevel, fieldsLeft, newFactor, removeFactor, removeLevel, setFactorField, setLevel } from '../factorial-form';

const twoByTwo = () => {
  let factors = [newFactor([])];
  factors = setLevel(factors, 0, 0, { name: 'Short', value: 'Sale' });
  factors = setLevel(factors, 0, 1, { name: 'Long', value: 'Our spring sale starts now' });
  factors = setFactorField(addFactor(factors), 1, 'fromName');
  factors = setLevel(factors, 1, 0, { name: 'Brand', value: 'Shop' });
  factors = setLevel(factors, 1, 1, { name: 'Person', value: 'Ann at Shop' });
  return factors;
};

describe('factorial form', () => {
  it('starts a factor on the first field no other factor uses, and never offers a used one', () => {
    const factors = addFactor([newFactor([])]);
    expect(factors.map((f) => f.field)).toEqual(['subject', 'preheader']);
    expect(fieldsLeft(factors)).toEqual(['fromName', 'content', 'sendAt']);
    expect(fieldsLeft(factors, 1)).toEqual(['preheader', 'fromName', 'content', 'sendAt']);
    expect(addFactor(addFactor(factors))).toHaveLength(3);
  });

  it('keeps 2 to 4 levels and at least one factor', () => {
    let factors = [newFactor([])];
    expect(removeLevel(factors, 0, 1)[0].levels).toHaveLength(2);
    factors = addLevel(addLevel(addLevel(factors, 0), 0), 0);
    expect(factors[0].levels.map((l) => l.name)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4']);
    expect(removeLevel(factors, 0, 1)[0].levels.map((l) => l.name)).toEqual(['Level 1', 'Level 3', 'Level 4']);
    expect(removeFactor(factors, 0)).toEqual(factors);
  });

  it("clears a factor's values when its field changes (a subject is no send time), keeping the level names", () => {
    const [subject] = setFactorField(twoByTwo(), 0, 'sendAt');
    expect(subject.levels).toEqual([
      { name: 'Short', value: '' },
      { name: 'Long', value: '' },
    ]);
  });

  it('sends a multivariate test as its factors, no variants, and the server accepts it; its combinations are keyed as the server keys them', () => {
    const values = {
      ...experimentFormValuesOf(null),
      design: 'factorial' as const,
      factors: twoByTwo(),
      noWinner: 'send-default' as const,
      defaultVariant: 'D',
    };
    const input = experimentInputOf(values);
    expect(input).toMatchObject({ design: 'factorial', factors: twoByTwo(), testShare: 20, defaultVariant: 'D' });
    expect(input).not.toHaveProperty('variants');
    expect(experimentInput.safeParse(input).success).toBe(true);
    expect(variantsOf(values).map((v) => [v.key, v.name])).toEqual([
      ['A', 'Subject: Short · From name: Brand'],
      ['B', 'Subject: Short · From name: Person'],
      ['C', 'Subject: Long · From name: Brand'],
      ['D', 'Subject: Long · From name: Person'],
    ]);
  });

  it('sends a bandit its variants, waves and pause, and no test share', () => {
    const values = { ...experimentFormValuesOf(null), design: 'bandit' as const, waves: '6', waveMinutes: '120' };
    values.variants[1].subject = 'Another subject';
    // Typed while it was an A/B test: a bandit's waves decide when its variants go.
    values.variants[1].sendAt = '2030-01-01T18:00:00+01:00';
    const input = experimentInputOf(values);
    expect(input).toMatchObject({ design: 'bandit', waves: 6, waveMinutes: 120 });
    expect(input.variants![1]).toEqual({ key: 'B', name: 'Variant B', subject: 'Another subject' });
    expect(input).not.toHaveProperty('testShare');
    expect(input).not.toHaveProperty('factors');
    expect(input.variants).toHaveLength(2);
    expect(experimentInput.safeParse(input).success).toBe(true);
  });

  it('sends an A/B test as before, with its design', () => {
    const values = experimentFormValuesOf(null);
    values.variants[1].subject = 'Another subject';
    const input = experimentInputOf(values);
    expect(input).toMatchObject({ design: 'ab', testShare: 20 });
    expect(input).not.toHaveProperty('factors');
    expect(input).not.toHaveProperty('waves');
  });

  it('reads a stored multivariate test back into the form: its design, factors and settings', () => {
    const stored = {
      ...experimentInputOf(experimentFormValuesOf(null)),
      design: 'factorial',
      factors: twoByTwo(),
      variants: [],
      waves: 5,
      waveMinutes: 60,
    } as unknown as Experiment;
    const values = experimentFormValuesOf(stored);
    expect(values).toMatchObject({ design: 'factorial', factors: twoByTwo(), waves: '5', waveMinutes: '60' });
    expect(experimentInputOf(values)).toMatchObject({ design: 'factorial', factors: twoByTwo() });
  });
});
