import type { Condition } from '../../../../shared/contracts/segments';

/** What the builder offers per field: the operators the server accepts and how a value is typed in. */
export type ValueKind = 'text' | 'list' | 'number' | 'date' | 'days' | 'state' | 'none';

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


export const newCondition = (): Condition => ({ field: 'email', operator: 'contains', value: '' });

/** The condition after the field or operator changed: keeps the value when its kind still fits. */
export const reshape = (condition: Condition, field: string, operator?: string): Condition => {
  const spec = FIELDS[field];
  const next = spec.operators.find((o) => o.value === operator) ?? spec.operators[0];
  const previous = FIELDS[condition.field]?.operators.find((o) => o.value === condition.operator);
  const keep = previous?.kind === next.kind && field === condition.field;
  const base: Condition = { field, operator: next.value, ...(field === 'attribute' ? { path: condition.path ?? '' } : {}) };
  if (next.kind === 'none') return base;
  if (keep) return { ...base, value: condition.value };
  const fresh: Record<ValueKind, unknown> = { text: '', list: [], number: 0, date: new Date().toISOString(), days: 30, state: 'subscribed', none: undefined };
  return { ...base, value: fresh[next.kind] };
};

export const kindOf = (condition: Condition): ValueKind =>
  FIELDS[condition.field]?.operators.find((o) => o.value === condition.operator)?.kind ?? 'text';
