import type {
  AutoReplyKind,
  ReplyClass,
  ReplyCounts,
  ReplyDetail,
  ReplyMatch,
  ReplyMatchNote,
  ReplySummary,
} from '../../../../shared/contracts/replies';
import { REPLY_CLASSES } from '../../../../shared/contracts/replies';
import type { JoinedReplyRow } from './replies-admin-query';

const isoOf = (epoch: number | string | null) => (epoch === null ? null : new Date(Number(epoch)).toISOString());

const nameOf = (...parts: Array<string | null>) => parts.filter(Boolean).join(' ') || null;

/** A reply as the inbox lists it. */
export const summaryOf = (row: JoinedReplyRow): ReplySummary => ({
  id: Number(row.id),
  class: row.class as ReplyClass,
  autoReplyKind: row.auto_reply_kind as AutoReplyKind | null,
  from: { email: row.from_address, name: row.from_name },
  subject: row.subject,
  snippet: row.snippet,
  receivedAt: isoOf(row.received_at) ?? new Date(0).toISOString(),
  returnDate: row.return_date,
  matchedBy: row.matched_by as ReplyMatch,
  matchNote: row.match_note as ReplyMatchNote | null,
  campaign: row.campaign_document_id ? { documentId: row.campaign_document_id, name: row.campaign_name ?? '' } : null,
  contact: row.contact_document_id
    ? {
        documentId: row.contact_document_id,
        email: row.contact_email ?? '',
        name: nameOf(row.contact_first_name, row.contact_last_name),
      }
    : null,
  handled: row.handled_at === null ? null : { at: isoOf(row.handled_at)!, by: row.handled_by },
});

/** The raw mail a reply came in, as stored (capped at `inbound.limits.storedRawBytes`). */
export interface RawRow {
  body: string;
  size: number | string;
  truncated: boolean | number;
}

/** A reply with its texts and its raw mail, all as text. */
export const detailOf = (row: JoinedReplyRow, raw: RawRow | null): ReplyDetail => ({
  ...summaryOf(row),
  text: row.body_text,
  quoted: row.quoted_text,
  signature: row.signature_text,
  raw: raw ? { text: String(raw.body), size: Number(raw.size), truncated: Boolean(raw.truncated) } : null,
});

/** A campaign's replies by class from a grouped count: every class, 0 for those it has none of. */
export const countsOf = (rows: Array<{ class: string; n: number | string }>): ReplyCounts => {
  const counts = Object.fromEntries(REPLY_CLASSES.map((c) => [c, 0])) as ReplyCounts;
  for (const row of rows) if (row.class in counts) counts[row.class as ReplyClass] = Number(row.n);
  return counts;
};

/** The admin who handled a reply, as the reply keeps it: their name and address. */
export interface HandlingAdmin {
  firstname?: string | null;
  lastname?: string | null;
  email: string;
}

export const adminLabel = (admin: HandlingAdmin) => {
  const name = nameOf(admin.firstname ?? null, admin.lastname ?? null);
  return name ? `${name} <${admin.email}>` : admin.email;
};
