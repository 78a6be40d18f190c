import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { DELIVERY_STATES, type DeliveryState } from './delivery-states';
import { isMysql, isPostgres, isSqlite } from '../../db/dialect';
import { groupCommit } from '../../db/group-commit';
import type { TemplateContact } from '../../content/render';
import { templateContactOf } from '../../content/template-contact';
import { blockingSuppressions, type SuppressionTables } from '../audience/suppressions/blocking';

/** A contact a dispatch page gives a delivery: its A/B variant ('' or absent: none) and its instant (absent: at once). */
export interface NewDelivery {
  id: number;
  email: string;
  variant?: string;
  dueAt?: number | null;
}

/** A delivery with what rendering it needs from its contact. */
export interface DeliveryToSend {
  id: number;
  /** Its A/B variant's key; '' for the campaign's own message. */
  variant: string;
  /** When it may go (epoch ms), or null for right away. */
  dueAt: number | null;
  contactId: number;
  email: string;
  attempts: number;
  contact: TemplateContact;
  contactDocumentId: string;
}

export interface StoreTables extends SuppressionTables {
  contacts: string;
}

const D = TABLES.deliveries;
const LOST_IN_FLIGHT = 'the worker stopped while this message was being sent: it may have been delivered';
/** A queued delivery and the instant it may go (null: right away). */
export interface QueuedDelivery {
  id: number;
  dueAt: number | null;
}

const toQueued = (rows: Array<{ id: number; due_at: number | string | null }>): QueuedDelivery[] =>
  rows.map((r) => ({ id: Number(r.id), dueAt: r.due_at == null ? null : Number(r.due_at) }));

/** SQLite's compound-select limit and sane statement sizes elsewhere. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[], size = CHUNK) => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const markSentIn = async (db: Knex | Knex.Transaction, ids: readonly number[], jobId: string, now: number) => {
  for (const part of chunks(ids)) {
    await db(D)
      .whereIn('id', part)
      .where({ state: 'sending', claimed_by: jobId })
      .update({ state: 'sent', sent_at: now, updated_at: now, claimed_by: null });
  }
};

/**
 * Every statement the send pipeline runs on `campaigns_deliveries`. A delivery moves
 * queued -> sending (claimed by one job) -> sent | failed | unknown, or queued -> suppressed |
 * cancelled; each move is a conditional UPDATE on the state it leaves, so two workers can never
 * both move one row.
 */
