import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { countMoves, lockStateCounts, type DeliveryMove } from '../analytics/delivery-counts';
import { countDomainMoves, type DomainMove } from '../analytics/domain-store';
import { domainOf } from '../analytics/domains';
import { retryDeadlocks } from '../../db/deadlock';
import type { ContactSignal } from '../../contact-signals/apply-signal';
import type { ContactSignalType } from '../../contact-signals/precedence';
import type { DeliveryEvent, RecordedEvent } from '../../events/delivery-event';
import type { BounceType } from './classifier/classification';
import { concernsOurMail, findDeliveries, matchRecipients, type MatchKeys, type MatchedDelivery } from './matching';
import type { InboundNotice, InboundPipeline, MatchMethod, NoticeAction, NoticeOutcome, NoticeRecipient } from './notice';
import { noticeKey } from './notice-key';
import { countedSoftBounces, insertNotices, markSoftLimitReached, storedNotices, storeRaw, type NoticeRow } from './notice-store';
import { actionOf, isSoft, softSuppressionExpiry, softWindowStart, type InboundPolicy } from './policy';
import { deliveryEventOf } from './notice-event';
import { hubEventOf, hubSubjectOf } from './hub-events';
import { limitCrossings } from './soft-limit';
import type { Announce } from '../../site-events/catalogue';
import { announceEach } from '../../site-events/signal-events';

export interface InboundPipelineDeps {
  knex: Knex;
  policy: InboundPolicy;
  /** Raw bodies are kept up to this many bytes. */
  storedRawBytes: number;
  match: MatchKeys;
  /** The one write path of delivery events. */
  record(event: DeliveryEvent): Promise<RecordedEvent | null>;
  /** The one contact signal path; `db`: the transaction the change is part of. */
  signal(signal: ContactSignal, db?: Knex): Promise<number>;
  /** The site's `campaigns.*` events (site-events/). */
  announce: Announce;
}

/** One recipient of one notice, on its way through the pipeline. */
interface Item {
  notice: InboundNotice;
  recipient: NoticeRecipient | null;
  key: string;
  delivery: MatchedDelivery | null;
  matchedBy: MatchMethod | null;
  bounceType: BounceType | null;
  action: NoticeAction;
}

const SIGNAL_OF: Partial<Record<NoticeAction, ContactSignalType>> = {
  complained: 'complaint',
  unsubscribed: 'unsubscribe',
};

const bounceTypeOf = (notice: InboundNotice, recipient: NoticeRecipient | null): BounceType | null =>
  notice.kind === 'bounce' ? (recipient?.bounceType ?? 'undetermined') : null;

/** Whether a bounce says this message was not delivered and will not be (a delay warning does not). */
const isFinalFailure = (item: Item) =>
  item.notice.kind === 'bounce' && (item.bounceType === 'hard' || Boolean(item.recipient?.status?.startsWith('5')));

/**
 * The one inbound pipeline. Each recipient of each notice is applied once, by its idempotency key
 * (origin, reference, recipient): matched to its delivery, turned into the policy's action, its
 * delivery event recorded and its delivery updated, and stored as a notice row.
 *
 * Crash safety: every effect is idempotent on its own (the suppression is written unless one that
 * lasts as long exists, the contact update is conditional, events have their own keys, the
 * delivery update is conditional on its state) and the notice row is written LAST, in one
 * transaction with the raw body. A run that dies half-way has stored no row for what it was doing,
 * so the retry does it all again, changing only what the dead run had not reached, and ends in the
 * same state. Only the run that inserts a row emits its extension event, so a retry or a
 * concurrent twin never emits twice. One transaction around everything would not give more: the
 * recorder batches events across callers in transactions of its own.
 */
