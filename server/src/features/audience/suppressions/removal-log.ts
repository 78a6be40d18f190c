import type { Knex } from 'knex';
import { TABLES } from '../../../constants';

/** Who lifted a suppression: an admin as they were then, or null when the recipient did (their own yes). */
export interface ActingAdmin {
  id: number;
  name: string;
}

/** A lifted suppression as the log keeps it: what it was, who lifted it, when and why. */
export interface RemovalEntry {
  suppressionDocumentId: string;
  email: string | null;
  emailHash: string;
  reason: string;
  scope: string;
  topic: { documentId: string; name: string | null } | null;
  /** Epoch ms. */
  suppressedAt: number | null;
  expiresAt: number | null;
  note: string;
  removedBy: ActingAdmin | null;
  removedAt: number;
}

/**
 * Writes the record of a lifted suppression, in the transaction that deletes it: every way a
 * suppression is lifted (an admin's removal, a recipient's resubscribe, undo or topic choice)
 * leaves one, so the log answers "why is this address mailed again?".
 */
export const logRemoval = (trx: Knex.Transaction, entry: RemovalEntry) =>
  trx(TABLES.suppressionRemovals).insert({
    suppression_document_id: entry.suppressionDocumentId,
    email: entry.email,
    email_hash: entry.emailHash,
    reason: entry.reason,
    scope: entry.scope,
    topic_document_id: entry.topic?.documentId ?? null,
    topic_name: entry.topic?.name ?? null,
    suppressed_at: entry.suppressedAt,
    expires_at: entry.expiresAt,
    note: entry.note,
    removed_by_id: entry.removedBy?.id ?? null,
    removed_by_name: entry.removedBy?.name ?? null,
    removed_at: entry.removedAt,
  });
