import knexFactory from 'knex';
import { mailableContacts, type CompileContext } from '../compile';
import { checkRuleLimits, ruleGroupSchema, type RuleGroup } from '../rules';

const ctx: CompileContext = {
  tables: {
    contacts: 'campaigns_contacts',
    suppressions: 'campaigns_suppressions',
    suppressionTopics: { table: 'campaigns_suppressions_topic_lnk', suppressionColumn: 'suppression_id', topicColumn: 'topic_id' },
    deliveries: 'campaigns_deliveries',
    events: 'campaigns_events',
    topicLinks: { table: 'campaigns_contacts_topics_lnk', contactColumn: 'contact_id', topicColumn: 'topic_id' },
  },
  dialect: 'postgres',
  topicIds: new Map([['topicdoc1', 7]]),
  campaignIds: new Map([['campaigndoc1', 9]]),
  now: new Date('2026-11-25T12:00:00Z'),
};

const dialects = ['pg', 'mysql2', 'better-sqlite3'] as const;
const DIALECT = { pg: 'postgres', mysql2: 'mysql', 'better-sqlite3': 'sqlite' } as const;
const sqlFor = (client: (typeof dialects)[number], rules: RuleGroup) =>
  mailableContacts(knexFactory({ client, useNullAsDefault: true }), ruleGroupSchema.parse(rules), { ...ctx, dialect: DIALECT[client] })
    .toSQL()
    .toNative();

describe.each(dialects)('compiled for %s', (client) => {
  test('user values only ever travel as bindings', () => {
    const hostile = "x' OR 1=1; DROP TABLE contacts; --";
    const { sql, bindings } = sqlFor(client, {
      match: 'any',
      rules: [
        { field: 'email', operator: 'eq', value: hostile },
        { field: 'firstName', operator: 'contains', value: hostile },
        { field: 'locale', operator: 'in', value: [hostile] },
      ],
    });
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).not.toContain('1=1');
    expect(bindings).toEqual(expect.arrayContaining([hostile, `%${hostile.toLowerCase()}%`]));
  });

  test('always limits to subscribed contacts outside the global suppression list', () => {
    const { sql } = sqlFor(client, { match: 'all', rules: [] });
    expect(sql).toMatch(/state.{0,3} = /);
    expect(sql.toLowerCase()).toContain('not exists');
    expect(sql).toContain('campaigns_suppressions');
  });

  test('escapes LIKE wildcards so they match literally', () => {
    const { bindings } = sqlFor(client, { match: 'all', rules: [{ field: 'email', operator: 'startsWith', value: '50%_off!' }] });
    expect(bindings).toContain('50!%!_off!!%');
  });

  test('attribute paths and values travel as bindings', () => {
    const { sql, bindings } = sqlFor(client, {
      match: 'all',
      rules: [
        { field: 'attribute', path: 'address.city', operator: 'eq', value: "Paris'; DROP TABLE x; --" },
        { field: 'attribute', path: 'orders', operator: 'gte', value: 3 },
      ],
    });
    expect(sql).not.toContain('address');
    expect(sql).not.toContain('DROP TABLE');
    expect(bindings).toEqual(expect.arrayContaining(["Paris'; DROP TABLE x; --", 3]));
    expect(bindings.some((b) => String(b).includes('address') && String(b).includes('city'))).toBe(true);
  });

  test('engagement is an EXISTS on deliveries with the campaign row id and a time bound in epoch ms', () => {
    const { sql, bindings } = sqlFor(client, {
      match: 'all',
      rules: [{ field: 'engagement', activity: 'clicked', operator: 'didNot', campaign: 'campaigndoc1', withinDays: 30 }],
    });
    expect(sql.toLowerCase()).toContain('not exists');
    expect(sql).toContain('first_click_at');
    expect(bindings).toEqual(expect.arrayContaining([9, ctx.now.getTime() - 30 * 86_400_000]));
  });

  test("one link's clickers and a bounce's kind are an EXISTS on the delivery's events, by how their data begins", () => {
    const link = sqlFor(client, {
      match: 'all',
      rules: [{ field: 'engagement', activity: 'clicked', operator: 'did', campaign: 'campaigndoc1', linkId: 5 }],
    });
    expect(link.sql).toContain('campaigns_events');
    expect(link.sql).not.toContain('first_click_at');
    expect(link.bindings).toEqual(expect.arrayContaining([9, 'click', '{"linkid":5,%']));
    const soft = sqlFor(client, {
      match: 'all',
      rules: [{ field: 'engagement', activity: 'bounced', operator: 'did', campaign: 'any', bounce: 'soft', withinDays: 7 }],
    });
    expect(soft.sql).toMatch(/NOT LIKE/);
    expect(soft.bindings).toEqual(expect.arrayContaining(['bounce', '{"kind":"hard"%', ctx.now.getTime() - 7 * 86_400_000]));
  });

  test('topic membership is an EXISTS on the join table with the resolved row id', () => {
    const { sql, bindings } = sqlFor(client, { match: 'all', rules: [{ field: 'topic', operator: 'memberOfNone', value: ['topicdoc1'] }] });
    expect(sql).toContain('campaigns_contacts_topics_lnk');
    expect(bindings).toContain(7);
  });
});

