import type { Core } from '@strapi/strapi';
import type { Contact } from '../../../../../shared/contracts/contacts';
import type {
  ContactData,
  ContactDataDelivery,
  ContactDataEvent,
  ContactDataNotice,
  ContactDataReply,
  ContactDataSuppression,
} from '../../../../../shared/contracts/privacy';
import { TABLES, UID } from '../../../constants';
import { chunks } from '../../../db/bulk-insert';
import { columnsOf } from '../../../db/columns';
import { documentsOf } from '../../../db/documents';
import { ofContact } from '../../../events/event-store';
import { hashEmail } from '../../../validation/email';

type Row = Record<string, unknown>;

const iso = (epochMs: unknown) => (epochMs === null || epochMs === undefined ? null : new Date(Number(epochMs)).toISOString());
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const parsed = (data: unknown) => {
  if (typeof data !== 'string') return data ?? null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
};

/**
 * Everything the plugin holds about one contact, for its owner's right of access (GDPR art. 15):
 * the contact's fields with its consent record and topics, the suppressions of its address, its
 * deliveries with their campaign, its events, the inbound notices (bounces, complaints) and
 * replies about it. Read with the plugin's own tables' ids, oldest first.
 */
export const contactDataOf = async (strapi: Core.Strapi, contactId: number, contact: Contact): Promise<ContactData> => {
  const knex = strapi.db.connection;
  const addresses = [...new Set([contact.email, contact.email.toLowerCase()])];

  const suppressionRows = await documentsOf(strapi, UID.suppression).findMany<Row>({
    filters: { emailHash: hashEmail(contact.email) },
    populate: { topic: { fields: ['slug'] } },
    sort: { createdAt: 'asc' },
  });
  const suppressions: ContactDataSuppression[] = suppressionRows.map((s) => ({
    documentId: String(s.documentId),
    reason: String(s.reason),
    scope: String(s.scope),
    topic: text((s.topic as Row | null)?.slug),
    note: text(s.note),
    createdAt: String(s.createdAt),
    expiresAt: text(s.expiresAt),
  }));

  const campaigns = strapi.db.metadata.get(UID.campaign).tableName;
  const c = columnsOf(strapi, UID.campaign, ['documentId', 'name', 'subject'] as const);
  const deliveryRows: Row[] = await knex(`${TABLES.deliveries} as d`)
    .leftJoin(`${campaigns} as c`, 'c.id', 'd.campaign_id')
    .select('d.*', { campaignDocumentId: `c.${c.documentId}`, campaignName: `c.${c.name}`, campaignSubject: `c.${c.subject}` })
    .where('d.contact_id', contactId)
    .orderBy('d.id');
  const deliveries: ContactDataDelivery[] = deliveryRows.map((d) => ({
    id: Number(d.id),
    campaign: { documentId: text(d.campaignDocumentId), name: text(d.campaignName), subject: text(d.campaignSubject) },
    state: String(d.state),
    email: String(d.email),
    messageId: text(d.message_id),
    lastError: text(d.last_error),
    queuedAt: iso(d.queued_at),
    sentAt: iso(d.sent_at),
    failedAt: iso(d.failed_at),
    firstOpenAt: iso(d.first_open_at),
    firstClickAt: iso(d.first_click_at),
    firstReplyAt: iso(d.first_reply_at),
  }));
  const deliveryIds = deliveries.map((d) => d.id);

  const eventRows: Row[] = await knex(TABLES.events).modify(ofContact(knex, contactId)).orderBy('occurred_at').orderBy('id');
  const events: ContactDataEvent[] = eventRows.map((e) => ({
    id: Number(e.id),
    type: String(e.type),
    deliveryId: e.delivery_id === null ? null : Number(e.delivery_id),
    campaignId: e.campaign_id === null ? null : Number(e.campaign_id),
    source: String(e.source),
    isBot: Boolean(Number(e.is_bot)),
    data: parsed(e.data),
    occurredAt: iso(e.occurred_at),
  }));

  /** Rows about the contact by id, address or delivery, each once, in id order. */
  const about = async (table: string, addressColumn: string) => {
    const rows = new Map<number, Row>();
    const add = (found: Row[]) => found.forEach((row) => rows.set(Number(row.id), row));
    add(await knex(table).where('contact_id', contactId).orWhereIn(addressColumn, addresses));
    for (const part of chunks(deliveryIds)) add(await knex(table).whereIn('delivery_id', part));
    return [...rows.values()].sort((a, b) => Number(a.id) - Number(b.id));
  };
  const inboundNotices: ContactDataNotice[] = (await about(TABLES.inboundNotices, 'email')).map((n) => ({
    id: Number(n.id),
    kind: String(n.kind),
    bounceType: text(n.bounce_type),
    reason: text(n.reason),
    status: text(n.status),
    diagnostic: text(n.diagnostic),
    deliveryId: n.delivery_id === null ? null : Number(n.delivery_id),
    occurredAt: iso(n.occurred_at),
  }));
  const replies: ContactDataReply[] = (await about(TABLES.replies, 'from_address')).map((r) => ({
    id: Number(r.id),
    deliveryId: r.delivery_id === null ? null : Number(r.delivery_id),
    class: String(r.class),
    autoReplyKind: text(r.auto_reply_kind),
    from: String(r.from_address),
    fromName: text(r.from_name),
    subject: String(r.subject),
    snippet: String(r.snippet),
    text: String(r.body_text),
    quoted: String(r.quoted_text),
    signature: String(r.signature_text),
    returnDate: text(r.return_date),
    matchedBy: String(r.matched_by),
    matchNote: text(r.match_note),
    receivedAt: iso(r.received_at),
    handledAt: iso(r.handled_at),
  }));

  return { exportedAt: new Date().toISOString(), contact, suppressions, deliveries, events, inboundNotices, replies };
};
