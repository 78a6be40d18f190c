/**
 * The keyset position of an event in a contact's timeline (newest first): its time and id, so
 * events of one millisecond still page without skips or repeats. An event without a time sorts
 * as 0, oldest.
 */
export interface EventCursor {
  at: number;
  id: number;
}

export const encodeEventCursor = (cursor: EventCursor) => `${cursor.at}_${cursor.id}`;

export const decodeEventCursor = (value: string): EventCursor | null => {
  const match = /^(\d{1,16})_(\d{1,12})$/.exec(value);
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null;
};