test('an empty "any" group matches nobody; an empty "all" group matches everyone', () => {
  expect(sqlFor('pg', { match: 'any', rules: [] }).sql).toContain('1 = 0');
  expect(sqlFor('pg', { match: 'all', rules: [] }).sql).not.toContain('1 = 0');
});

test('rule schema refuses unknown fields, operators and value types', () => {
  for (const rule of [
    { field: 'password', operator: 'eq', value: 'x' },
    { field: 'email', operator: 'matches', value: 'x' },
    { field: 'email', operator: 'eq', value: 42 },
    { field: 'state', operator: 'eq', value: 'deleted' },
    { field: 'createdAt', operator: 'inLastDays', value: -1 },
    { field: 'email', operator: 'eq', value: 'x', sql: '1=1' },
    { field: 'attribute', path: 'a) OR 1=1 --', operator: 'eq', value: 'x' },
    { field: 'attribute', path: 'a.b.c.d.e.f', operator: 'eq', value: 'x' },
    { field: 'attribute', path: 'plan', operator: 'gt', value: '5' },
    { field: 'engagement', activity: 'bought', operator: 'did', campaign: 'any' },
    { field: 'engagement', activity: 'opened', operator: 'did', campaign: "x' OR 1=1" },
    { field: 'engagement', activity: 'opened', operator: 'did', campaign: 'c1', linkId: 5 },
    { field: 'engagement', activity: 'clicked', operator: 'did', campaign: 'any', linkId: 5 },
    { field: 'engagement', activity: 'clicked', operator: 'did', campaign: 'c1', linkId: 0 },
    { field: 'engagement', activity: 'opened', operator: 'did', campaign: 'c1', bounce: 'hard' },
    { field: 'engagement', activity: 'bounced', operator: 'did', campaign: 'c1', bounce: 'permanent' },
  ]) {
    expect(ruleGroupSchema.safeParse({ match: 'all', rules: [rule] }).success).toBe(false);
  }
});

test('limits depth and the number of conditions', () => {
  const deep = [1, 2, 3, 4, 5, 6].reduce<RuleGroup>((inner) => ({ match: 'all', rules: [inner] }), { match: 'all', rules: [] });
  expect(checkRuleLimits(deep)).toBe('rules are nested 7 groups deep; at most 6');
  const wide: RuleGroup = {
    match: 'any',
    rules: Array.from({ length: 2 }, () => ({
      match: 'all' as const,
      rules: Array.from({ length: 150 }, () => ({ field: 'email' as const, operator: 'isSet' as const })),
    })),
  };
  expect(checkRuleLimits(wide)).toBe('rules hold 300 conditions; at most 200');
});
