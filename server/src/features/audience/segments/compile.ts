import type { Knex } from 'knex';
import { like, likeEscape } from '../../../db/like';
import { clickDataPrefix, HARD_BOUNCE_DATA_PREFIX } from '../../../events/delivery-event';
import { blockingSuppressions, type SuppressionTables } from '../suppressions/blocking';
import { jsonValue, type Dialect } from './json-path';
import { isGroup, TEXT_FIELDS, type Condition, type RuleGroup } from './rules';

export interface SegmentTables {
  contacts: string;
  suppressions: string;
  /** The join table of a suppression's topic (topic-scoped suppressions). */
  suppressionTopics: SuppressionTables['topicLinks'];
  deliveries: string;
  /** The delivery events (a click on one link, a bounce). */
  events: string;
  /** The contacts <-> topics join table Strapi made for the manyToMany relation. */
  topicLinks: { table: string; contactColumn: string; topicColumn: string };
}

export interface CompileContext {
  dialect: Dialect;
  tables: SegmentTables;
  /** Topic and campaign documentId -> row id, resolved (and checked) by the caller. */
  topicIds: ReadonlyMap<string, number>;
  campaignIds: ReadonlyMap<string, number>;
  /** The topic of the campaign the audience is for: its topic-scoped suppressions leave it too. */
  campaignTopicId?: number | null;
  now: Date;
}

const ACTIVITY_COLUMN = { received: 'sent_at', opened: 'first_open_at', clicked: 'first_click_at', replied: 'first_reply_at' } as const;
const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const DAY_MS = 86_400_000;

// Comparisons on a computed expression (a JSON value): knex takes those only through raw bindings.
const compare = (qb: Knex.QueryBuilder, expr: Knex.Raw, op: '=' | '>' | '>=' | '<' | '<=', value: string | number) =>
  qb.whereRaw(`? ${op} ?`, [expr, value]);
const isNull = (qb: Knex.QueryBuilder, expr: Knex.Raw, negate = false) => qb.whereRaw(`? IS ${negate ? 'NOT ' : ''}NULL`, [expr]);
const inList = (qb: Knex.QueryBuilder, expr: Knex.Raw, values: string[], negate = false) =>
  qb.whereRaw(`? ${negate ? 'NOT ' : ''}IN (${values.map(() => '?').join(', ')})`, [expr, ...values]);

