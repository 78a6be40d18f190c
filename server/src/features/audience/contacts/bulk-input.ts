import { z } from 'zod';
import { ACTIONS } from '../../../constants';
import { MAX_BULK_CONTACTS, type ContactBulkAction } from '../../../../../shared/contracts/contacts';
import { documentIdField } from '../../../validation/fields';

const documentIds = z
  .array(documentIdField)
  .min(1, 'select at least one contact')
  .max(MAX_BULK_CONTACTS, `at most ${MAX_BULK_CONTACTS} contacts at a time`)
  .transform((ids) => [...new Set(ids)]);

const topics = z
  .array(documentIdField, { error: (issue) => (issue.input === undefined ? 'required: the topics to add or remove' : undefined) })
  .min(1, 'name at least one topic')
  .max(100)
  .transform((ids) => [...new Set(ids)]);

/** POST /contacts/bulk `data`: the action decides which fields are allowed. */
export const contactBulkInput = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal(['delete', 'unsubscribe']), documentIds }),
    z.strictObject({ action: z.literal(['addTopics', 'removeTopics']), documentIds, topics }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be one of delete, addTopics, removeTopics, unsubscribe' : undefined) }
);

export type ContactBulkInput = z.output<typeof contactBulkInput>;

/** The permission each bulk action needs on top of the route's own (write). */
export const BULK_ACTION_PERMISSION: Record<ContactBulkAction, string> = {
  delete: ACTIONS.delete,
  addTopics: ACTIONS.write,
  removeTopics: ACTIONS.write,
  unsubscribe: ACTIONS.write,
};
