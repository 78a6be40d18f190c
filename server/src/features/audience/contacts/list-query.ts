import { z } from 'zod';
import { CONTACT_STATES } from '../../../constants';
import { documentIdField } from '../../../validation/fields';
import { listQuery } from '../../../validation/list-query';

/** The contacts list's query string: paging, search and the state, topic and source filters. */
export const contactListQuery = listQuery(['createdAt:desc', 'createdAt:asc', 'email:asc', 'email:desc'] as const).extend({
  state: z.enum(CONTACT_STATES).optional(),
  topic: documentIdField.optional(),
  source: z.string().trim().min(1).max(255).optional(),
});

export type ContactListQuery = z.output<typeof contactListQuery>;

/** Document service filters for a parsed query; search matches the address or either name. */
export const contactListFilters = (q: ContactListQuery) => ({
  ...(q.search
    ? { $or: [{ email: { $containsi: q.search } }, { firstName: { $containsi: q.search } }, { lastName: { $containsi: q.search } }] }
    : {}),
  ...(q.state ? { state: q.state } : {}),
  ...(q.topic ? { topics: { documentId: q.topic } } : {}),
  ...(q.source ? { source: q.source } : {}),
});
