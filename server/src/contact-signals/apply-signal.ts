import type { Knex } from 'knex';
import type { ContactConsent } from '../../../shared/contracts/contacts';
import type { ChangeOrigin } from '../site-events/catalogue';
import { retryDeadlocks } from '../db/deadlock';
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
  /** Who made the change, for the events it announces; `api` when not said. */
  origin?: ChangeOrigin;
  /** The message the signal came from (an unsubscribe link, an inbound notice), for its events. */
  delivery?: { campaignId: number; deliveryId: number };
}

/** A contact whose state this signal changed. */
export interface ChangedContact {
  id: number;
  documentId: string;
  email: string;
}

/** A suppression this signal wrote (none when one that lasts as long was there). */
export interface WrittenSuppression {
  documentId: string;
  email: string;
  reason: string;
  expiresAt: Date | null;
}

/** What a signal changed: what its events are about. */
export interface SignalOutcome {
  changed: ChangedContact[];
  suppression: WrittenSuppression | null;
}

/** SQLite's bound-variable and compound limits, and sane statement sizes elsewhere. */
const CHUNK = 500;

/** Work that is its own statement is run again as a deadlock's victim; inside a caller's transaction, the caller decides. */
const ownWork = <T>(knex: Knex, work: () => Promise<T>) => ((knex as Knex.Transaction).isTransaction ? work() : retryDeadlocks(work));

/**
 * The global suppression of an address unless one exists that lasts at least as long, as one
 * statement: the first suppression is the evidence and stays (its reason, its source event). A
 * lasting one is still written over an expiring one, so a hard bounce during a soft-bounce rest
 * is not forgotten when the rest ends.
 */
const suppress = async (
  knex: Knex,
  tables: SignalTables,
  reason: string,
  address: NonNullable<ContactSignal['address']>,
  now: Date
): Promise<WrittenSuppression | null> => {
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
  const documentId = createDocumentId();
  const values = [documentId, address.email, emailHash, reason, 'global', address.sourceEvent, expiresAt, now, now, now];
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
  const written = (result: unknown) => (insertedRows(knex, result) ? { documentId, email: address.email, reason, expiresAt } : null);
  // PostgreSQL's NOT EXISTS sees no row another transaction is inserting at the same moment (MySQL's
  // locking read does): two signals for one address at once would both insert. A lock on the
  // address, held until the insert commits, puts them one after the other. On MySQL, inserts at
  // once into one gap (or, on MariaDB, for the AUTO-INC lock) may deadlock: the victim runs again.
  if (isMysql(knex)) return written(await ownWork(knex, () => insert(knex)));
  if (!isPostgres(knex)) return written(await insert(knex));
  const lock = (trx: Knex) => trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [BigInt(`0x${emailHash.slice(0, 15)}`).toString()]);
  // Inside the caller's transaction the lock lasts until it commits; alone, a transaction of its own.
  if ((knex as Knex.Transaction).isTransaction) {
    await lock(knex);
    return written(await insert(knex));
  }
  return knex.transaction(async (trx) => {
    await lock(trx);
    return written(await insert(trx));
  });
};

/** How many rows a raw INSERT wrote, from each driver's answer. */
const insertedRows = (knex: Knex, result: unknown): number => {
  if (isPostgres(knex)) return (result as { rowCount: number }).rowCount;
  if (isMysql(knex)) return (result as [{ affectedRows: number }])[0].affectedRows;
  return (result as { changes: number }).changes;
};

/**
 * The conditional UPDATE of one chunk, answering the contacts it moved. PostgreSQL and SQLite say
 * so themselves (RETURNING). MySQL cannot: it locks the rows in the overridable states first
 * (SELECT ... FOR UPDATE, in a transaction), and the update then moves exactly those.
 */
const moveContacts = async (
  knex: Knex,
  tables: SignalTables,
  ids: number[],
  overrides: readonly string[],
  changes: Record<string, unknown>
): Promise<ChangedContact[]> => {
  const c = tables.contactColumns;
  const toChanged = (rows: Array<Record<string, unknown>>) =>
    rows.map((row) => ({ id: Number(row.id), documentId: String(row[c.documentId]), email: String(row[c.email]) }));
  const moving = (db: Knex) =>
    db(tables.contacts)
      .whereIn('id', ids)
      .whereIn(c.state, overrides as string[]);
  if (!isMysql(knex)) return toChanged(await moving(knex).update(changes, ['id', c.documentId, c.email]));
  const locked = async (trx: Knex) => {
    const rows = await moving(trx).select('id', c.documentId, c.email).forUpdate();
    if (rows.length)
      await moving(trx)
        .whereIn(
          'id',
          rows.map((row: { id: number }) => row.id)
        )
        .update(changes);
    return toChanged(rows);
  };
  return (knex as Knex.Transaction).isTransaction ? locked(knex) : retryDeadlocks(() => knex.transaction(locked));
};

/**
 * The one way a contact's state changes. The precedence table (precedence.ts) says which states
 * the signal may replace, and the update carries it as its condition: `UPDATE ... SET state = ?
 * WHERE id IN (...) AND state IN (...)`. Nothing is read first, so two signals racing end in the
 * higher-precedence state whatever their order, and a repeat changes nothing. The suppression the
 * signal implies is written first: an address is protected before its contact moves. Answers the
 * contacts it changed and the suppression it wrote: what its events are about.
 */
export const applySignal = async (knex: Knex, tables: SignalTables, signal: ContactSignal, now = new Date()): Promise<SignalOutcome> => {
  const rule = ruleOf(signal.type, { force: signal.force });
  const suppression = rule.suppression && signal.address ? await suppress(knex, tables, rule.suppression, signal.address, now) : null;
  const c = tables.contactColumns;
  const changes = {
    [c.state]: rule.state,
    [c.stateChangedAt]: now,
    [c.updatedAt]: now,
    ...(signal.consent && rule.state === 'subscribed' ? { [c.consent]: JSON.stringify(signal.consent) } : {}),
  };
  const changed: ChangedContact[] = [];
  if (!rule.overrides.length) return { changed, suppression };
  for (let at = 0; at < signal.contactIds.length; at += CHUNK) {
    changed.push(...(await moveContacts(knex, tables, signal.contactIds.slice(at, at + CHUNK) as number[], rule.overrides, changes)));
  }
  return { changed, suppression };
};
