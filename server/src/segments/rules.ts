import { z } from 'zod';
import { CONTACT_STATES } from '../constants';

/**
 * The saved rule tree of a segment. Fields and operators are closed lists: the compiler maps each
 * to a column or a sub-query it knows, so no user string ever becomes SQL.
 */
export const TEXT_FIELDS = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  locale: 'locale',
  timezone: 'timezone',
  source: 'source',
} as const;
export type TextField = keyof typeof TEXT_FIELDS;

export const MAX_DEPTH = 6;
export const MAX_CONDITIONS = 200;

const textValue = z.string().max(320);
const textField = z.enum(Object.keys(TEXT_FIELDS) as [TextField, ...TextField[]]);

const textCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: textField, operator: z.enum(['eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith']), value: textValue }),
  z.strictObject({ field: textField, operator: z.enum(['in', 'notIn']), value: z.array(textValue).min(1).max(1000) }),
  z.strictObject({ field: textField, operator: z.enum(['isSet', 'isNotSet']) }),
]);

const stateCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: z.literal('state'), operator: z.enum(['eq', 'neq']), value: z.enum(CONTACT_STATES) }),
  z.strictObject({ field: z.literal('state'), operator: z.enum(['in', 'notIn']), value: z.array(z.enum(CONTACT_STATES)).min(1) }),
]);

const createdAtCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: z.literal('createdAt'), operator: z.enum(['before', 'after']), value: z.iso.datetime({ offset: true }) }),
  z.strictObject({ field: z.literal('createdAt'), operator: z.enum(['inLastDays', 'notInLastDays']), value: z.number().int().min(1).max(36500) }),
]);

/** Topic values are topic documentIds as saved; the service resolves them to row ids before compiling. */
const topicCondition = z.strictObject({
  field: z.literal('topic'),
  operator: z.enum(['memberOfAny', 'memberOfNone']),
  value: z.array(z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a topic documentId')).min(1).max(100),
});

const conditionSchema = z.union([textCondition, stateCondition, createdAtCondition, topicCondition]);
export type Condition = z.output<typeof conditionSchema>;

export interface RuleGroup {
  match: 'all' | 'any';
  rules: Array<Condition | RuleGroup>;
}

export const ruleGroupSchema: z.ZodType<RuleGroup> = z.lazy(() =>
  z.strictObject({
    match: z.enum(['all', 'any']),
    rules: z.array(z.union([conditionSchema, ruleGroupSchema])).max(MAX_CONDITIONS),
  })
);

export const isGroup = (rule: Condition | RuleGroup): rule is RuleGroup => 'match' in rule;

const measure = (group: RuleGroup, depth = 1): { depth: number; conditions: number } =>
  group.rules.reduce(
    (acc, rule) => {
      if (!isGroup(rule)) return { ...acc, conditions: acc.conditions + 1 };
      const inner = measure(rule, depth + 1);
      return { depth: Math.max(acc.depth, inner.depth), conditions: acc.conditions + inner.conditions };
    },
    { depth, conditions: 0 }
  );

/** Size limits that a schema cannot express: nesting depth and the total number of conditions. */
export const checkRuleLimits = (group: RuleGroup): string | null => {
  const { depth, conditions } = measure(group);
  if (depth > MAX_DEPTH) return `rules are nested ${depth} groups deep; at most ${MAX_DEPTH}`;
  if (conditions > MAX_CONDITIONS) return `rules hold ${conditions} conditions; at most ${MAX_CONDITIONS}`;
  return null;
};

export const topicIdsIn = (group: RuleGroup): string[] =>
  group.rules.flatMap((rule) => (isGroup(rule) ? topicIdsIn(rule) : rule.field === 'topic' ? rule.value : []));
