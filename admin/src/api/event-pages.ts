import type { ContactActivityResponse } from '../../../shared/contracts/contacts';

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
  const known = new Set(shown.data.events.map((e) => e.id));
  return {
    data: { ...shown.data, events: [...shown.data.events, ...answer.data.events.filter((e) => !known.has(e.id))] },
    meta: { ...shown.meta, events: answer.meta.events },
  };
};
