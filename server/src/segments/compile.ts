import type { Knex } from 'knex';
import { isGroup, TEXT_FIELDS, type Condition, type RuleGroup } from './rules';

export interface SegmentTables {
  contacts: string;
  suppressions: string;
  /** The contacts <-> topics join table Strapi made for the manyToMany relation. */
  topicLinks: { table: string; contactColumn: string; topicColumn: string };
}

export interface CompileContext {
  tables: SegmentTables;
  /** Topic documentId -> row id, resolved (and checked) by the caller. */
  topicIds: ReadonlyMap<string, number>;
  now: Date;
}

const DAY_MS = 86_400_000;

// '!' rather than backslash as the LIKE escape: MySQL reads a backslash inside a literal as an escape of its own.
const likeEscape = (value: string) => value.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`);

// Case-insensitive on every database (PostgreSQL's LIKE is case-sensitive, MySQL's and SQLite's are not).
const like = (qb: Knex.QueryBuilder, column: string, pattern: string, negate = false) =>
  qb.whereRaw(`LOWER(??) ${negate ? 'NOT ' : ''}LIKE ? ESCAPE '!'`, [column, pattern]);

const applyCondition = (qb: Knex.QueryBuilder, c: Condition, ctx: CompileContext, alias: string) => {
  switch (c.field) {
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

const applyGroup = (qb: Knex.QueryBuilder, group: RuleGroup, ctx: CompileContext, alias: string): Knex.QueryBuilder => {
  // An empty group matches everyone in "all" and no one in "any", as in the builders editors know.
  if (group.rules.length === 0) return group.match === 'all' ? qb : qb.whereRaw('1 = 0');
  return qb.where((outer) => {
    for (const rule of group.rules) {
      const add = (inner: Knex.QueryBuilder) => {
        if (isGroup(rule)) applyGroup(inner, rule, ctx, alias);
        else applyCondition(inner, rule, ctx, alias);
      };
      if (group.match === 'all') outer.andWhere(add);
      else outer.orWhere(add);
    }
  });
};

/**
 * The contacts a segment can mail: subscribed, matching the rules, and not on the global
 * suppression list (matched by email hash, so erased addresses stay suppressed). One query.
 */
export const mailableContacts = (knex: Knex, group: RuleGroup, ctx: CompileContext, alias = 'c') => {
  const { contacts, suppressions } = ctx.tables;
  const qb = knex(`${contacts} as ${alias}`).where(`${alias}.state`, 'subscribed');
  applyGroup(qb, group, ctx, alias);
  return qb.whereNotExists((sub) =>
    sub
      .select(1)
      .from(`${suppressions} as s`)
      .whereRaw('s.email_hash = ??.email_hash', [alias])
      .where('s.scope', 'global')
      .where((q) => q.whereNull('s.expires_at').orWhere('s.expires_at', '>', ctx.now))
  );
};