export const deliveryStore = (knex: Knex, tables: StoreTables) => {
  const inTransaction: <T>(work: (trx: Knex.Transaction) => Promise<T>) => Promise<T> = isSqlite(knex)
    ? groupCommit(knex)
    : (work) => knex.transaction(work);
  return {
    /**
     * Creates the page's deliveries; contacts that already have one for this campaign are skipped,
     * and so are contacts gone since the page was read. The contacts still there are locked (shared)
     * until the insert commits: an erasure, which locks its contact first, either waits for these
     * deliveries and then blanks their address, or commits first and none is made for its contact.
     * Each contact may carry its A/B `variant` (none: the campaign's own message, '') and its
     * instant (`dueAt`, when the send has a plan or a send-time variant).
     */
    async insertQueued(campaignId: number, contacts: ReadonlyArray<NewDelivery>, now: number) {
      if (!contacts.length) return;
      await knex.transaction(async (trx) => {
        for (const page of chunks(contacts)) {
          const present = trx(tables.contacts)
            .select('id')
            .whereIn(
              'id',
              page.map((c) => c.id)
            );
          // SQLite's one connection already runs one transaction at a time.
          if (!isSqlite(trx)) present.forShare();
          const still = new Set(((await present) as Array<{ id: number }>).map((r) => Number(r.id)));
          const part = page.filter((c) => still.has(c.id));
          if (!part.length) continue;
          await trx(D)
            .insert(
              part.map((c) => ({
                campaign_id: campaignId,
                contact_id: c.id,
                email: c.email,
                state: 'queued',
                queued_at: now,
                updated_at: now,
                attempts: 0,
                variant: c.variant ?? '',
                due_at: c.dueAt ?? null,
              }))
            )
            .onConflict(['campaign_id', 'contact_id'])
            .ignore();
        }
      });
    },

    /**
     * Queued deliveries of contacts in (afterContact, upToContact], in id order: one dispatch page.
     * `variant`: only that variant's (the winner's page leaves the test group's own jobs alone).
     */
    async queuedForContacts(campaignId: number, afterContact: number, upToContact: number, variant?: string): Promise<QueuedDelivery[]> {
      const rows = await knex(D)
        .select('id', 'due_at')
        .where({ campaign_id: campaignId, state: 'queued', ...(variant === undefined ? {} : { variant }) })
        .where('contact_id', '>', afterContact)
        .where('contact_id', '<=', upToContact)
        .orderBy('id');
      return toQueued(rows);
    },

    /** A keyset page of the campaign's queued deliveries (a resume requeues them all). */
    async queuedAfter(campaignId: number, afterId: number, limit: number): Promise<QueuedDelivery[]> {
      const rows = await knex(D)
        .select('id', 'due_at')
        .where({ campaign_id: campaignId, state: 'queued' })
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit);
      return toQueued(rows);
    },

    /**
     * Rows this job claimed in an earlier attempt and never settled: the worker died between the
     * claim and the outcome, so the message may have gone. They become `unknown`, never resent.
     */
    async settleOrphans(ids: readonly number[], jobId: string, now: number) {
      let settled = 0;
      for (const part of chunks(ids)) {
        settled += await knex(D)
          .whereIn('id', part)
          .where({ state: 'sending', claimed_by: jobId })
          .update({ state: 'unknown', last_error: LOST_IN_FLIGHT, updated_at: now });
      }
      return settled;
    },

    /**
     * The job's still-queued deliveries with their contacts. Those whose contact is gone, no longer
     * subscribed, or blocked by an active suppression (global, or of the campaign's `topicId`) are
     * marked `suppressed` here, right before sending: the same check as dispatch's, made again.
     */
    async loadSendable(ids: readonly number[], now: number, topicId: number | null = null): Promise<DeliveryToSend[]> {
      const blocking = blockingSuppressions(knex, tables, 'c.email_hash', { topicId, now: new Date(now) });
      const rows: Array<Record<string, unknown>> = [];
      for (const part of chunks(ids)) {
        rows.push(
          ...(await knex(`${D} as d`)
            .leftJoin(`${tables.contacts} as c`, 'c.id', 'd.contact_id')
            .select(
              'd.id',
              'd.variant',
              'd.contact_id',
              'd.email',
              'd.attempts',
              'd.due_at',
              'c.id as cid',
              'c.document_id',
              'c.first_name',
              'c.last_name',
              'c.locale',
              'c.timezone',
              'c.attributes',
              'c.state as contact_state'
            )
            .select(knex.raw('exists ? as suppressed', [blocking.clone()]))
            .whereIn('d.id', part)
            .where('d.state', 'queued')
            .orderBy('d.id'))
        );
      }
      const blocked = rows.filter(
        (r) => r.cid == null || r.contact_state !== 'subscribed' || Number(r.suppressed) === 1 || r.suppressed === true
      );
      for (const part of chunks(blocked.map((r) => Number(r.id)))) {
        await knex(D).whereIn('id', part).where('state', 'queued').update({ state: 'suppressed', updated_at: now });
      }
      const blockedIds = new Set(blocked.map((r) => r.id));
      return rows
        .filter((r) => !blockedIds.has(r.id))
        .map((r) => ({
          id: Number(r.id),
          variant: String(r.variant ?? ''),
          dueAt: r.due_at == null ? null : Number(r.due_at),
          contactId: Number(r.contact_id),
          email: String(r.email),
          attempts: Number(r.attempts),
          contact: templateContactOf(String(r.email), {
            firstName: r.first_name,
            lastName: r.last_name,
            locale: r.locale,
            timezone: r.timezone,
            attributes: r.attributes,
          }),
          contactDocumentId: String(r.document_id),
        }));
    },

    /**
     * queued -> sending for this job, a few deliveries in one statement (on SQLite every statement
     * outside a transaction is a commit with its own fsync); answers the ids this job got, which
     * leaves out those another job or a cancel moved first. Message-IDs are written here, before
     * anything is sent, so a reply can always be matched.
     */
    /**
     * Marks the previous group sent and claims the next (queued -> sending, with its Message-IDs) in
     * one transaction (on SQLite every commit waits for the disk, so concurrent claims share one) or,
     * on PostgreSQL, one statement.
     * Answers the ids this job now holds.
     */
    async claim(
      ids: readonly number[],
      jobId: string,
      messageIdOf: (id: number) => string,
      now: number,
      sentBefore: readonly number[] = []
    ): Promise<Set<number>> {
      if (!ids.length) {
        await this.markSent(sentBefore, jobId, now);
        return new Set();
      }
      const messageIds = ids.flatMap((id) => [id, messageIdOf(id)]);
      const byId = `case id ${ids.map(() => 'when ? then ?').join(' ')} end`;
      if (isPostgres(knex)) {
        // One statement and one round trip: the previous group's `sent` rides along as a writable CTE (the rows differ: sending vs queued).
        const { rows } = await knex.raw(
          `with sent as (update ?? set state = 'sent', sent_at = ?, updated_at = ?, claimed_by = null where id = any(?) and state = 'sending' and claimed_by = ?)
           update ?? set state = 'sending', claimed_by = ?, message_id = ${byId}, sending_at = ?, updated_at = ?, attempts = attempts + 1
           where id = any(?) and state = 'queued' returning id`,
          [D, now, now, [...sentBefore], jobId, D, jobId, ...messageIds, now, now, [...ids]]
        );
        return new Set((rows as Array<{ id: number }>).map((r) => Number(r.id)));
      }
      return inTransaction(async (trx) => {
        if (sentBefore.length) await markSentIn(trx, sentBefore, jobId, now);
        const update = trx(D)
          .whereIn('id', ids)
          .where({ state: 'queued' })
          .update({
            state: 'sending',
            claimed_by: jobId,
            message_id: trx.raw(byId, messageIds),
            sending_at: now,
            updated_at: now,
            attempts: trx.raw('attempts + 1'),
          });
        // MySQL has no UPDATE ... RETURNING: it reads back what the statement took.
        if (isMysql(trx)) {
          await update;
          const claimed: Array<{ id: number }> = await trx(D)
            .select('id')
            .whereIn('id', ids)
            .where({ state: 'sending', claimed_by: jobId });
          return new Set(claimed.map((r) => Number(r.id)));
        }
        const claimed = (await update.returning('id')) as unknown as Array<{ id: number }>;
        return new Set(claimed.map((r) => Number(r.id)));
      });
    },

    async markSent(ids: readonly number[], jobId: string, now: number) {
      if (ids.length) await markSentIn(knex, ids, jobId, now);
    },

    /** sending -> failed | unknown, or back to queued for a later try. */
    async settle(
      id: number,
      jobId: string,
      state: 'failed' | 'unknown' | 'queued',
      detail: { error: string; responseCode: number | null; retryAt?: number },
      now: number
    ) {
      return knex(D)
        .where({ id, state: 'sending', claimed_by: jobId })
        .update({
          state,
          last_error: detail.error,
          response_code: detail.responseCode,
          retry_at: detail.retryAt ?? null,
          claimed_by: null,
          updated_at: now,
          ...(state === 'failed' ? { failed_at: now } : {}),
        });
    },

    /** sending -> queued for claimed deliveries this job never tried: the claim's attempt is taken back. */
    async release(ids: readonly number[], jobId: string, now: number) {
      for (const part of chunks(ids)) {
        await knex(D)
          .whereIn('id', part)
          .where({ state: 'sending', claimed_by: jobId })
          .update({ state: 'queued', claimed_by: null, attempts: knex.raw('attempts - 1'), updated_at: now });
      }
    },

    /** A send job that gave up for good: what it had claimed may have gone, what it had not is failed. */
    async abandon(ids: readonly number[], jobId: string, reason: string, now: number) {
      for (const part of chunks(ids)) {
        await knex(D)
          .whereIn('id', part)
          .where({ state: 'sending', claimed_by: jobId })
          .update({ state: 'unknown', last_error: reason, updated_at: now });
        await knex(D)
          .whereIn('id', part)
          .where({ state: 'queued' })
          .update({ state: 'failed', last_error: reason, failed_at: now, updated_at: now });
      }
    },

    /** Claimed long ago and never settled, while no job runs: the worker died without BullMQ noticing. */
    async settleStale(campaignId: number, claimedBefore: number, now: number) {
      return knex(D)
        .where({ campaign_id: campaignId, state: 'sending' })
        .where('sending_at', '<', claimedBefore)
        .update({ state: 'unknown', last_error: LOST_IN_FLIGHT, updated_at: now });
    },

    async cancelQueued(campaignId: number, now: number) {
      return knex(D).where({ campaign_id: campaignId, state: 'queued' }).update({ state: 'cancelled', updated_at: now });
    },

    async cancelIds(ids: readonly number[], now: number) {
      for (const part of chunks(ids)) {
        await knex(D).whereIn('id', part).where({ state: 'queued' }).update({ state: 'cancelled', updated_at: now });
      }
    },

    /** Deliveries per state: one grouped read of the (campaign_id, state) index. */
    async counts(campaignId: number): Promise<Record<DeliveryState, number>> {
      const rows: Array<{ state: DeliveryState; n: number | string }> = await knex(D)
        .select('state')
        .count({ n: '*' })
        .where({ campaign_id: campaignId })
        .groupBy('state');
      const counts = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
      for (const row of rows) counts[row.state] = Number(row.n);
      return counts;
    },

    async hasPending(campaignId: number) {
      const row = await knex(D).select('id').where({ campaign_id: campaignId }).whereIn('state', ['queued', 'sending']).first();
      return Boolean(row);
    },
  };
};

export type DeliveryStore = ReturnType<typeof deliveryStore>;