export const createInboundPipeline = (deps: InboundPipelineDeps): InboundPipeline => {
  const { knex, policy } = deps;

  const windowMs = policy.softBounce.windowDays * 86_400_000;
  const limitsSoftBounces = policy.softBounce.action === 'suppress';
  const isCountedSoft = (item: Item) => Boolean(item.delivery) && item.notice.kind === 'bounce' && isSoft(item.bounceType);

  /** The soft bounces of this call that bring their address to the limit, counted with those stored. */
  const softLimitCrossings = async (items: Item[]) => {
    const soft = items.filter(isCountedSoft);
    if (!soft.length || !limitsSoftBounces) return new Set<Item>();
    const since = Math.min(...soft.map((item) => softWindowStart(policy, item.notice.at)));
    const byEmail = new Map<string, Array<{ campaignId: number; at: number; item?: Item }>>();
    const add = (email: string, bounce: { campaignId: number; at: number; item?: Item }) =>
      byEmail.set(email, [...(byEmail.get(email) ?? []), bounce]);
    for (const counted of await countedSoftBounces(knex, [...new Set(soft.map((item) => item.delivery!.email))], since))
      add(counted.email, counted);
    for (const item of soft) add(item.delivery!.email, { campaignId: item.delivery!.campaignId, at: item.notice.at, item });
    return new Set(
      [...byEmail.values()].flatMap((bounces) =>
        limitCrossings(bounces, policy.softBounce.count, windowMs).flatMap((b) => (b.item ? [b.item] : []))
      )
    );
  };

  /**
   * The soft limit again, from the stored rows, once this call's rows are in: two calls that each
   * counted before the other's rows were stored (two workers, two webhooks at once) may both have
   * stayed under it, and a run that died after storing its rows never reached its own check. The
   * crossing bounce's suppression is written first, then its row says so; only the call that
   * changes the row tells extensions. A row of this very call is left to tell them once, with its
   * final action (`own`); another call's row already told them it was counted, so they now hear
   * that it suppressed.
   */
  const enforceSoftLimits = async (emails: readonly string[], since: number, own: ReadonlyMap<number, Item>) => {
    if (!emails.length || !limitsSoftBounces) return;
    const byEmail = new Map<string, Awaited<ReturnType<typeof countedSoftBounces>>>();
    for (const counted of await countedSoftBounces(knex, emails, since))
      byEmail.set(counted.email, [...(byEmail.get(counted.email) ?? []), counted]);
    for (const [email, bounces] of byEmail) {
      for (const crossing of limitCrossings(bounces, policy.softBounce.count, windowMs)) {
        if (crossing.action !== 'soft-counted') continue;
        const expiresAt = softSuppressionExpiry(policy, crossing.at) ?? undefined;
        await deps.signal({
          type: 'soft-bounce-limit',
          contactIds: [],
          origin: 'inbound',
          address: { email, sourceEvent: `inbound:${crossing.key}`, ...(expiresAt ? { expiresAt } : {}) },
        });
        if (await markSoftLimitReached(knex, crossing.id)) {
          const ours = own.get(crossing.id);
          if (ours) {
            ours.action = 'suppressed';
            continue;
          }
          const hub = hubEventOf('suppressed', {
            noticeId: crossing.id,
            email,
            contactId: crossing.contactId,
            campaignId: crossing.campaignId,
            deliveryId: crossing.deliveryId,
            bounceType: crossing.bounceType,
            reason: crossing.reason,
            source: crossing.source,
          });
          if (hub) announceEach(deps.announce, [hub]);
        }
      }
    }
  };

  const signalOf = (item: Item): ContactSignal | null => {
    const delivery = item.delivery;
    if (!delivery) return null;
    const sourceEvent = `inbound:${item.key}`;
    const about = { origin: 'inbound' as const, delivery: { campaignId: delivery.campaignId, deliveryId: delivery.id } };
    if (item.action === 'suppressed') {
      const hard = !isSoft(item.bounceType);
      const expiresAt = hard ? undefined : (softSuppressionExpiry(policy, item.notice.at) ?? undefined);
      return {
        type: hard ? 'bounce' : 'soft-bounce-limit',
        contactIds: hard ? [delivery.contactId] : [],
        address: { email: delivery.email, sourceEvent, ...(expiresAt ? { expiresAt } : {}) },
        ...about,
      };
    }
    const type = SIGNAL_OF[item.action];
    return type ? { type, contactIds: [delivery.contactId], address: { email: delivery.email, sourceEvent }, ...about } : null;
  };

  /**
   * A bounce that failed the message fails its delivery; a delivery notice settles one whose fate
   * was unknown. Each move is counted for its campaign's report (analytics/delivery-counts.ts),
   * under its counters' lock, taken first.
   */
  const updateDeliveries = async (trx: Knex.Transaction, items: Item[], now: number) => {
    // In id order, as the signals go in address order: concurrent batches lock rows in one order.
    const failed = items.filter((i) => i.delivery && isFinalFailure(i)).sort((a, b) => a.delivery!.id - b.delivery!.id);
    const delivered = items
      .filter((item) => item.delivery && item.notice.kind === 'delivered')
      .sort((a, b) => a.delivery!.id - b.delivery!.id);
    if (!failed.length && !delivered.length) return;
    await lockStateCounts(
      trx,
      [...failed, ...delivered].map((item) => item.delivery!.campaignId)
    );
    const moves: DeliveryMove[] = [];
    const domainMoves: DomainMove[] = [];
    const move = (delivery: MatchedDelivery, from: string, to: string, count: number) => {
      moves.push({ campaignId: delivery.campaignId, variant: delivery.variant, from, to, count });
      domainMoves.push({ campaignId: delivery.campaignId, domain: domainOf(delivery.email), from, count });
    };
    for (const item of failed) {
      for (const from of ['sent', 'unknown']) {
        const count = await trx(TABLES.deliveries)
          .where({ id: item.delivery!.id, state: from })
          .update({ state: 'failed', failed_at: item.notice.at, last_error: item.recipient?.diagnostic ?? 'bounced', updated_at: now });
        move(item.delivery!, from, 'failed', count);
        if (count) break;
      }
    }
    // Per campaign, variant and domain, so each statement's count is one move.
    const byVariant = new Map<string, MatchedDelivery[]>();
    for (const { delivery } of delivered) {
      const key = `${delivery!.campaignId}\n${delivery!.variant}\n${domainOf(delivery!.email)}`;
      byVariant.set(key, [...(byVariant.get(key) ?? []), delivery!]);
    }
    for (const group of byVariant.values()) {
      for (const part of chunks(group)) {
        const count = await trx(TABLES.deliveries)
          .whereIn(
            'id',
            part.map((delivery) => delivery.id)
          )
          .where('state', 'unknown')
          .update({ state: 'sent', updated_at: now });
        move(part[0], 'unknown', 'sent', count);
      }
    }
    await countMoves(trx, moves);
    await countDomainMoves(trx, domainMoves);
  };

  const rowOf = (item: Item, rawId: number | null, now: number): NoticeRow => ({
    idempotency_key: item.key,
    source: item.notice.source,
    origin: item.notice.origin,
    kind: item.notice.kind,
    bounce_type: item.bounceType,
    reason: item.recipient?.reason ?? null,
    status: item.recipient?.status ?? null,
    diagnostic: item.recipient?.diagnostic ?? null,
    feedback_type: item.notice.feedbackType,
    email: item.delivery?.email ?? item.recipient?.email ?? null,
    delivery_id: item.delivery?.id ?? null,
    campaign_id: item.delivery?.campaignId ?? null,
    contact_id: item.delivery?.contactId ?? null,
    matched_by: item.matchedBy,
    action: item.action,
    raw_id: rawId,
    occurred_at: item.notice.at,
    created_at: now,
  });

  return {
    async concerns(notice) {
      const deliveries = await findDeliveries(knex, [notice], deps.match, Date.now());
      return concernsOurMail(notice, matchRecipients(notice, deliveries, deps.match), deps.match);
    },

    async apply(notices) {
      const now = Date.now();
      const keysOf = notices.map((notice) =>
        (notice.recipients.length ? notice.recipients : [null]).map((recipient) =>
          noticeKey(notice.origin, notice.reference, recipient?.email ?? null)
        )
      );
      const stored = await storedNotices(knex, [...new Set(keysOf.flat())]);

      // The first occurrence of each key not stored yet is applied; every other is a repeat.
      const fresh = new Set<string>();
      const freshNotices = notices.filter((_, n) => {
        const keys = keysOf[n].filter((key) => !stored.has(key) && !fresh.has(key));
        keys.forEach((key) => fresh.add(key));
        return keys.length > 0;
      });
      const deliveries = await findDeliveries(knex, freshNotices, deps.match, now);
      const items = new Map<string, Item>();
      for (const notice of freshNotices) {
        for (const { recipient, delivery, matchedBy } of matchRecipients(notice, deliveries, deps.match)) {
          const key = noticeKey(notice.origin, notice.reference, recipient?.email ?? null);
          if (!fresh.has(key) || items.has(key)) continue;
          items.set(key, { notice, recipient, key, delivery, matchedBy, bounceType: bounceTypeOf(notice, recipient), action: 'unmatched' });
        }
      }
      const applied = [...items.values()];
      const crossings = await softLimitCrossings(applied);
      for (const item of applied) {
        if (item.delivery)
          item.action = actionOf(policy, { kind: item.notice.kind, bounceType: item.bounceType, reachesSoftLimit: crossings.has(item) });
      }

      // Contacts, suppressions and deliveries in one transaction: one commit for the batch. Signals
      // go in address order, so two batches at once take the addresses' locks in the same order.
      const signals = applied
        .flatMap((item) => signalOf(item) ?? [])
        .sort((a, b) => (a.address!.email < b.address!.email ? -1 : a.address!.email > b.address!.email ? 1 : 0));
      await retryDeadlocks(() =>
        knex.transaction(async (trx) => {
          for (const signal of signals) await deps.signal(signal, trx);
          await updateDeliveries(trx, applied, now);
        })
      );
      await Promise.all(
        applied.flatMap((item) => {
          const event = item.delivery ? deliveryEventOf(item.notice, item.recipient, item.delivery, item.action) : null;
          return event ? [deps.record(event)] : [];
        })
      );

      const inserted = await knex.transaction(async (trx) => {
        const bodies = [...new Set(applied.flatMap((item) => (item.notice.raw === null ? [] : [item.notice.raw])))];
        const rawIds = bodies.length ? await storeRaw(trx, bodies, deps.storedRawBytes, now) : new Map<string, number>();
        return insertNotices(
          trx,
          applied.map((item) => rowOf(item, item.notice.raw === null ? null : (rawIds.get(item.notice.raw) ?? null), now))
        );
      });
      const softEmails = new Set(applied.filter(isCountedSoft).map((item) => item.delivery!.email));
      const softAts = applied.filter(isCountedSoft).map((item) => item.notice.at);
      for (const earlier of stored.values()) {
        if (earlier.action === 'soft-counted' && earlier.email) {
          softEmails.add(earlier.email);
          softAts.push(earlier.at);
        }
      }
      const own = new Map(applied.flatMap((item) => (inserted.has(item.key) ? [[inserted.get(item.key)!, item] as const] : [])));
      await enforceSoftLimits([...softEmails], Math.min(...softAts) - windowMs, own);
      for (const item of applied) {
        const id = inserted.get(item.key);
        const hub =
          id === undefined || !item.delivery ? null : hubEventOf(item.action, hubSubjectOf(item.notice, item.recipient, item.delivery, id));
        if (hub) announceEach(deps.announce, [hub]);
      }

      // Keys another process stored while this one worked: theirs, read back.
      const lost = applied.filter((item) => !inserted.has(item.key)).map((item) => item.key);
      const theirs = lost.length ? await storedNotices(knex, lost) : new Map();
      const answered = new Set<string>();
      return keysOf.flatMap((keys) =>
        keys.map((key): NoticeOutcome => {
          const item = items.get(key);
          const id = inserted.get(key);
          if (item && id !== undefined) {
            const repeat = answered.has(key);
            answered.add(key);
            const email = item.delivery?.email ?? item.recipient?.email ?? null;
            return { id, email, deliveryId: item.delivery?.id ?? null, matchedBy: item.matchedBy, action: item.action, repeat };
          }
          const earlier = stored.get(key) ?? theirs.get(key);
          if (!earlier) throw new Error(`campaigns: the inbound notice ${key} was neither stored nor found`);
          return {
            id: earlier.id,
            email: earlier.email,
            deliveryId: earlier.deliveryId,
            matchedBy: earlier.matchedBy,
            action: earlier.action,
            repeat: true,
          };
        })
      );
    },
  };
};
