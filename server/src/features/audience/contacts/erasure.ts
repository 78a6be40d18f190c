import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import type { ErasureCounts, ErasureResult } from '../../../../../shared/contracts/privacy';
import { TABLES, UID } from '../../../constants';
import { signalTables } from '../../../contact-signals/tables';
import { chunks } from '../../../db/bulk-insert';
import { isDeadlock } from '../../../db/deadlock';
import { columnsOf } from '../../../db/columns';
import { isSqlite } from '../../../db/dialect';
import { ofContact } from '../../../events/event-store';
import { createDocumentId } from '../../../db/document-id';
import { hashEmail } from '../../../validation/email';
import { sha256Hex } from '../../inbound/notice-key';
import { STALE_SENDING_MS } from '../../sending/delivery-states';
import { deleteContacts } from './contact-delete';
import { ERASED_REASON } from './erased';
import { erasedEventData } from './erased-event-data';

/** Who asked: kept in the erasure log; `origin` goes with the announced event. */
export interface ErasureActor {
  origin: 'admin' | 'api' | 'system';
  /** e.g. `admin 3`; never the contact's data. */
  label: string;
}

/**
 * How long an erasure waits for messages to its contact that a worker has already claimed. A
 * claimed message is being handed to the SMTP server; it is marked sent (or failed) once the
 * server answers, and the job's next claim writes that.
 */
const CLAIM_WAIT_MS = 60_000;
const RETRY_EVERY_MS = 200;

/** A message to the contact is in flight: the transaction is rolled back and tried again once it settles. */
class ClaimedSend extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Erases a contact: in one transaction the contact row goes (with its topic links, its fields, its
 * consent record and its source ids), its deliveries keep their ids, campaign and state but lose
 * the address and the SMTP error text, its events keep only what describes the event
 * (erased-event-data.ts), inbound notices about it lose address and diagnostic and their raw mails
 * are deleted, replies lose sender, subject, texts and raw mail, the address's suppressions lose the
 * address, and an `erased` suppression keyed by the address's hash keeps it from being mailed,
 * imported or mirrored again. The erasure log records the hash, time, actor and counts.
 *
 * Sending: the transaction first locks the contact and its queued and claimed deliveries. Queued
 * ones become `suppressed` (a worker's claim, a conditional UPDATE of queued rows, then finds
 * nothing). A claimed one (`sending`) may be on its way to the SMTP server: the transaction is
 * rolled back and tried again every 200 ms until the worker has settled it, for at most a minute
 * (then a 400 says so and nothing changed). So no message leaves for the address after the
 * erasure commits. A claim older than the sweep's limit belongs to a dead worker and does not
 * hold the erasure up. A dispatch page that read the contact before the erasure locks it (shared)
 * while it inserts deliveries (delivery-store.ts insertQueued): it either finishes first, and the
 * erasure blanks what it made, or finds the contact gone.
 */
