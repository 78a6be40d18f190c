import type { Knex } from 'knex';
import { TABLES } from '../../constants';
import { chunks } from '../../db/bulk-insert';
import { deliveryOfVerp } from '../../mail/verp';
import { deliveryOfReplyAddress } from '../replies/reading/reply-address';
import type { InboundNotice, MatchMethod, NoticeRecipient } from './notice';

/** The delivery a notice is about, as matching reads it. */
export interface MatchedDelivery {
  id: number;
  campaignId: number;
  contactId: number;
  email: string;
  state: string;
  variant: string;
}

/** What finds VERP addresses: the signing secret and the bounce mailbox sending used. */
export interface VerpKey {
  secret: string;
  bounceAddress: string;
}

/** What finds signed reply addresses: the signing secret and `sending.replyAddress`. */
export interface ReplyAddressKey {
  secret: string;
  replyAddress: string;
}

/** What tells our mail from anyone else's. */
export interface MatchKeys {
  /** Null when no signing secret is configured: then nothing went out with a VERP address. */
  verp: VerpKey | null;
  /** Null unless `sending.replyAddress` is set: then no Reply-To named a delivery. */
  replyAddress?: ReplyAddressKey | null;
  /** The right side of every Message-ID the plugin writes. */
  messageIdDomain: string;
}

/** The deliveries a batch of notices may name, found with one query per way of naming them. */
export interface Deliveries {
  byId: ReadonlyMap<number, MatchedDelivery>;
  byMessageId: ReadonlyMap<string, MatchedDelivery>;
  /** The latest delivery to each address within the recipient window. */
  latestByEmail: ReadonlyMap<string, MatchedDelivery>;
}

export interface RecipientMatch {
  /** The recipient the notice states; null for a notice without one (a redacted complaint). */
  recipient: NoticeRecipient | null;
  delivery: MatchedDelivery | null;
  matchedBy: MatchMethod | null;
}

/** Deliveries found by their address only when they are this recent (older ones may be someone else's mail now). */
export const RECIPIENT_WINDOW_MS = 30 * 86_400_000;
/** Only these can have reached a server: a queued, suppressed or cancelled delivery was never sent. */
const MAILED_STATES = ['sending', 'sent', 'failed', 'unknown'];

const domainOfMessageId = (messageId: string) =>
  messageId
    .slice(messageId.lastIndexOf('@') + 1)
    .replace(/>$/, '')
    .toLowerCase();

/** What reports on a message someone sent, rather than coming from its recipient. */
const REPORTS = new Set<InboundNotice['kind']>(['bounce', 'complaint', 'delivered']);

/**
 * A report mail (bounce, complaint) that quotes the original message's Message-ID, none of them
 * ours, is about someone else's message (a feedback loop reporting another sender, a bounce of
 * mail we never sent): its recipients are not looked up by address, or a stranger's report would
 * suppress our subscriber. ESP webhooks are left out: some ESPs give their own message ids.
 */
const quotesOnlyForeignMail = (notice: InboundNotice, keys: MatchKeys) => {
  if ((notice.source !== 'mailbox' && notice.source !== 'raw') || !REPORTS.has(notice.kind)) return false;
  const ids = notice.match.messageIds ?? [];
  const ours = keys.messageIdDomain.toLowerCase();
  return ids.length > 0 && !ids.some((id) => domainOfMessageId(id) === ours);
};

/**
 * Whether a mail is about a message of ours: it found a delivery, or it is a report (a bounce, a
 * complaint) that quotes a Message-ID of our domain. Anything else in a shared human inbox (a
 * replies mailbox) is someone else's mail.
 */
export const concernsOurMail = (notice: InboundNotice, matches: readonly RecipientMatch[], keys: MatchKeys) => {
  if (matches.some((match) => match.delivery)) return true;
  const ours = keys.messageIdDomain.toLowerCase();
  return REPORTS.has(notice.kind) && (notice.match.messageIds ?? []).some((id) => domainOfMessageId(id) === ours);
};

const verpIdsOf = (notice: InboundNotice, verp: VerpKey | null) =>
  verp
    ? (notice.match.envelopeRecipients ?? []).flatMap((address) => {
        const id = deliveryOfVerp(verp.secret, verp.bounceAddress, address);
        return id === null ? [] : [id];
      })
    : [];

const replyAddressIdsOf = (notice: InboundNotice, key: ReplyAddressKey | null | undefined) =>
  key
    ? (notice.match.envelopeRecipients ?? []).flatMap((address) => {
        const id = deliveryOfReplyAddress(key.secret, key.replyAddress, address);
        return id === null ? [] : [id];
      })
    : [];

