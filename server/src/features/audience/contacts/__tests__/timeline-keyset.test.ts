import knexFactory from 'knex';
import { afterCursor, mergeTimeline } from '../timeline-keyset';

const entry = (at: number, id: number, reply: boolean) => ({ key: { at, id, reply }, entry: `${reply ? 'r' : 'e'}${id}@${at}` });

test('a page holds the newest entries of both tables, replies first at one time, and says where the next starts', () => {
  const events = [entry(30, 5, false), entry(20, 4, false), entry(20, 3, false)];
  const replies = [entry(20, 2, true), entry(10, 1, true)];
  expect(mergeTimeline([...events, ...replies], 3)).toEqual({ entries: ['e5@30', 'r2@20', 'e4@20'], nextBefore: '20_4' });
  expect(mergeTimeline([...events, ...replies], 5)).toEqual({ entries: ['e5@30', 'r2@20', 'e4@20', 'e3@20', 'r1@10'], nextBefore: null });
  expect(mergeTimeline([], 5)).toEqual({ entries: [], nextBefore: null });
});

describe('the cursor condition of each table', () => {
  const knex = knexFactory({ client: 'sqlite3', useNullAsDefault: true });
  const sql = (before: Parameters<typeof afterCursor>[0], reply: boolean) =>
    knex('t')
      .modify(afterCursor(before, { time: 't.at', id: 't.id' }, reply))
      .toString();

  test('its own table: older, or as old with a lower id', () => {
    expect(sql({ at: 20, id: 4, reply: false }, false)).toBe(
      'select * from `t` where (coalesce(t.at, 0) < 20 or (coalesce(t.at, 0) = 20 and t.id < 4))'
    );
    expect(sql({ at: 20, id: 2, reply: true }, true)).toBe(
      'select * from `t` where (coalesce(t.at, 0) < 20 or (coalesce(t.at, 0) = 20 and t.id < 2))'
    );
  });

  test("the other table: events of a reply's time come after it, replies of an event's time came before", () => {
    expect(sql({ at: 20, id: 2, reply: true }, false)).toBe('select * from `t` where coalesce(t.at, 0) <= 20');
    expect(sql({ at: 20, id: 4, reply: false }, true)).toBe('select * from `t` where coalesce(t.at, 0) < 20');
  });

  test('no cursor: the first page', () => {
    expect(sql(undefined, true)).toBe('select * from `t`');
  });

  afterAll(() => knex.destroy());
});
