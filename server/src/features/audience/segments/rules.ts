import { z } from 'zod';
import { CONTACT_STATES } from '../../../constants';
import { boundedJson, type JsonBounds } from '../../../validation/json-bounds';

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

const MAX_TEXT = 320;
const textValue = z.string().max(MAX_TEXT);
const textField = z.enum(Object.keys(TEXT_FIELDS) as [TextField, ...TextField[]]);

const textCondition = z.discriminatedUnion('operator', [
  z.strictObject({
    field: textField,
    operator: z.enum(['eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith']),
    value: textValue,
  }),
  z.strictObject({ field: textField, operator: z.enum(['in', 'notIn']), value: z.array(textValue).min(1).max(1000) }),
  z.strictObject({ field: textField, operator: z.enum(['isSet', 'isNotSet']) }),
]);

const stateCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: z.literal('state'), operator: z.enum(['eq', 'neq']), value: z.enum(CONTACT_STATES) }),
  z.strictObject({ field: z.literal('state'), operator: z.enum(['in', 'notIn']), value: z.array(z.enum(CONTACT_STATES)).min(1) }),
]);

const createdAtCondition = z.discriminatedUnion('operator', [
  z.strictObject({ field: z.literal('createdAt'), operator: z.enum(['before', 'after']), value: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    field: z.literal('createdAt'),
    operator: z.enum(['inLastDays', 'notInLastDays']),
    value: z.number().int().min(1).max(36500),
  }),
]);

/** Topic values are topic documentIds as saved; the service resolves them to row ids before compiling. */
const topicCondition = z.strictObject({
  field: z.literal('topic'),
  operator: z.enum(['memberOfAny', 'memberOfNone']),
  value: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a topic documentId'))
    .min(1)
    .max(100),
});

/** A key inside the contact's JSON attributes: dotted identifiers, at most five levels. */
const attributePath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,4}$/, 'a dotted attribute name such as plan or address.city');

const attributeCondition = z.discriminatedUnion('operator', [
  z.strictObject({
    field: z.literal('attribute'),
    path: attributePath,
    operator: z.literal('eq'),
    value: z.union([textValue, z.number(), z.boolean()]),
  }),
  z.strictObject({
    field: z.literal('attribute'),
    path: attributePath,
    operator: z.literal('neq'),
    value: z.union([textValue, z.number(), z.boolean()]),
  }),
  z.strictObject({
    field: z.literal('attribute'),
    path: attributePath,
    operator: z.enum(['contains', 'notContains', 'startsWith', 'endsWith']),
    value: textValue,
  }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
  z.strictObject({
    field: z.literal('attribute'),
    path: attributePath,
    operator: z.enum(['in', 'notIn']),
    value: z.array(textValue).min(1).max(1000),
  }),
  z.strictObject({ field: z.literal('attribute'), path: attributePath, operator: z.enum(['isSet', 'isNotSet']) }),
]);

/**
 * Engagement with one campaign (by documentId) or with any campaign, optionally within the last
 * N days. Received, opened, clicked and replied read the deliveries' own times (one indexed
 * EXISTS); a click on one link (`linkId`, of one campaign) and a bounce (`bounce`: hard or soft)
 * read the delivery's events, as a campaign report's figures count them.
 */
const engagementCondition = z
  .strictObject({
    field: z.literal('engagement'),
    activity: z.enum(['received', 'opened', 'clicked', 'replied', 'bounced']),
    operator: z.enum(['did', 'didNot']),
    campaign: z.union([z.literal('any'), z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a campaign documentId or "any"')]),
    withinDays: z.number().int().min(1).max(3650).optional(),
    linkId: z.number().int().positive().optional(),
    bounce: z.enum(['hard', 'soft']).optional(),
  })
  .check((ctx) => {
    const c = ctx.value;
    if (c.linkId !== undefined && (c.activity !== 'clicked' || c.campaign === 'any'))
      ctx.issues.push({ code: 'custom', path: ['linkId'], input: c.linkId, message: 'a link is only for "clicked" with one campaign' });
    if (c.bounce !== undefined && c.activity !== 'bounced')
      ctx.issues.push({ code: 'custom', path: ['bounce'], input: c.bounce, message: 'a bounce kind is only for "bounced"' });
  });

const conditionSchema = z.union([
  textCondition,
  stateCondition,
  createdAtCondition,
  topicCondition,
  attributeCondition,
  engagementCondition,
]);
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

const isRawGroup = (value: unknown): value is { rules: unknown[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { rules?: unknown }).rules);

/**
 * Group depth and condition count of rules as sent, before any schema reads them: with its own
 * stack, as the recursive schema would overflow Node's on rules a thousand groups deep. Anything
 * holding a `rules` array counts as a group, so no shape gets past it uncounted.
 */
const measure = (input: unknown): { depth: number; conditions: number } => {
  const stack: Array<{ group: { rules: unknown[] }; depth: number }> = isRawGroup(input) ? [{ group: input, depth: 1 }] : [];
  let depth = 0;
  let conditions = 0;
  // More groups than a 1 MB body can hold: only a cyclic object handed over by code gets here.
  for (let visited = 0; stack.length > 0 && visited < 1_000_000; visited += 1) {
    const { group, depth: at } = stack.pop()!;
    depth = Math.max(depth, at);
    for (const rule of group.rules) {
      if (isRawGroup(rule)) stack.push({ group: rule, depth: at + 1 });
      else conditions += 1;
    }
  }
  return { depth, conditions };
};

/** Size limits that a schema cannot express: nesting depth and the total number of conditions. */
export const checkRuleLimits = (group: unknown): string | null => {
  const { depth, conditions } = measure(group);
  if (depth > MAX_DEPTH) return `rules are nested ${depth} groups deep; at most ${MAX_DEPTH}`;
  if (conditions > MAX_CONDITIONS) return `rules hold ${conditions} conditions; at most ${MAX_CONDITIONS}`;
  return null;
};

/**
 * Past the group limits, the JSON itself: six groups with a condition's value list at the bottom
 * are 2 * 6 + 3 levels; texts are at most MAX_TEXT; 1 MB is Strapi's own limit on a JSON body.
 */
const RULES_JSON: JsonBounds = { maxDepth: 2 * MAX_DEPTH + 3, maxEntries: 100_000, maxStringLength: MAX_TEXT, maxLength: 1024 * 1024 };

/**
 * Rules as an API receives them: the limits are checked before the recursive schema runs, so a
 * thousand-group tree is a 400 naming the limit, not a stack overflow.
 */
export const rulesInput = z
  .unknown()
  .check((ctx) => {
    const limit = checkRuleLimits(ctx.value);
    if (limit) ctx.issues.push({ code: 'custom', input: ctx.value, message: limit });
  })
  .pipe(boundedJson(RULES_JSON))
  .pipe(ruleGroupSchema);

const conditionsIn = (group: RuleGroup): Condition[] => group.rules.flatMap((rule) => (isGroup(rule) ? conditionsIn(rule) : [rule]));

/** The topic and campaign documentIds the rules name: the service checks they exist and maps them to row ids. */
export const referencesIn = (group: RuleGroup) => {
  const conditions = conditionsIn(group);
  return {
    topics: [...new Set(conditions.flatMap((c) => (c.field === 'topic' ? c.value : [])))],
    campaigns: [...new Set(conditions.flatMap((c) => (c.field === 'engagement' && c.campaign !== 'any' ? [c.campaign] : [])))],
  };
};
