import {
  UNDOABLE_ACTIONS,
  type InboundNoticeDetail,
  type InboundNoticeSummary,
  type NoticeAction,
} from '../../../../shared/contracts/inbound';
import type { JoinedNoticeRow } from './notices-admin-query';

const isoOf = (epoch: number | string | null) => (epoch === null ? null : new Date(Number(epoch)).toISOString());

/** Whether the notice's action is one an admin may undo (a suppression it made), and it was not undone yet. */
export const isUndoable = (action: string, undoneAt: unknown) =>
  undoneAt === null && (UNDOABLE_ACTIONS as readonly string[]).includes(action);

/** A notice as the list shows it. */
export const summaryOf = (row: JoinedNoticeRow): InboundNoticeSummary => ({
  id: Number(row.id),
  receivedAt: isoOf(row.created_at) ?? new Date(0).toISOString(),
  occurredAt: isoOf(row.occurred_at),
  source: row.source as InboundNoticeSummary['source'],
  origin: row.origin,
  kind: row.kind as InboundNoticeSummary['kind'],
  bounceType: row.bounce_type as InboundNoticeSummary['bounceType'],
  reason: row.reason as InboundNoticeSummary['reason'],
  status: row.status,
  feedbackType: row.feedback_type,
  email: row.email,
  action: row.action as NoticeAction,
  matchedBy: row.matched_by as InboundNoticeSummary['matchedBy'],
  campaign: row.campaign_document_id ? { documentId: row.campaign_document_id, name: row.campaign_name ?? '' } : null,
  contact: row.contact_document_id ? { documentId: row.contact_document_id, email: row.contact_email ?? '' } : null,
  undone: row.undone_at === null ? null : { at: isoOf(row.undone_at)!, by: row.undone_by },
  undoable: isUndoable(row.action, row.undone_at),
});

/** The raw mail or webhook body a notice came in, as stored (capped). */
export interface RawRow {
  body: string;
  size: number | string;
  truncated: boolean | number;
}

/** A notice with its diagnostic and its raw message as text. */
export const detailOf = (row: JoinedNoticeRow, raw: RawRow | null): InboundNoticeDetail => ({
  ...summaryOf(row),
  diagnostic: row.diagnostic,
  raw: raw ? { text: String(raw.body), size: Number(raw.size), truncated: Boolean(raw.truncated) } : null,
});
