import type { Condition } from '../../../../shared/contracts/segments';

/** What the builder offers per field: the operators the server accepts and how a value is typed in. */
export type ValueKind = 'text' | 'list' | 'number' | 'date' | 'days' | 'state' | 'topics' | 'engagement' | 'none';

export interface FieldSpec {
  label: string;
  operators: Array<{ value: string; label: string; kind: ValueKind }>;
}

const TEXT_OPERATORS: FieldSpec['operators'] = [
  { value: 'eq', label: 'is', kind: 'text' },
  { value: 'neq', label: 'is not', kind: 'text' },
  { value: 'contains', label: 'contains', kind: 'text' },
  { value: 'notContains', label: 'does not contain', kind: 'text' },
  { value: 'startsWith', label: 'starts with', kind: 'text' },
  { value: 'endsWith', label: 'ends with', kind: 'text' },
  { value: 'in', label: 'is one of (comma-separated)', kind: 'list' },
  { value: 'isSet', label: 'is set', kind: 'none' },
  { value: 'isNotSet', label: 'is not set', kind: 'none' },
];

export const FIELDS: Record<string, FieldSpec> = {
  email: { label: 'Email', operators: TEXT_OPERATORS },
  firstName: { label: 'First name', operators: TEXT_OPERATORS },
  lastName: { label: 'Last name', operators: TEXT_OPERATORS },
  locale: { label: 'Locale', operators: TEXT_OPERATORS },
  timezone: { label: 'Time zone', operators: TEXT_OPERATORS },
  source: { label: 'Source', operators: TEXT_OPERATORS },
  state: {
    label: 'State',
    operators: [
      { value: 'eq', label: 'is', kind: 'state' },
      { value: 'neq', label: 'is not', kind: 'state' },
    ],
  },
  createdAt: {
    label: 'Created',
    operators: [
      { value: 'inLastDays', label: 'in the last (days)', kind: 'days' },
      { value: 'notInLastDays', label: 'not in the last (days)', kind: 'days' },
      { value: 'before', label: 'before', kind: 'date' },
      { value: 'after', label: 'after', kind: 'date' },
    ],
  },
  topic: {
    label: 'Topics',
    operators: [
      { value: 'memberOfAny', label: 'is in any of', kind: 'topics' },
      { value: 'memberOfNone', label: 'is in none of', kind: 'topics' },
    ],
  },
  engagement: {
    label: 'Engagement',
    operators: [
      { value: 'did', label: 'did', kind: 'engagement' },
      { value: 'didNot', label: 'did not', kind: 'engagement' },
    ],
  },
  attribute: {
    label: 'Attribute',
    operators: [
      ...TEXT_OPERATORS,
      { value: 'gt', label: '>', kind: 'number' },
      { value: 'gte', label: '≥', kind: 'number' },
      { value: 'lt', label: '<', kind: 'number' },
      { value: 'lte', label: '≤', kind: 'number' },
    ],
  },
};

export const ACTIVITIES = [
  { value: 'received', label: 'receive' },
  { value: 'opened', label: 'open' },
  { value: 'clicked', label: 'click in' },
  { value: 'replied', label: 'reply to' },
] as const;

export const newCondition = (): Condition => ({ field: 'email', operator: 'contains', value: '' });

/** The condition after the field or operator changed: keeps the value when its kind still fits. */
export const reshape = (condition: Condition, field: string, operator?: string): Condition => {
  const spec = FIELDS[field];
  const next = spec.operators.find((o) => o.value === operator) ?? spec.operators[0];
  const previous = FIELDS[condition.field]?.operators.find((o) => o.value === condition.operator);
  const keep = previous?.kind === next.kind && field === condition.field;
  const base: Condition = { field, operator: next.value, ...(field === 'attribute' ? { path: condition.path ?? '' } : {}) };
  if (next.kind === 'none') return base;
  // Engagement has no value: what and when live in their own keys, kept across did / did not.
  if (next.kind === 'engagement') {
    const from: Partial<Condition> = keep ? condition : {};
    const { activity = 'opened', campaign = 'any', withinDays } = from;
    return { ...base, activity, campaign, ...(withinDays ? { withinDays } : {}) };
  }
  if (keep) return { ...base, value: condition.value };
  const fresh: Record<Exclude<ValueKind, 'engagement'>, unknown> = {
    text: '',
    list: [],
    number: 0,
    date: new Date().toISOString(),
    days: 30,
    state: 'subscribed',
    topics: [],
    none: undefined,
  };
  return { ...base, value: fresh[next.kind] };
};

export const kindOf = (condition: Condition): ValueKind =>
  FIELDS[condition.field]?.operators.find((o) => o.value === condition.operator)?.kind ?? 'text';
