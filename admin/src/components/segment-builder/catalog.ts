import type { Condition } from '../../../../shared/contracts/segments';
import { pluginMessage as m, type PluginMessage } from '../../hooks/use-plugin-messages';

/** What the builder offers per field: the operators the server accepts and how a value is typed in. */
export type ValueKind = 'text' | 'list' | 'number' | 'date' | 'days' | 'state' | 'topics' | 'engagement' | 'none';

export interface FieldSpec {
  label: PluginMessage;
  /** Comparison signs read the same in every language (and `<` would open a tag in a message): plain text. */
  operators: Array<{ value: string; label: PluginMessage | string; kind: ValueKind }>;
}

const TEXT_OPERATORS: FieldSpec['operators'] = [
  { value: 'eq', label: m('segmentBuilder.operator.is', 'is'), kind: 'text' },
  { value: 'neq', label: m('segmentBuilder.operator.isNot', 'is not'), kind: 'text' },
  { value: 'contains', label: m('segmentBuilder.operator.contains', 'contains'), kind: 'text' },
  { value: 'notContains', label: m('segmentBuilder.operator.notContains', 'does not contain'), kind: 'text' },
  { value: 'startsWith', label: m('segmentBuilder.operator.startsWith', 'starts with'), kind: 'text' },
  { value: 'endsWith', label: m('segmentBuilder.operator.endsWith', 'ends with'), kind: 'text' },
  { value: 'in', label: m('segmentBuilder.operator.in', 'is one of (comma-separated)'), kind: 'list' },
  { value: 'isSet', label: m('segmentBuilder.operator.isSet', 'is set'), kind: 'none' },
  { value: 'isNotSet', label: m('segmentBuilder.operator.isNotSet', 'is not set'), kind: 'none' },
];

export const FIELDS: Record<string, FieldSpec> = {
  email: { label: m('segmentBuilder.field.email', 'Email'), operators: TEXT_OPERATORS },
  firstName: { label: m('segmentBuilder.field.firstName', 'First name'), operators: TEXT_OPERATORS },
  lastName: { label: m('segmentBuilder.field.lastName', 'Last name'), operators: TEXT_OPERATORS },
  locale: { label: m('segmentBuilder.field.locale', 'Locale'), operators: TEXT_OPERATORS },
  timezone: { label: m('segmentBuilder.field.timezone', 'Time zone'), operators: TEXT_OPERATORS },
  source: { label: m('segmentBuilder.field.source', 'Source'), operators: TEXT_OPERATORS },
  state: {
    label: m('segmentBuilder.field.state', 'State'),
    operators: [
      { value: 'eq', label: m('segmentBuilder.operator.is', 'is'), kind: 'state' },
      { value: 'neq', label: m('segmentBuilder.operator.isNot', 'is not'), kind: 'state' },
    ],
  },
  createdAt: {
    label: m('segmentBuilder.field.createdAt', 'Created'),
    operators: [
      { value: 'inLastDays', label: m('segmentBuilder.operator.inLastDays', 'in the last (days)'), kind: 'days' },
      { value: 'notInLastDays', label: m('segmentBuilder.operator.notInLastDays', 'not in the last (days)'), kind: 'days' },
      { value: 'before', label: m('segmentBuilder.operator.before', 'before'), kind: 'date' },
      { value: 'after', label: m('segmentBuilder.operator.after', 'after'), kind: 'date' },
    ],
  },
  topic: {
    label: m('segmentBuilder.field.topic', 'Topics'),
    operators: [
      { value: 'memberOfAny', label: m('segmentBuilder.operator.memberOfAny', 'is in any of'), kind: 'topics' },
      { value: 'memberOfNone', label: m('segmentBuilder.operator.memberOfNone', 'is in none of'), kind: 'topics' },
    ],
  },
  engagement: {
    label: m('segmentBuilder.field.engagement', 'Engagement'),
    operators: [
      { value: 'did', label: m('segmentBuilder.operator.did', 'did'), kind: 'engagement' },
      { value: 'didNot', label: m('segmentBuilder.operator.didNot', 'did not'), kind: 'engagement' },
    ],
  },
  attribute: {
    label: m('segmentBuilder.field.attribute', 'Attribute'),
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
  { value: 'received', label: m('segmentBuilder.activity.received', 'receive') },
  { value: 'opened', label: m('segmentBuilder.activity.opened', 'open') },
  { value: 'clicked', label: m('segmentBuilder.activity.clicked', 'click in') },
  { value: 'replied', label: m('segmentBuilder.activity.replied', 'reply to') },
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
