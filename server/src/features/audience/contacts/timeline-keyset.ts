import type { Knex } from 'knex';
import { compareTimeline, encodeEventCursor, type EventCursor } from './event-cursor';

/**
 * Keeps the entries of one table (events, or replies when `reply`) that come after `before` in
 * the timeline's order: older, or as old and further down (replies before events at one time,
 * then by id, descending).
 */
export const afterCursor =
  (before: EventCursor | undefined, columns: { time: string; id: string }, reply: boolean) => (qb: Knex.QueryBuilder) => {
    if (!before) return qb;
    const time = `coalesce(${columns.time}, 0)`;
    if (before.reply === reply) {
      return qb.whereRaw(`(${time} < ? or (${time} = ? and ${columns.id} < ?))`, [before.at, before.at, before.id]);
    }
    // The other table's entries at the cursor's time: all of them come after an event, none after a reply.
    return qb.whereRaw(`${time} ${reply ? '<' : '<='} ?`, [before.at]);
  };

/**
 * One page of the timeline from each table's own first `limit + 1` entries after the cursor: the
 * newest `limit` of both, and where the next page starts when either table has more.
 */
export const mergeTimeline = <T>(entries: Array<{ key: EventCursor; entry: T }>, limit: number) => {
  const sorted = [...entries].sort((a, b) => compareTimeline(a.key, b.key));
  const page = sorted.slice(0, limit);
  const last = page[page.length - 1];
  return { entries: page.map((e) => e.entry), nextBefore: sorted.length > limit && last ? encodeEventCursor(last.key) : null };
};
