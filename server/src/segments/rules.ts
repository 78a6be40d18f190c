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

/** A key inside the contact's JSON attributes: dotted identifiers, at most five levels. */
const attributePath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,4}$/, 'a dotted attribute name such as plan or address.city');

const attributeCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.literal('eq'), value: z.union([textValue, z.number(), z.boolean()]) }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.literal('neq'), value: z.union([textValue, z.number(), z.boolean()]) }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['contains', 'notContains', 'startsWith', 'endsWith']), value: textValue }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['in', 'notIn']), value: z.array(textValue).min(1).max(1000) }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['isSet', 'isNotSet']) }),
]);

/**
 * Engagement with one campaign (by documentId) or with any campaign, optionally within the last
 * N days: read from the deliveries table, so it costs one indexed EXISTS.
 */
const engagementCondition = z.strictObject({
  field: z.literal('engagement'),
  activity: z.enum(['received', 'opened', 'clicked', 'replied']),
  operator: z.enum(['did', 'didNot']),
  campaign: z.union([z.literal('any'), z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a campaign documentId or "any"')]),
  withinDays: z.number().int().min(1).max(3650).optional(),
});

const conditionSchema = z.union([textCondition, stateCondition, createdAtCondition, topicCondition, attributeCondition, engagementCondition]);
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

const conditionsIn = (group: RuleGroup): Condition[] => group.rules.flatMap((rule) => (isGroup(rule) ? conditionsIn(rule) : [rule]));

/** The topic and campaign documentIds the rules name: the service checks they exist and maps them to row ids. */
export const referencesIn = (group: RuleGroup) => {
  const conditions = conditionsIn(group);
  return {
    topics: [...new Set(conditions.flatMap((c) => (c.field === 'topic' ? c.value : [])))],
    campaigns: [...new Set(conditions.flatMap((c) => (c.field === 'engagement' && c.campaign !== 'any' ? [c.campaign] : [])))],
  };
};
