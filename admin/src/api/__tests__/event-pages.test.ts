import type { ContactActivityResponse, ContactEvent } from '../../../../shared/contracts/contacts';
import { mergeEventPages } from '../event-pages';

const event = (id: number): ContactEvent => ({
  id,
  type: 'open',
  occurredAt: null,
  campaign: null,
  source: 'pixel',
  isBot: false,
  data: null,
  linkUrl: null,
  reply: null,
});

const answer = (ids: number[], nextBefore: string | null): ContactActivityResponse => ({
  data: { deliveries: [], events: ids.map(event) },
  meta: { deliveries: { page: 1, pageSize: 1, pageCount: 0, total: 0 }, events: { limit: 20, nextBefore } },
});

test('a first page replaces the events shown', () => {
  const fresh = answer([9, 8], 'c2');
  expect(mergeEventPages(answer([5, 4], null), fresh, undefined)).toBe(fresh);
});

test('an older page goes after the events shown, with its own cursor', () => {
  const merged = mergeEventPages(answer([9, 8], 'c1'), answer([7, 6], null), 'c1');
  expect(merged.data.events.map((e) => e.id)).toEqual([9, 8, 7, 6]);
  expect(merged.meta.events.nextBefore).toBeNull();
});

test('a page read twice adds no event twice', () => {
  const merged = mergeEventPages(answer([9, 8, 7], 'c2'), answer([7, 6], 'c3'), 'c1');
  expect(merged.data.events.map((e) => e.id)).toEqual([9, 8, 7, 6]);
  expect(merged.meta.events.nextBefore).toBe('c3');
});

test('a reply and an event of one id are two entries', () => {
  const reply: ContactEvent = { ...event(8), type: 'reply', reply: { id: 8, class: 'human', snippet: 'Thanks!' } };
  const shown = answer([9, 8], 'c1');
  const older: ContactActivityResponse = { ...answer([], null), data: { deliveries: [], events: [reply, event(7)] } };
  const merged = mergeEventPages(shown, older, 'c1');
  expect(merged.data.events.map((e) => `${e.reply ? 'r' : 'e'}${e.id}`)).toEqual(['e9', 'e8', 'r8', 'e7']);
});