export const createErasure = (
  strapi: Core.Strapi,
  announce: (contactId: number, documentId: string, actor: ErasureActor) => void,
  { claimWaitMs = CLAIM_WAIT_MS } = {}
) => {
  const tables = () => {
    const signal = signalTables(strapi);
    return {
      contacts: signal.contacts,
      contact: columnsOf(strapi, UID.contact, ['documentId', 'email'] as const),
      suppressions: signal.suppressions,
      suppression: signal.suppressionColumns,
    };
  };

  /** Rows of `table` about the contact: by contact id, by its deliveries, or (where given) by the address. */
  const aboutContact = async (
    trx: Knex.Transaction,
    table: string,
    columns: string[],
    contactId: number,
    deliveryIds: readonly number[],
    address?: { column: string; values: string[] }
  ) => {
    const rows = new Map<number, Record<string, unknown>>();
    const add = (found: Array<Record<string, unknown>>) => found.forEach((row) => rows.set(Number(row.id), row));
    add(
      await trx(table)
        .select(columns)
        .where('contact_id', contactId)
        .modify((q) => {
          if (address) q.orWhereIn(address.column, address.values);
        })
    );
    for (const part of chunks(deliveryIds)) add(await trx(table).select(columns).whereIn('delivery_id', part));
    return [...rows.values()];
  };

  const eraseIn = async (
    trx: Knex.Transaction,
    documentId: string,
    actor: ErasureActor,
    now: number
  ): Promise<{ contactId: number; result: ErasureResult }> => {
    const t = tables();
    const lock = !isSqlite(trx);
    const contactQuery = trx(t.contacts).select({ id: 'id', email: t.contact.email }).where(t.contact.documentId, documentId);
    if (lock) contactQuery.forUpdate();
    const contact = (await contactQuery.first()) as { id: number; email: string } | undefined;
    if (!contact) throw new errors.NotFoundError(`No contact with documentId "${documentId}"`);
    const contactId = Number(contact.id);
    const email = String(contact.email);
    const emailHash = hashEmail(email);
    const addresses = [...new Set([email, email.toLowerCase()])];
    const D = TABLES.deliveries;

    const pendingQuery = trx(D).select('id', 'state', 'sending_at').where('contact_id', contactId).whereIn('state', ['queued', 'sending']);
    if (lock) pendingQuery.forUpdate();
    const pending: Array<{ state: string; sending_at: number | string | null }> = await pendingQuery;
    if (pending.some((row) => row.state === 'sending' && Number(row.sending_at ?? 0) > now - STALE_SENDING_MS)) throw new ClaimedSend();

    const counts: ErasureCounts = {
      deliveries: 0,
      deliveriesSuppressed: 0,
      events: 0,
      notices: 0,
      rawMessages: 0,
      replies: 0,
      suppressions: 0,
    };
    counts.deliveriesSuppressed = await trx(D)
      .where({ contact_id: contactId, state: 'queued' })
      .update({ state: 'suppressed', updated_at: now });
    const deliveryIds = ((await trx(D).select('id').where('contact_id', contactId)) as Array<{ id: number }>).map((r) => Number(r.id));
    // The row stays (email is NOT NULL: '' stands for "erased"), so every count by state still adds up.
    counts.deliveries = await trx(D).where('contact_id', contactId).update({ email: '', last_error: null, updated_at: now });

    // Events with the same data left are written together: a contact's clicks on one link are one statement.
    const byData = new Map<string | null, number[]>();
    for (const row of await trx(TABLES.events).select('id', 'data').modify(ofContact(trx, contactId))) {
      const before = (row.data as string | null) ?? null;
      const after = erasedEventData(before);
      if (after === before) continue;
      byData.set(after, [...(byData.get(after) ?? []), Number(row.id)]);
    }
    for (const [data, ids] of byData) {
      for (const part of chunks(ids)) counts.events += await trx(TABLES.events).whereIn('id', part).update({ data });
    }

    const notices = await aboutContact(trx, TABLES.inboundNotices, ['id', 'raw_id', 'idempotency_key'], contactId, deliveryIds, {
      column: 'email',
      values: addresses,
    });
    // The raw mail quotes the address whoever else it was about: it goes, and every notice that pointed at it forgets it.
    const rawIds = [
      ...new Set(
        notices
          .map((n) => n.raw_id)
          .filter((id) => id !== null && id !== undefined)
          .map(Number)
      ),
    ];
    for (const notice of notices) {
      // The key spells the recipient: a hash of it keeps the row unique without the address.
      await trx(TABLES.inboundNotices)
        .where('id', Number(notice.id))
        .update({ email: null, diagnostic: null, raw_id: null, idempotency_key: `erased|${sha256Hex(String(notice.idempotency_key))}` });
    }
    counts.notices = notices.length;
    for (const part of chunks(rawIds)) {
      await trx(TABLES.inboundNotices).whereIn('raw_id', part).update({ raw_id: null });
      counts.rawMessages += await trx(TABLES.inboundRaw).whereIn('id', part).delete();
    }

    const replies = await aboutContact(trx, TABLES.replies, ['id'], contactId, deliveryIds, { column: 'from_address', values: addresses });
    for (const part of chunks(replies.map((r) => Number(r.id)))) {
      // Emptied rather than NULL: the columns are NOT NULL (migration 014); class, match and times stay.
      counts.replies += await trx(TABLES.replies).whereIn('id', part).update({
        from_address: '',
        from_name: null,
        subject: '',
        snippet: '',
        body_text: '',
        quoted_text: '',
        signature_text: '',
        raw_id: null,
      });
    }
    // The raw mails deleted above, wherever another reply still pointed at one.
    for (const part of chunks(rawIds)) await trx(TABLES.replies).whereIn('raw_id', part).update({ raw_id: null });

    const s = t.suppression;
    const nowDate = new Date(now);
    counts.suppressions = await trx(t.suppressions)
      .where(s.emailHash, emailHash)
      .whereNotNull(s.email)
      .update({ [s.email]: null, [s.updatedAt]: nowDate });
    // The removal log keeps what a suppression was, its address among it: the hash alone stays.
    await trx(TABLES.suppressionRemovals).where('email_hash', emailHash).whereNotNull('email').update({ email: null });
    const alreadyErased = await trx(t.suppressions)
      .select('id')
      .where({ [s.emailHash]: emailHash, [s.reason]: ERASED_REASON })
      .first();
    if (!alreadyErased) {
      await trx(t.suppressions).insert({
        [s.documentId]: createDocumentId(),
        [s.email]: null,
        [s.emailHash]: emailHash,
        [s.reason]: ERASED_REASON,
        [s.scope]: 'global',
        [s.sourceEvent]: 'erasure',
        [s.expiresAt]: null,
        [s.createdAt]: nowDate,
        [s.updatedAt]: nowDate,
        [s.publishedAt]: nowDate,
      });
    }

    await deleteContacts(strapi, trx, [contactId]);
    await trx(TABLES.erasures).insert({
      email_hash: emailHash,
      contact_document_id: documentId,
      erased_at: now,
      erased_by: actor.label.slice(0, 255),
      counts: JSON.stringify(counts),
    });
    return { contactId, result: { documentId, erasedAt: nowDate.toISOString(), counts } };
  };

  return {
    async erase(documentId: string, actor: ErasureActor): Promise<ErasureResult> {
      const knex = strapi.db.connection;
      const deadline = Date.now() + claimWaitMs;
      for (;;) {
        try {
          const { contactId, result } = await knex.transaction((trx) => eraseIn(trx, documentId, actor, Date.now()));
          announce(contactId, documentId, actor);
          return result;
        } catch (error) {
          if (!(error instanceof ClaimedSend) && !isDeadlock(error)) throw error;
          if (Date.now() >= deadline) {
            throw new errors.ApplicationError(
              'A message to this contact is being sent right now and has not finished within a minute: nothing was erased, try again shortly'
            );
          }
          await sleep(RETRY_EVERY_MS);
        }
      }
    },
  };
};

export type Erasure = ReturnType<typeof createErasure>;
