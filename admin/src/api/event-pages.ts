import type { ContactActivityResponse, ContactEvent } from '../../../shared/contracts/contacts';

/** A timeline entry's key: a reply and an event may share an id (they are rows of two tables). */
export const timelineKey = (e: ContactEvent) => `${e.reply ? 'reply' : 'event'}-${e.id}`;

/**
 * A contact's events as the timeline holds them after one more answer: a first page (no `before`)
 * replaces what was there; an older page (`before` set) goes after it, without the events already
 * shown (a page read twice adds nothing).
 */
export const mergeEventPages = (
  shown: ContactActivityResponse,
  answer: ContactActivityResponse,
  before: string | undefined
): ContactActivityResponse => {
  if (!before) return answer;
  const known = new Set(shown.data.events.map(timelineKey));
  return {
    data: { ...shown.data, events: [...shown.data.events, ...answer.data.events.filter((e) => !known.has(timelineKey(e)))] },
    meta: { ...shown.meta, events: answer.meta.events },
  };
};
