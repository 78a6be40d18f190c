import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import type { ContactSignal } from '../../contact-signals/apply-signal';
import type { ContactSignalType } from '../../contact-signals/precedence';
import type { DeliveryEvent, RecordedEvent } from '../../events/delivery-event';
import type { BounceType } from './classifier/classification';
import { findDeliveries, matchRecipients, type MatchedDelivery, type VerpKey } from './matching';
import type { InboundNotice, InboundPipeline, MatchMethod, NoticeAction, NoticeOutcome, NoticeRecipient } from './notice';
import { noticeKey } from './notice-key';
import { insertNotices, storedNotices, storeRaw, countedSoftBounces, type NoticeRow } from './notice-store';
import { actionOf, isSoft, softSuppressionExpiry, softWindowStart, type InboundPolicy } from './policy';
import { deliveryEventOf } from './notice-event';
import { hubEventOf } from './hub-events';

export interface InboundPipelineDeps {
  knex: Knex;
  policy: InboundPolicy;
  /** Raw bodies are kept up to this many bytes. */
  storedRawBytes: number;
  /** Null when no signing secret is configured: then nothing was sent with a VERP address. */
  verp: VerpKey | null;
  /** The one write path of delivery events. */
  record(event: DeliveryEvent): Promise<RecordedEvent | null>;
  /** The one contact signal path. */
  signal(signal: ContactSignal): Promise<number>;
  /** Strapi's event hub, for extensions. */
  emit(event: string, payload: Record<string, unknown>): void;
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

  /** Soft bounces: how many distinct campaigns each address bounced on in its window, this bounce included. */
  const countSoftCampaigns = async (items: Item[]) => {
    const soft = items
      .filter((item) => item.delivery && item.notice.kind === 'bounce' && isSoft(item.bounceType))
      .sort((a, b) => a.notice.at - b.notice.at);
    const counts = new Map<Item, number>();
    if (!soft.length || policy.softBounce.action === 'ignore') return counts;
    const since = Math.min(...soft.map((item) => softWindowStart(policy, item.notice.at)));
    const history = await countedSoftBounces(knex, [...new Set(soft.map((item) => item.delivery!.email))], since);
    const seen: Array<{ email: string; campaignId: number; at: number }> = [...history];
    for (const item of soft) {
      const { email, campaignId } = item.delivery!;
      const start = softWindowStart(policy, item.notice.at);
      const campaigns = new Set(seen.filter((s) => s.email === email && s.at >= start && s.at <= item.notice.at).map((s) => s.campaignId));
      campaigns.add(campaignId);
      counts.set(item, campaigns.size);
      seen.push({ email, campaignId, at: item.notice.at });
    }
    return counts;
  };

  const signalOf = (item: Item): ContactSignal | null => {
    const delivery = item.delivery;
    if (!delivery) return null;
    const sourceEvent = `inbound:${item.key}`;
    if (item.action === 'suppressed') {
      const hard = !isSoft(item.bounceType);
      const expiresAt = hard ? undefined : (softSuppressionExpiry(policy, item.notice.at) ?? undefined);
      return {
        type: hard ? 'bounce' : 'soft-bounce-limit',
        contactIds: hard ? [delivery.contactId] : [],
        address: { email: delivery.email, sourceEvent, ...(expiresAt ? { expiresAt } : {}) },
      };
    }
    const type = SIGNAL_OF[item.action];
    return type ? { type, contactIds: [delivery.contactId], address: { email: delivery.email, sourceEvent } } : null;
  };

  /** A bounce that failed the message fails its delivery; a delivery notice settles one whose fate was unknown. */
  const updateDeliveries = async (items: Item[], now: number) => {
    const failed = items.filter((item) => item.delivery && isFinalFailure(item));
    for (const part of chunks(failed)) {
      for (const item of part) {
        await knex(TABLES.deliveries)
          .where('id', item.delivery!.id)
          .whereIn('state', ['sent', 'unknown'])
          .update({ state: 'failed', failed_at: item.notice.at, last_error: item.recipient?.diagnostic ?? 'bounced', updated_at: now });
      }
    }
    const delivered = items.filter((item) => item.delivery && item.notice.kind === 'delivered').map((item) => item.delivery!.id);
    for (const part of chunks(delivered)) {
      await knex(TABLES.deliveries).whereIn('id', part).where('state', 'unknown').update({ state: 'sent', updated_at: now });
    }
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
      const deliveries = await findDeliveries(knex, freshNotices, deps.verp, now);
      const items = new Map<string, Item>();
      for (const notice of freshNotices) {
        for (const { recipient, delivery, matchedBy } of matchRecipients(notice, deliveries, deps.verp)) {
          const key = noticeKey(notice.origin, notice.reference, recipient?.email ?? null);
          if (!fresh.has(key) || items.has(key)) continue;
          items.set(key, { notice, recipient, key, delivery, matchedBy, bounceType: bounceTypeOf(notice, recipient), action: 'unmatched' });
        }
      }
      const applied = [...items.values()];
      const softCounts = await countSoftCampaigns(applied);
      for (const item of applied) {
        if (item.delivery)
          item.action = actionOf(policy, { kind: item.notice.kind, bounceType: item.bounceType, softCampaigns: softCounts.get(item) ?? 0 });
      }

      for (const item of applied) {
        const signal = signalOf(item);
        if (signal) await deps.signal(signal);
      }
      await updateDeliveries(applied, now);
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
      for (const item of applied) {
        const id = inserted.get(item.key);
        const hub = id === undefined ? null : hubEventOf(item.notice, item.recipient, item.delivery, item.action, id);
        if (hub) deps.emit(hub.name, hub.payload);
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