const applyAttribute = (
  knex: Knex,
  qb: Knex.QueryBuilder,
  c: Extract<Condition, { field: 'attribute' }>,
  ctx: CompileContext,
  alias: string
) => {
  const value = jsonValue(knex, ctx.dialect, `${alias}.attributes`, c.path);
  switch (c.operator) {
    case 'eq':
    case 'neq': {
      const matches = (q: Knex.QueryBuilder) =>
        typeof c.value === 'boolean'
          ? q.whereRaw(value.bool(c.value))
          : compare(q, typeof c.value === 'number' ? value.number : value.text, '=', c.value);
      // "not equal" includes contacts without the attribute, as the text fields' neq does.
      return c.operator === 'eq' ? qb.where(matches) : qb.where((q) => q.whereNot(matches).orWhere((n) => isNull(n, value.text)));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(qb, value.number, COMPARE[c.operator], c.value);
    case 'contains':
      return like(qb, value.text, `%${likeEscape(c.value)}%`);
    case 'notContains':
      return qb.where((q) => like(q, value.text, `%${likeEscape(c.value)}%`, true).orWhere((n) => isNull(n, value.text)));
    case 'startsWith':
      return like(qb, value.text, `${likeEscape(c.value)}%`);
    case 'endsWith':
      return like(qb, value.text, `%${likeEscape(c.value)}`);
    case 'in':
      return inList(qb, value.text, c.value);
    case 'notIn':
      return qb.where((q) => inList(q, value.text, c.value, true).orWhere((n) => isNull(n, value.text)));
    case 'isSet':
      return isNull(qb, value.text, true);
    case 'isNotSet':
      return isNull(qb, value.text);
  }
};

type Engagement = Extract<Condition, { field: 'engagement' }>;

/** The delivery events an engagement reads when the deliveries' own first times cannot tell it. */
const eventMatch = (qb: Knex.QueryBuilder, c: Engagement) => {
  if (c.activity === 'clicked') {
    qb.where('e.type', 'click').where('e.is_bot', false);
    return like(qb, 'e.data', `${likeEscape(clickDataPrefix(c.linkId as number).toLowerCase())}%`);
  }
  qb.where('e.type', 'bounce');
  if (!c.bounce) return qb;
  // like() compares the lower-cased column: the pattern is lower case too.
  const hard = `${likeEscape(HARD_BOUNCE_DATA_PREFIX.toLowerCase())}%`;
  return c.bounce === 'hard' ? like(qb, 'e.data', hard) : qb.where((q) => like(q, 'e.data', hard, true).orWhereNull('e.data'));
};

const applyEngagement = (qb: Knex.QueryBuilder, c: Engagement, ctx: CompileContext, alias: string) => {
  const { deliveries, events } = ctx.tables;
  const since = c.withinDays ? ctx.now.getTime() - c.withinDays * DAY_MS : null;
  const activity = (sub: Knex.QueryBuilder) => {
    sub.select(1).from(`${deliveries} as d`).whereRaw('d.contact_id = ??.id', [alias]);
    if (c.campaign !== 'any') sub.where('d.campaign_id', ctx.campaignIds.get(c.campaign) as number);
    if (c.activity === 'bounced' || c.linkId !== undefined) {
      sub.join(`${events} as e`, 'e.delivery_id', 'd.id');
      eventMatch(sub, c);
      if (since !== null) sub.where('e.occurred_at', '>=', since);
      return sub;
    }
    const column = `d.${ACTIVITY_COLUMN[c.activity]}`;
    sub.whereNotNull(column);
    if (since !== null) sub.where(column, '>=', since);
    return sub;
  };
  return c.operator === 'did' ? qb.whereExists(activity) : qb.whereNotExists(activity);
};

const applyCondition = (knex: Knex, qb: Knex.QueryBuilder, c: Condition, ctx: CompileContext, alias: string) => {
  switch (c.field) {
    case 'attribute':
      return applyAttribute(knex, qb, c, ctx, alias);
    case 'engagement':
      return applyEngagement(qb, c, ctx, alias);
    case 'state': {
      const column = `${alias}.state`;
      if (Array.isArray(c.value)) return c.operator === 'in' ? qb.whereIn(column, c.value) : qb.whereNotIn(column, c.value);
      return c.operator === 'eq' ? qb.where(column, c.value) : qb.whereNot(column, c.value);
    }
    case 'createdAt': {
      const column = `${alias}.created_at`;
      if (typeof c.value === 'string') return qb.where(column, c.operator === 'before' ? '<' : '>', new Date(c.value));
      const since = new Date(ctx.now.getTime() - c.value * DAY_MS);
      return c.operator === 'inLastDays' ? qb.where(column, '>=', since) : qb.where(column, '<', since);
    }
    case 'topic': {
      const { table, contactColumn, topicColumn } = ctx.tables.topicLinks;
      const ids = c.value.map((documentId) => ctx.topicIds.get(documentId) as number);
      const membership = (sub: Knex.QueryBuilder) =>
        sub.select(1).from(table).whereRaw('??.?? = ??.??', [table, contactColumn, alias, 'id']).whereIn(`${table}.${topicColumn}`, ids);
      return c.operator === 'memberOfAny' ? qb.whereExists(membership) : qb.whereNotExists(membership);
    }
    default: {
      const column = `${alias}.${TEXT_FIELDS[c.field]}`;
      switch (c.operator) {
        case 'eq':
          return qb.where(column, c.value);
        case 'neq':
          return qb.where((q) => q.whereNot(column, c.value).orWhereNull(column));
        case 'contains':
          return like(qb, column, `%${likeEscape(c.value)}%`);
        case 'notContains':
          return qb.where((q) => like(q, column, `%${likeEscape(c.value)}%`, true).orWhereNull(column));
        case 'startsWith':
          return like(qb, column, `${likeEscape(c.value)}%`);
        case 'endsWith':
          return like(qb, column, `%${likeEscape(c.value)}`);
        case 'in':
          return qb.whereIn(column, c.value);
        case 'notIn':
          return qb.where((q) => q.whereNotIn(column, c.value).orWhereNull(column));
        case 'isSet':
          return qb.whereNotNull(column).whereNot(column, '');
        case 'isNotSet':
          return qb.where((q) => q.whereNull(column).orWhere(column, ''));
      }
    }
  }
};

const applyGroup = (knex: Knex, qb: Knex.QueryBuilder, group: RuleGroup, ctx: CompileContext, alias: string): Knex.QueryBuilder => {
  // An empty group matches everyone in "all" and no one in "any", as in the builders editors know.
  if (group.rules.length === 0) return group.match === 'all' ? qb : qb.whereRaw('1 = 0');
  return qb.where((outer) => {
    for (const rule of group.rules) {
      const add = (inner: Knex.QueryBuilder) => {
        if (isGroup(rule)) applyGroup(knex, inner, rule, ctx, alias);
        else applyCondition(knex, inner, rule, ctx, alias);
      };
      if (group.match === 'all') outer.andWhere(add);
      else outer.orWhere(add);
    }
  });
};

/**
 * The contacts a segment can mail: subscribed, matching the rules, and on no active suppression
 * that blocks them (global, or scoped to the campaign's topic; matched by email hash, so erased
 * addresses stay suppressed). One query. `byId`: the caller reads it in windows of ids (a keyset
 * page), which the primary key must serve.
 */
export const mailableContacts = (knex: Knex, group: RuleGroup, ctx: CompileContext, alias = 'c', { byId = false } = {}) => {
  const { suppressions, suppressionTopics } = ctx.tables;
  // Without statistics SQLite serves `state = ?` from the state index, then reads and sorts every
  // subscribed contact for one window of ids: a page cost the whole table (O(n²) over a dispatch).
  // Unary + keeps the value and takes the index away, so the id range is what it searches.
  const subscribed = byId && ctx.dialect === 'sqlite' ? knex.raw('+?? = ?', [`${alias}.state`, 'subscribed']) : null;
  const qb = subscribed
    ? knex(`${ctx.tables.contacts} as ${alias}`).where(subscribed)
    : knex(`${ctx.tables.contacts} as ${alias}`).where(`${alias}.state`, 'subscribed');
  applyGroup(knex, qb, group, ctx, alias);
  return qb.whereNotExists(
    blockingSuppressions(knex, { suppressions, topicLinks: suppressionTopics }, `${alias}.email_hash`, {
      topicId: ctx.campaignTopicId ?? null,
      now: ctx.now,
    })
  );
};
