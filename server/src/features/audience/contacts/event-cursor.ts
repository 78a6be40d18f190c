/**
 * The keyset position of an entry in a contact's timeline (newest first): its time, whether it is
 * a reply (campaigns_replies) or an event (campaigns_events), and its id in that table, so entries
 * of one millisecond still page without skips or repeats. At one time, replies come before
 * events; an entry without a time sorts as 0, oldest.
 */
export interface EventCursor {
  at: number;
  id: number;
  reply: boolean;
}

export const encodeEventCursor = (cursor: EventCursor) => `${cursor.at}_${cursor.reply ? 'r' : ''}${cursor.id}`;

export const decodeEventCursor = (value: string): EventCursor | null => {
  const match = /^(\d{1,16})_(r?)(\d{1,12})$/.exec(value);
  return match ? { at: Number(match[1]), id: Number(match[3]), reply: match[2] === 'r' } : null;
};

/** Orders timeline entries newest first, as the cursor reads them. */
export const compareTimeline = (a: EventCursor, b: EventCursor) => b.at - a.at || Number(b.reply) - Number(a.reply) || b.id - a.id;
