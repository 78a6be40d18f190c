import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { returnDateOfContact } from './reply-store';

/** What code may ask of the replies: a contact's stated return from an absence. */
const createRepliesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The return date (`YYYY-MM-DD`) of the contact's latest out-of-office reply, when it states one
   * that is today or later; null otherwise. For planned sends that should wait.
   */
  async returnDateOf(contactId: number): Promise<string | null> {
    if (!Number.isSafeInteger(contactId) || contactId < 1)
      throw new errors.ValidationError('contactId: a contact row id (a positive integer)');
    return returnDateOfContact(strapi.db.connection, contactId, Date.now());
  },
});

export type RepliesService = ReturnType<typeof createRepliesService>;
export default createRepliesService;
