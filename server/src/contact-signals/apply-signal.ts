import type { Knex } from 'knex';
import type { ContactConsent } from '../../../shared/contracts/contacts';
import { isMysql, isPostgres } from '../db/dialect';
import { createDocumentId } from '../db/document-id';
import { hashEmail } from '../validation/email';
import { ruleOf, type ContactSignalType } from './precedence';
import type { SignalTables } from './tables';

export interface ContactSignal {
  type: ContactSignalType;
  /** The contacts it applies to (none: only the address's suppression is written). */
  contactIds: readonly number[];
  /** A resubscribe that may bring back a bounced or complained contact (the admin's decision). */
  force?: boolean;
  /** The consent a resubscribe records (other signals keep the consent there is). */
  consent?: ContactConsent;
  /**
   * The address the signal came from (a delivery's recipient, an inbound notice): suppressed when
   * the signal implies it, even when its contact is gone, so a later import cannot mail it again.
   * The admin's own state changes name no address and suppress nothing. `expiresAt`: when the
   * suppression ends by itself (a soft-bounce limit); none, it lasts until an admin lifts it.
   */
  address?: { email: string; sourceEvent: string; expiresAt?: Date };
}

/** SQLite's bound-variable and compound limits, and sane statement sizes elsewhere. */
const CHUNK = 500;

/**
 * The global suppression of an address unless one exists that lasts at least as long, as one
 * statement: the first suppression is the evidence and stays (its reason, its source event). A
 * lasting one is still written over an expiring one, so a hard bounce during a soft-bounce rest
 * is not forgotten when the rest ends.
 */
const suppress = async (knex: Knex, tables: SignalTables, reason: string, address: NonNullable<ContactSignal['address']>, now: Date) => {
  const c = tables.suppressionColumns;
  const emailHash = hashEmail(address.email);
  const expiresAt = address.expiresAt ?? null;
  const columns = [
    c.documentId,
    c.email,
    c.emailHash,
    c.reason,
    c.scope,
    c.sourceEvent,
    c.expiresAt,
    c.createdAt,
    c.updatedAt,
    c.publishedAt,
  ];
  const values = [createDocumentId(), address.email, emailHash, reason, 'global', address.sourceEvent, expiresAt, now, now, now];
  // MySQL needs a FROM to put a WHERE on a SELECT of values; DUAL is its empty table.
  const from = isMysql(knex) ? ' FROM DUAL' : '';
  const lasting = expiresAt ? ' OR ?? >= ?' : '';
  const insert = (db: Knex) =>
    db.raw(
      `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) SELECT ${values.map(() => '?').join(', ')}${from} ` +
        `WHERE NOT EXISTS (SELECT 1 FROM ?? WHERE ?? = ? AND ?? = 'global' AND (?? IS NULL${lasting}))`,
      [
        tables.suppressions,
        ...columns,
        ...values,
        tables.suppressions,
        c.emailHash,
        emailHash,
        c.scope,
        c.expiresAt,
        ...(expiresAt ? [c.expiresAt, expiresAt] : []),
      ]
    );
  // PostgreSQL's NOT EXISTS sees no row another transaction is inserting at the same moment (MySQL's
  // locking read does): two signals for one address at once would both insert. A lock on the
  // address, held until the insert commits, puts them one after the other.
  if (!isPostgres(knex)) return insert(knex);
  const lock = (trx: Knex) => trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [BigInt(`0x${emailHash.slice(0, 15)}`).toString()]);
  // Inside the caller's transaction the lock lasts until it commits; alone, a transaction of its own.
  if ((knex as Knex.Transaction).isTransaction) {
    await lock(knex);
    return insert(knex);
  }
  await knex.transaction(async (trx) => {
    await lock(trx);
    await insert(trx);
  });
};

/**
 * The one way a contact's state changes. The precedence table (precedence.ts) says which states
 * the signal may replace, and the update carries it as its condition: `UPDATE ... SET state = ?
 * WHERE id IN (...) AND state IN (...)`. Nothing is read first, so two signals racing end in the
 * higher-precedence state whatever their order, and a repeat changes nothing. The suppression the
 * signal implies is written first: an address is protected before its contact moves. Answers how
 * many contacts changed.
 */
export const applySignal = async (knex: Knex, tables: SignalTables, signal: ContactSignal, now = new Date()): Promise<number> => {
  const rule = ruleOf(signal.type, { force: signal.force });
  if (rule.suppression && signal.address) await suppress(knex, tables, rule.suppression, signal.address, now);
  const c = tables.contactColumns;
  const changes = {
    [c.state]: rule.state,
    [c.stateChangedAt]: now,
    [c.updatedAt]: now,
    ...(signal.consent && rule.state === 'subscribed' ? { [c.consent]: JSON.stringify(signal.consent) } : {}),
  };
  let changed = 0;
  if (!rule.overrides.length) return changed;
  for (let at = 0; at < signal.contactIds.length; at += CHUNK) {
    changed += await knex(tables.contacts)
      .whereIn('id', signal.contactIds.slice(at, at + CHUNK) as number[])
      .whereIn(c.state, rule.overrides as string[])
      .update(changes);
  }
  return changed;
};
