import type { Knex } from 'knex';
import { chunks, whereInList } from '../../../db/bulk-insert';

/** The suppression reason an erasure leaves, keyed by the address's hash with the address itself gone. */
export const ERASED_REASON = 'erased';

/**
 * Which of these address hashes an erasure removed: such an address never becomes a contact again
 * (the contacts API refuses it, imports reject its row, audience sources skip it), whatever other
 * suppressions say. `db`: the caller's transaction when the answer must hold until it commits.
 */
export const erasedHashes = async (db: Knex, suppressionsTable: string, hashes: readonly string[]): Promise<Set<string>> => {
  const found = new Set<string>();
  for (const part of chunks([...new Set(hashes)])) {
    if (!part.length) continue;
    const rows: Array<{ email_hash: string }> = await whereInList(
      db,
      db(suppressionsTable).select('email_hash').where('reason', ERASED_REASON),
      'email_hash',
      part
    );
    for (const row of rows) found.add(row.email_hash);
  }
  return found;
};

/** The message every refusal of an erased address gives: it names no address. */
export const ERASED_MESSAGE = "this address was erased at its owner's request (GDPR) and may not be added again";