/** The one delivery a notice names for itself (not through a recipient), tried in the trusted order. */
const namedDelivery = (notice: InboundNotice, deliveries: Deliveries, keys: MatchKeys) => {
  const given = notice.match.deliveryId;
  if (given !== undefined && deliveries.byId.has(given)) return { delivery: deliveries.byId.get(given)!, matchedBy: 'delivery' as const };
  for (const id of verpIdsOf(notice, keys.verp)) {
    const delivery = deliveries.byId.get(id);
    if (delivery) return { delivery, matchedBy: 'verp' as const };
  }
  for (const id of replyAddressIdsOf(notice, keys.replyAddress)) {
    const delivery = deliveries.byId.get(id);
    if (delivery) return { delivery, matchedBy: 'reply-address' as const };
  }
  for (const messageId of notice.match.messageIds ?? []) {
    const delivery = deliveries.byMessageId.get(messageId);
    if (delivery) return { delivery, matchedBy: 'message-id' as const };
  }
  return null;
};

/**
 * Each recipient of a notice with its delivery. A delivery the notice names (its SMTP attempt, its
 * VERP address, a Message-ID of ours) goes to the recipient with that delivery's address; when no
 * stated recipient has it, the mail was forwarded (an alias, a mailing list) and the notice speaks
 * of the final address: the first stated recipient is taken as the forwarded delivery, and the
 * delivery's own address is the one acted on, as it is the one we mail. Any other recipient is
 * matched by its address alone: the latest delivery to it within 30 days, unless the mail is about
 * someone else's message.
 */
export const matchRecipients = (notice: InboundNotice, deliveries: Deliveries, keys: MatchKeys): RecipientMatch[] => {
  const named = namedDelivery(notice, deliveries, keys);
  const byAddress = !quotesOnlyForeignMail(notice, keys);
  if (!notice.recipients.length) return [{ recipient: null, delivery: named?.delivery ?? null, matchedBy: named?.matchedBy ?? null }];
  const namedIndex = named
    ? Math.max(
        0,
        notice.recipients.findIndex((r) => r.email === named.delivery.email)
      )
    : -1;
  return notice.recipients.map((recipient, i) => {
    if (named && i === namedIndex) return { recipient, ...named };
    const delivery = byAddress ? (deliveries.latestByEmail.get(recipient.email) ?? null) : null;
    return { recipient, delivery, matchedBy: delivery ? 'recipient' : null };
  });
};

interface DeliveryRow {
  id: number | string;
  campaign_id: number | string;
  contact_id: number | string;
  email: string;
  state: string;
  variant: string | null;
  message_id: string | null;
}

const COLUMNS = ['id', 'campaign_id', 'contact_id', 'email', 'state', 'variant', 'message_id'];

const deliveryOf = (row: DeliveryRow): MatchedDelivery => ({
  id: Number(row.id),
  campaignId: Number(row.campaign_id),
  contactId: Number(row.contact_id),
  email: row.email,
  state: row.state,
  variant: row.variant ?? '',
});

/** Reads every delivery a batch of notices may name: by id (given, VERP or reply address), by Message-ID, by recipient address. */
export const findDeliveries = async (
  knex: Knex,
  notices: readonly InboundNotice[],
  keys: Pick<MatchKeys, 'verp' | 'replyAddress'>,
  now: number
): Promise<Deliveries> => {
  const ids = new Set<number>();
  const messageIds = new Set<string>();
  const emails = new Set<string>();
  for (const notice of notices) {
    if (notice.match.deliveryId !== undefined) ids.add(notice.match.deliveryId);
    for (const id of verpIdsOf(notice, keys.verp)) ids.add(id);
    for (const id of replyAddressIdsOf(notice, keys.replyAddress)) ids.add(id);
    for (const messageId of notice.match.messageIds ?? []) messageIds.add(messageId);
    for (const recipient of notice.recipients) emails.add(recipient.email);
  }
  const byId = new Map<number, MatchedDelivery>();
  const byMessageId = new Map<string, MatchedDelivery>();
  const latestByEmail = new Map<string, MatchedDelivery>();
  for (const part of chunks([...ids])) {
    for (const row of (await knex(TABLES.deliveries).select(COLUMNS).whereIn('id', part)) as DeliveryRow[])
      byId.set(Number(row.id), deliveryOf(row));
  }
  for (const part of chunks([...messageIds])) {
    for (const row of (await knex(TABLES.deliveries).select(COLUMNS).whereIn('message_id', part)) as DeliveryRow[]) {
      byMessageId.set(row.message_id!, deliveryOf(row));
    }
  }
  for (const part of chunks([...emails])) {
    const rows = (await knex(TABLES.deliveries)
      .select(COLUMNS)
      .whereIn('email', part)
      .whereIn('state', MAILED_STATES)
      .where('queued_at', '>=', now - RECIPIENT_WINDOW_MS)) as DeliveryRow[];
    for (const row of rows) {
      const latest = latestByEmail.get(row.email);
      if (!latest || latest.id < Number(row.id)) latestByEmail.set(row.email, deliveryOf(row));
    }
  }
  return { byId, byMessageId, latestByEmail };
};
