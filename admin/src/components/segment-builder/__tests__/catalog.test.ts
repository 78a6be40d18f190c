import { ruleGroupSchema } from '../../../../../server/src/features/audience/segments/rules';
import { campaignsNamedIn } from '../choices';
import { FIELDS, kindOf, reshape } from '../catalog';

const base = { field: 'email', operator: 'contains', value: 'x' };

describe('reshape', () => {
  test('switching to engagement drops the value and starts from "opened any campaign"', () => {
    expect(reshape(base, 'engagement')).toEqual({ field: 'engagement', operator: 'did', activity: 'opened', campaign: 'any' });
  });

  test('did / did not keeps the activity, campaign and days', () => {
    const opened = { field: 'engagement', operator: 'did', activity: 'clicked', campaign: 'c1', withinDays: 7 };
    expect(reshape(opened, 'engagement', 'didNot')).toEqual({ ...opened, operator: 'didNot' });
  });

  test('topics start empty and keep their choice across any / none', () => {
    const topic = reshape(base, 'topic');
    expect(topic).toEqual({ field: 'topic', operator: 'memberOfAny', value: [] });
    expect(reshape({ ...topic, value: ['t1'] }, 'topic', 'memberOfNone')).toEqual({
      field: 'topic',
      operator: 'memberOfNone',
      value: ['t1'],
    });
  });

  test('leaving engagement for a text field starts a fresh value', () => {
    const opened = { field: 'engagement', operator: 'did', activity: 'opened', campaign: 'any' };
    expect(reshape(opened, 'locale')).toEqual({ field: 'locale', operator: 'eq', value: '' });
  });

  test('every operator the builder offers makes a condition the server accepts once filled in', () => {
    const filled: Record<string, unknown> = { text: 'a', list: ['a'], number: 1, days: 3, state: 'subscribed', topics: ['t1'] };
    for (const [field, spec] of Object.entries(FIELDS)) {
      for (const { value: operator } of spec.operators) {
        const condition = reshape(base, field, operator);
        const kind = kindOf(condition);
        const ready = {
          ...condition,
          ...(kind in filled ? { value: filled[kind] } : {}),
          ...(field === 'attribute' ? { path: 'plan' } : {}),
        };
        const parsed = ruleGroupSchema.safeParse({ match: 'all', rules: [ready] });
        expect({ field, operator, ok: parsed.success }).toEqual({ field, operator, ok: true });
      }
    }
  });
});

test('campaignsNamedIn finds engagement campaigns in nested groups, not "any"', () => {
  expect(
    campaignsNamedIn({
      match: 'all',
      rules: [
        { field: 'engagement', operator: 'did', activity: 'opened', campaign: 'any' },
        { match: 'any', rules: [{ field: 'engagement', operator: 'didNot', activity: 'clicked', campaign: 'abc' }, base] },
      ],
    })
  ).toEqual(['abc']);
});
